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
