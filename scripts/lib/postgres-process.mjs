// The embedded PostgreSQL of postgres.mjs as a process of its own, for tests that stop and restart
// the server under a running backend: `node scripts/lib/postgres-process.mjs <dataDir> <port>`
// prints the connection as one JSON line once ready, and stops the server on SIGTERM or SIGINT. The
// data folder is kept, so starting it again on the same folder is a restart.
import { startEmbeddedPostgres } from './postgres.mjs';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error(
    'usage: node scripts/lib/postgres-process.mjs <dataDir> <port>',
  );
  process.exit(2);
}
const pg = await startEmbeddedPostgres({
  dataDir,
  port: Number(port),
  persistent: true,
});
process.stdout.write(`${JSON.stringify(pg.connection)}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await pg.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => {}, 1 << 30);
