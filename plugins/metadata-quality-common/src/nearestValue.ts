// Common shorthands for the lifecycle stages the built-in rule allows.
const LIFECYCLE_ALIASES: Record<string, string> = {
  prod: 'production',
  live: 'production',
  ga: 'production',
  exp: 'experimental',
  beta: 'experimental',
  alpha: 'experimental',
  dev: 'experimental',
  development: 'experimental',
  dep: 'deprecated',
  eol: 'deprecated',
  retired: 'deprecated',
};

/** The allowed value closest to what is written (a known alias, a common prefix), else the first. */
export function nearestValue(value: unknown, allowed: string[]): string {
  const text = String(value ?? '')
    .trim()
    .toLocaleLowerCase('en-US');
  const exact = allowed.find(a => a.toLocaleLowerCase('en-US') === text);
  if (exact) return exact;
  const alias = LIFECYCLE_ALIASES[text];
  if (alias && allowed.includes(alias)) return alias;
  const prefixed = allowed.find(
    a =>
      text.length >= 2 &&
      (a.toLocaleLowerCase('en-US').startsWith(text) ||
        text.startsWith(a.toLocaleLowerCase('en-US'))),
  );
  return prefixed ?? allowed[0];
}
