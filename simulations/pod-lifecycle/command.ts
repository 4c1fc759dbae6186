// Reads what a container does from its command, where the manifest says it:
// `["sh", "-c", "sleep 5; exit 1"]`, `["sleep", "3600"]`, `["false"]` …
// Anything else is "runs until stopped" (the image's own program), and the engine
// says so in the trace. The shell rules are the ones that matter for termination:
// a shell or `sleep` running as PID 1 has no SIGTERM handler, and the kernel does
// not deliver unhandled signals to a namespace's init process, so such a container
// ignores SIGTERM and is SIGKILLed when the grace period ends (exit code 137).

export interface CommandBehavior {
  /** Seconds until the process exits by itself; undefined = runs until stopped. */
  exitAfterSeconds?: number;
  exitCode: number;
  /** The process is a shell/sleep that ignores SIGTERM as PID 1. */
  ignoresSigterm: boolean;
  /** How the command was read, for the trace ("sleep 5; exit 1" → runs 5 s, exits 1). */
  reading: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/sh', '/usr/bin/bash', '/bin/busybox']);

/** A number of seconds as `sleep` accepts it: "5", "0.5", "10s", "2m", "1h", "infinity". */
function sleepSeconds(arg: string): number | 'forever' | undefined {
  if (arg === 'infinity' || arg === 'inf') return 'forever';
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] === 'm' ? 60 : m[2] === 'h' ? 3600 : m[2] === 'd' ? 86400 : 1;
  return n * unit;
}

/**
 * Reads a shell script's effect: the sum of its `sleep`s and its final `exit`
 * (or `true`/`false`), for simple `;`/`&&`-separated scripts.
 */
function readScript(script: string): Omit<CommandBehavior, 'ignoresSigterm' | 'reading'> | undefined {
  const s = script.trim();
  if (/\bwhile\s+true\b|\bwhile\s*:|\bfor\s*\(\s*;\s*;\s*\)|\btail\s+-f\b/.test(s)) return { exitCode: 0 };
  const parts = s.split(/\s*(?:;|&&|\n)\s*/).filter((p) => p !== '');
  let total = 0;
  let exitCode = 0;
  let forever = false;
  for (const part of parts) {
    const words = part.split(/\s+/);
    const cmd = words[0];
    if (cmd === 'sleep' && words.length === 2) {
      const secs = sleepSeconds(words[1]);
      if (secs === undefined) return undefined;
      if (secs === 'forever') forever = true;
      else total += secs;
      exitCode = 0;
    } else if (cmd === 'exit') {
      const code = words.length > 1 ? Number(words[1]) : exitCode;
      if (!Number.isInteger(code)) return undefined;
      return forever ? { exitCode: 0 } : { exitAfterSeconds: total, exitCode: ((code % 256) + 256) % 256 };
    } else if (cmd === 'true' || cmd === ':') {
      exitCode = 0;
    } else if (cmd === 'false') {
      exitCode = 1;
    } else if (cmd === 'echo' || cmd === 'date' || cmd === 'env' || cmd === 'printenv' || cmd === 'cat' || cmd === 'ls') {
      exitCode = 0;
    } else {
      return undefined;
    }
  }
  if (forever) return { exitCode: 0 };
  return { exitAfterSeconds: total, exitCode };
}

/**
 * What `command` + `args` do, when we can tell; undefined when we cannot.
 *
 * @example readCommand(['sh', '-c', 'sleep 5; exit 1'])
 *   // { exitAfterSeconds: 5, exitCode: 1, ignoresSigterm: true, reading: '…' }
 * @example readCommand(['sleep', '3600']) // runs 3600 s, exits 0, ignores SIGTERM
 */
export function readCommand(command: readonly string[] | undefined, args: readonly string[] | undefined): CommandBehavior | undefined {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) return undefined;
  const [first, ...rest] = argv;
  const base = first.split('/').pop() ?? first;
  if (SHELLS.has(first) || SHELLS.has(base)) {
    const c = rest.indexOf('-c');
    if (c === -1 || c + 1 >= rest.length) return undefined;
    const script = rest[c + 1];
    const read = readScript(script);
    if (!read) return undefined;
    return { ...read, ignoresSigterm: true, reading: describe(read, `${base} -c "${script}"`) };
  }
  if (base === 'sleep' && rest.length === 1) {
    const secs = sleepSeconds(rest[0]);
    if (secs === undefined) return undefined;
    const read = secs === 'forever' ? { exitCode: 0 } : { exitAfterSeconds: secs, exitCode: 0 };
    return { ...read, ignoresSigterm: true, reading: describe(read, argv.join(' ')) };
  }
  if ((base === 'true' || base === 'false') && rest.length === 0) {
    const read = { exitAfterSeconds: 0, exitCode: base === 'true' ? 0 : 1 };
    return { ...read, ignoresSigterm: true, reading: describe(read, base) };
  }
  return undefined;
}

function describe(read: { exitAfterSeconds?: number; exitCode: number }, text: string): string {
  if (read.exitAfterSeconds === undefined) return `\`${text}\` runs until it is stopped`;
  return `\`${text}\` runs ${read.exitAfterSeconds}s and exits with code ${read.exitCode}`;
}
