#!/usr/bin/env node
// `scripts/portal start|test|bench|openapi|lint`: run by the bash wrapper of the same name once Node 22/24, Yarn and the
// dependencies are in place.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from './lib/fail.mjs';
import { assertPortFree, startEmbeddedPostgres } from './lib/postgres.mjs';
import { chromiumPath, requireMkdocs } from './lib/preflight.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, { env = process.env, cwd = root } = {}) {
  return new Promise(resolve => {
    // Its own process group, so a signal reaches yarn's children (the backend, the dev server) too.
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit', detached: true });
    const forward = signal => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Uses the server named by POSTGRES_HOST, or starts the embedded one. */
async function database({ dataDir, port, persistent }) {
  if (process.env.POSTGRES_HOST) {
    for (const key of ['POSTGRES_PORT', 'POSTGRES_USER', 'POSTGRES_PASSWORD']) {
      if (!process.env[key]) fail(`POSTGRES_HOST is set but ${key} is not: set all of POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD`);
    }
    const { POSTGRES_HOST: host, POSTGRES_PORT, POSTGRES_USER: user, POSTGRES_PASSWORD: password } = process.env;
    console.error(`portal: using PostgreSQL at ${host}:${POSTGRES_PORT}`);
    return { connection: { host, port: Number(POSTGRES_PORT), user, password }, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ dataDir, port, persistent });
  console.error(`portal: embedded PostgreSQL 18 on localhost:${port} (data in ${path.relative(root, dataDir) || dataDir})`);
  return pg;
}

function pgEnv({ host, port, user, password }) {
  return {
    POSTGRES_HOST: host,
    POSTGRES_PORT: String(port),
    POSTGRES_USER: user,
    POSTGRES_PASSWORD: password,
  };
}

async function start() {
  requireMkdocs();
  await assertPortFree(3000, 'the app', undefined);
  await assertPortFree(7007, 'the backend', undefined);
  const pg = await database({
    dataDir: path.join(root, '.data', 'postgres'),
    port: Number(process.env.PORTAL_POSTGRES_PORT || 5433),
    persistent: true,
  });
  const code = await run('yarn', ['start', ...process.argv.slice(3)], {
    env: { ...process.env, ...pgEnv(pg.connection) },
  });
  await pg.stop();
  process.exit(code);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function test() {
  requireMkdocs();
  const chromium = chromiumPath();
  await assertPortFree(Number(process.env.PORTAL_E2E_PORT || 7007), 'the backend the end-to-end tests start', 'PORTAL_E2E_PORT');
  const reports = path.join(root, 'node_modules', '.cache', 'portal-test');
  fs.rmSync(reports, { recursive: true, force: true });
  fs.mkdirSync(reports, { recursive: true });
  const pg = await database({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-pg-')),
    port: Number(process.env.PORTAL_TEST_POSTGRES_PORT || 5434),
    persistent: false,
  });
  const { host, port, user, password } = pg.connection;
  const env = {
    ...process.env,
    ...pgEnv(pg.connection),
    CI: 'true',
    PORTAL_CHROMIUM: chromium,
    BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING: `postgresql://${user}:${encodeURIComponent(password)}@${host}:${port}`,
  };
  const steps = [
    ['generated OpenAPI code matches the documents', 'node', ['scripts/openapi.mjs', '--check']],
    ['type check', 'yarn', ['tsc']],
    // From a clean type check's dist-types (an incremental one may order unions differently).
    ['API reports match the code', 'yarn', ['build:api-reports', '--ci']],
    ['unit and integration tests', 'yarn', ['backstage-cli', 'repo', 'test', '--json', `--outputFile=${reports}/jest.json`]],
    ['app build', 'yarn', ['workspace', 'app', 'build']],
    ['end-to-end tests', 'yarn', ['playwright', 'test']],
  ];
  let failedStep;
  for (const [name, cmd, args] of steps) {
    console.error(`\nportal: ${name}: ${cmd} ${args.join(' ')}`);
    const code = await run(cmd, args, { env });
    if (code !== 0) {
      failedStep = name;
      break;
    }
  }
  await pg.stop();

  const jest = readJson(`${reports}/jest.json`);
  const e2e = readJson(`${reports}/e2e.json`);
  const passed = (jest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
  const failed = (jest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
  if (failedStep) console.error(`portal: the step '${failedStep}' failed`);
  console.log(`tests: ${passed} passed, ${failed + (failedStep && !failed ? 1 : 0)} failed`);
  process.exit(failedStep ? 1 : 0);
}

/** Runs every benchmark in bench/, or those named (`scripts/portal bench load`); each prints `name: value unit` lines. */
async function bench() {
  const all = fs.readdirSync(path.join(root, 'bench')).filter(f => f.endsWith('.mjs')).sort();
  const names = process.argv.slice(3).map(n => (n.endsWith('.mjs') ? n : `${n}.mjs`));
  const unknown = names.filter(n => !all.includes(n));
  if (unknown.length) fail(`no benchmark bench/${unknown[0]}: use one of ${all.map(f => f.replace(/\.mjs$/, '')).join(', ')}`);
  const scripts = names.length ? names : all;
  let failed = 0;
  for (const script of scripts) {
    console.error(`portal: bench/${script}`);
    if ((await run('node', [path.join('bench', script)])) !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

/** Regenerates the routers and clients of the in-house APIs from their OpenAPI documents (scripts/openapi.mjs). */
async function openapi() {
  process.exit(await run('node', [path.join(root, 'scripts', 'openapi.mjs'), ...process.argv.slice(3)]));
}

/** Checks catalog-info.yaml files (`scripts/portal lint [options] PATH...`) with packages/catalog-info-lint. */
async function lint() {
  const bin = path.join(root, 'packages', 'catalog-info-lint', 'bin', 'catalog-info-lint');
  process.exit(await run('node', [bin, ...process.argv.slice(3)], { cwd: process.cwd() }));
}

const commands = { start, test, bench, openapi, lint };
const command = commands[process.argv[2]];
if (!command) fail(`unknown command '${process.argv[2] ?? ''}': use 'scripts/portal start', 'scripts/portal test', 'scripts/portal bench', 'scripts/portal openapi' or 'scripts/portal lint'`);
await command();
