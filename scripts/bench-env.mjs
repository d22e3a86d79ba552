// What every benchmark reports beside its figures: the machine, and how much CPU the server it
// measures used (less sensitive to other work than wall time).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The machine and how busy it is now (other work skews every figure: record it). */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${platform()} ${release()}`,
    loadAverage1m: round(loadavg()[0], 2),
  };
}

/**
 * CPU seconds (user + system) the `serve` process of the data folder `dir` has used so far, from
 * /proc; null where /proc is missing or no such process runs.
 */
export function serverCpuSeconds(dir) {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmd;
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.includes('serve') || !cmd.includes(dir)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
    }
  } catch {
    /* not Linux */
  }
  return null;
}
