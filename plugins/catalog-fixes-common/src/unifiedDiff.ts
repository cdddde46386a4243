import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file (`a/<path>`, `b/<path>`, three lines of context), as git writes it. */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(
    `a/${path}`,
    `b/${path}`,
    before,
    after,
    '',
    '',
    {
      context: 3,
    },
  );
  // Without the `====` line and the empty timestamps `diff` writes.
  return patch
    .split('\n')
    .filter(line => !/^=+$/.test(line))
    .map(line => line.replace(/^(---|\+\+\+) (\S+)\t$/, '$1 $2'))
    .join('\n');
}
