#!/usr/bin/env node
// catalog-info-lint offline: N generated catalog-info.yaml files (one in ten with a problem: a YAML
// error, an unknown owner, a missing lifecycle) checked by one run of the checker with --org examples,
// as `scripts/portal lint` runs it (TypeScript transpiled at start, included in the figure). Prints
// `name: value unit`; the target is under 5 s for 1,000 files.   BENCH_LINT_FILES (1000)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_LINT_FILES || 1000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-bench-'));
const owners = ['payments', 'logistics', 'platform', 'web'];

for (let i = 0; i < count; i++) {
  const name = `bench-service-${i}`;
  let text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: Generated service ${i}.
  annotations:
    backstage.io/source-location: url:https://git.example/${name}/
spec:
  type: service
  lifecycle: production
  owner: ${owners[i % owners.length]}
  system: payments
  dependsOn: [resource:payments-db]
`;
  if (i % 10 === 3) text = text.replace('  name: ', '   name: ');
  if (i % 10 === 6) text = text.replace(/owner: .*/, 'owner: no-such-team');
  if (i % 10 === 9) text = text.replace('  lifecycle: production\n', '');
  fs.mkdirSync(path.join(work, name));
  fs.writeFileSync(path.join(work, name, 'catalog-info.yaml'), text);
}

const started = process.hrtime.bigint();
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'packages/catalog-info-lint/bin/catalog-info-lint'),
    '--format',
    'json',
    '--org',
    'examples',
    work,
  ],
  { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
fs.rmSync(work, { recursive: true, force: true });
if (result.status !== 1) {
  console.error(result.stderr);
  throw new Error(
    `expected exit 1 (the generated problems), got ${result.status}`,
  );
}
const { summary } = JSON.parse(result.stdout);
console.log(`catalog_info_lint_files: ${summary.files} files`);
console.log(`catalog_info_lint_errors: ${summary.errors} errors`);
console.log(`catalog_info_lint_time: ${seconds.toFixed(2)} s`);
