import fs from 'node:fs';

/** The pid and every descendant pid of a process, read from /proc. */
export function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  const all = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift();
    all.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return all;
}

/** The largest peak resident set (VmHWM) among the processes, in MiB: the backend's own process. */
export function peakRssMiB(pids) {
  let max = 0;
  for (const pid of pids) {
    try {
      const m = fs
        .readFileSync(`/proc/${pid}/status`, 'utf8')
        .match(/VmHWM:\s+(\d+) kB/);
      if (m) max = Math.max(max, Number(m[1]) / 1024);
    } catch {
      // exited meanwhile
    }
  }
  return max;
}

/**
 * CPU seconds (user + system) of the processes, from /proc, with what their exited children used
 * (PostgreSQL's connections come and go): the difference between two readings is the CPU in between.
 */
export function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100;
}

/**
 * Percent of a core the backend (`backendPid` and its children) and PostgreSQL spend over `seconds`.
 * PostgreSQL's postmaster is the bench process's other child; its connections are its children.
 */
export async function idleCpu(backendPid, seconds) {
  const backendPids = descendants(backendPid);
  const postgresPids = () =>
    descendants(process.pid).filter(
      pid => pid !== process.pid && !backendPids.includes(pid),
    );
  const [b0, p0, t0] = [
    cpuSeconds(backendPids),
    cpuSeconds(postgresPids()),
    Date.now(),
  ];
  await new Promise(r => setTimeout(r, seconds * 1000));
  const elapsed = (Date.now() - t0) / 1000;
  return {
    backend: (100 * (cpuSeconds(backendPids) - b0)) / elapsed,
    postgres: (100 * (cpuSeconds(postgresPids()) - p0)) / elapsed,
  };
}
