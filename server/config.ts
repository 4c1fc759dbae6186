// Server settings, read once from the environment. Every setting has a
// documented default (README "Configuration"); nothing else reads process.env.

import { resolve } from 'node:path';
import { rootPath } from './paths.ts';

export interface Config {
  port: number;
  host: string;
  /** Folder holding the SQLite database (created on first start). */
  dataDir: string;
  /** Express "trust proxy" setting: false (default), a hop count, or a list of addresses. */
  trustProxy: boolean | number | string;
  /** Serve cookies with Secure and the __Host- prefix (set when behind TLS). */
  secureCookies: boolean;
  /** Largest accepted request body, in bytes, after decompression. */
  bodyLimitBytes: number;
  /** Simulation workers. */
  workers: number;
  /** Wall-clock deadline for one simulation run. */
  simDeadlineMs: number;
  /** Heap cap of one simulation worker. */
  simHeapMb: number;
  /** Simulation runs allowed per minute, per learner and per client address. */
  runsPerMinutePerLearner: number;
  runsPerMinutePerAddress: number;
  /** Quiz answers allowed per minute, per learner (issue 14, quotas). */
  answersPerMinute: number;
  /** Progress imports allowed per hour, per learner. */
  importsPerHour: number;
  /** Learners one client address may create per hour (by a first request that saves something). */
  newLearnersPerHourPerAddress: number;
  /** Attempts kept per learner and quiz: the first and the newest. */
  attemptsKeptPerQuiz: number;
  /** Refuse new writes once the database holds this many MiB of data; 0: no limit. */
  maxDatabaseMb: number;
  /** Whole-request timeout: slow clients are cut off after this long. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Log each request to stdout. */
  logRequests: boolean;
  /** Folder of the source notes (NNN_*.txt) shown at /notes/; absent: no notes pages. */
  notesDir: string;
  /** Print the event loop's delay (p50, p99, max) this often; 0: never. */
  logEventLoopDelayMs: number;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function trustProxySetting(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // e.g. "loopback" or "10.0.0.0/8, 127.0.0.1"
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int('PORT', 3000, env),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    secureCookies: env.SECURE_COOKIES === 'true',
    bodyLimitBytes: 256 * 1024,
    workers: int('SIM_WORKERS', 2, env),
    simDeadlineMs: int('SIM_DEADLINE_MS', 2000, env),
    simHeapMb: int('SIM_HEAP_MB', 256, env),
    runsPerMinutePerLearner: int('RUNS_PER_MINUTE', 120, env),
    runsPerMinutePerAddress: int('RUNS_PER_MINUTE_PER_ADDRESS', 600, env),
    answersPerMinute: int('ANSWERS_PER_MINUTE', 60, env),
    importsPerHour: int('IMPORTS_PER_HOUR', 30, env),
    newLearnersPerHourPerAddress: int('NEW_LEARNERS_PER_HOUR_PER_ADDRESS', 300, env),
    attemptsKeptPerQuiz: int('ATTEMPTS_KEPT_PER_QUIZ', 50, env),
    maxDatabaseMb: int('MAX_DATABASE_MB', 2048, env),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 15_000, env),
    headersTimeoutMs: int('HEADERS_TIMEOUT_MS', 10_000, env),
    logRequests: env.LOG_REQUESTS === 'true',
    notesDir: env.NOTES_DIR ? resolve(env.NOTES_DIR) : rootPath('..', 'shared', 'notes'),
    logEventLoopDelayMs: int('LOG_EVENT_LOOP_DELAY_MS', 0, env),
  };
}
