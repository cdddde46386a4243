// A throw-away OpenLDAP server (Debian's slapd, run as the current user on a localhost port with its
// own slapd.conf and database in `dir`; /etc/ldap is only read for the stock schemas).
// As a module: startSlapd(), ldapModify(). As a process (the backend's Jest tests spawn it):
//   node scripts/lib/slapd.mjs <dir> <port> [file.ldif]
// prints {"url","suffix","bindDn","secret"} on one line once the data is loaded; SIGTERM stops it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SLAPD = process.env.PORTAL_SLAPD ?? '/usr/sbin/slapd';
export const SUFFIX = 'dc=acme,dc=test';
const ROOT_DN = `cn=admin,${SUFFIX}`;
// Only a throw-away test directory uses it.
const ROOT_SECRET = 'lighthouse-test-secret';

function run(cmd, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => (out += d));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} exited with ${code}: ${out.slice(-2000)}`)),
    );
    child.stdin.end(input ?? '');
  });
}

/** Applies LDIF change records (`changetype: add|modify|delete`, or plain entries with `-a`). */
export async function ldapModify(server, ldif, { add = false } = {}) {
  const args = [
    '-x',
    '-H',
    server.url,
    '-D',
    server.bindDn,
    '-w',
    server.secret,
  ];
  if (add) args.push('-a');
  await run('ldapmodify', args, ldif);
}

/** Starts slapd on 127.0.0.1:`port` with data in `dir`, loaded with `ldif` (entries under SUFFIX). */
export async function startSlapd({ dir, port, ldif = '' }) {
  if (!fs.existsSync(SLAPD)) {
    throw new Error(
      `${SLAPD} not found: install slapd and ldap-utils (sudo apt-get install slapd ldap-utils)`,
    );
  }
  const data = path.join(dir, 'data');
  fs.mkdirSync(data, { recursive: true });
  const conf = path.join(dir, 'slapd.conf');
  fs.writeFileSync(
    conf,
    [
      ...['core', 'cosine', 'inetorgperson', 'nis', 'msuser'].map(
        s => `include /etc/ldap/schema/${s}.schema`,
      ),
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${path.join(dir, 'slapd.pid')}`,
      `argsfile ${path.join(dir, 'slapd.args')}`,
      'sizelimit unlimited',
      'database mdb',
      `suffix "${SUFFIX}"`,
      `rootdn "${ROOT_DN}"`,
      `rootpw ${ROOT_SECRET}`,
      `directory ${data}`,
      'maxsize 1073741824',
      'index objectClass eq',
      '',
    ].join('\n'),
  );
  const url = `ldap://127.0.0.1:${port}`;
  // -d 0: stay in the foreground (a child we can stop) without debug output.
  const child = spawn(SLAPD, ['-d', '0', '-h', `${url}/`, '-f', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', d => (log += d));
  child.stderr.on('data', d => (log += d));
  const server = {
    url,
    suffix: SUFFIX,
    bindDn: ROOT_DN,
    secret: ROOT_SECRET,
    child,
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `slapd exited with ${child.exitCode}: ${log.slice(-2000)}`,
      );
    try {
      await run('ldapsearch', [
        '-x',
        '-H',
        url,
        '-D',
        ROOT_DN,
        '-w',
        ROOT_SECRET,
        '-b',
        '',
        '-s',
        'base',
        'objectClass=*',
      ]);
      break;
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(
          `slapd did not answer on ${url}: ${e.message} ${log.slice(-2000)}`,
        );
      await new Promise(r => setTimeout(r, 200));
    }
  }
  await ldapModify(
    server,
    `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: acme\no: Acme\n\n${ldif}`,
    { add: true },
  );
  return {
    ...server,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const [dir, port, ldifFile] = process.argv.slice(2);
  const server = await startSlapd({
    dir,
    port: Number(port),
    ldif: ldifFile ? fs.readFileSync(ldifFile, 'utf8') : '',
  });
  const { child: _child, stop, ...connection } = server;
  process.stdout.write(`${JSON.stringify(connection)}\n`);
  const quit = () => stop().then(() => process.exit(0));
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
  server.child.on('exit', code => process.exit(code ?? 1));
}
