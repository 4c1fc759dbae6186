// The `kubectl get pods` row, computed as the API server's table printer does.
// src: pkg/printers/internalversion/printers.go printPod (it runs in the API server
// for `Accept: as=Table`, so kubectl's version does not change it), with
// duration.HumanDuration for AGE and the "N (<age> ago)" RESTARTS form.
//
// Inputs are plain core/v1 JSON (a Pod as `kubectl get pod -o json` prints it),
// read loosely: missing fields are zero values, as in Go.

import { humanDuration } from '../apimachinery/duration.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PrintPodOptions {
  /** `-o wide`: adds IP, NODE, NOMINATED NODE, READINESS GATES. */
  wide?: boolean;
}

export interface PodRow {
  name: string;
  /** READY: ready/total, sidecars included in the total. */
  ready: string;
  /** STATUS: the phase, or the reason that explains it (Init:0/2, CrashLoopBackOff, Completed, Terminating …). */
  status: string;
  /** RESTARTS: "5" or "5 (3m ago)". */
  restarts: string;
  /** The restart count as a number (sum over the counted containers). */
  restartCount: number;
  age: string;
  ip?: string;
  node?: string;
  nominatedNode?: string;
  readinessGates?: string;
  /** The newest lastState.terminated.finishedAt that RESTARTS counts from (Unix ms), if any. */
  lastRestartAt?: number;
  /** metadata.creationTimestamp (Unix ms), if set. */
  createdAt?: number;
  /** TableRowConditions: Completed=True for Succeeded and Failed Pods (kubectl hides such rows without -a on old versions). */
  conditions?: { type: 'Completed'; status: 'True'; reason: 'Succeeded' | 'Failed'; message: string }[];
}

/** Everything `now` may be: Unix milliseconds, an RFC 3339 string or a Date. */
export type Instant = number | string | Date;

function ms(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const text = String(value);
  let parsed = parsedTimes.get(text);
  if (parsed === undefined) {
    parsed = Date.parse(text);
    if (parsedTimes.size > 50_000) parsedTimes.clear();
    parsedTimes.set(text, parsed);
  }
  return Number.isNaN(parsed) ? undefined : parsed;
}

// Timelines print the same timestamps many times.
const parsedTimes = new Map<string, number>();

/** printers.go translateTimestampSince: "<unknown>" for a zero time, else HumanDuration(now − t). */
export function translateTimestampSince(timestamp: unknown, now: Instant): string {
  const t = ms(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration((ms(now) ?? 0) - t);
}

function isRestartableInitContainer(container: Obj | undefined): boolean {
  return !!container && container.restartPolicy === 'Always';
}

function isPodInitializedConditionTrue(status: Obj): boolean {
  for (const c of status.conditions ?? []) {
    if (c.type !== 'Initialized') continue;
    return c.status === 'True';
  }
  return false;
}

function hasPodReadyCondition(conditions: Obj[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * printPod: the cells of `kubectl get pods` for one Pod at `now`.
 *
 * @example
 *   printPod(crashLoopingPod, '2025-01-01T00:02:00Z')
 *   // { name: 'crash', ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (29s ago)', age: '2m', ... }
 */
export function printPod(pod: Obj, now: Instant, options: PrintPodOptions = {}): PodRow {
  const spec: Obj = pod.spec ?? {};
  const status: Obj = pod.status ?? {};
  const metadata: Obj = pod.metadata ?? {};
  const containers: Obj[] = spec.containers ?? [];
  const initSpecs: Obj[] = spec.initContainers ?? [];

  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = containers.length;
  let readyContainers = 0;
  let lastRestartDate: number | undefined;
  let lastRestartableInitContainerRestartDate: number | undefined;
  const later = (current: number | undefined, candidate: number | undefined) =>
    candidate !== undefined && (current === undefined || current < candidate) ? candidate : current;

  const podPhase: string = status.phase ?? '';
  let reason: string = podPhase;
  if (status.reason) reason = status.reason;

  // A Pod held by scheduling gates shows SchedulingGated.
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const row: PodRow = { name: metadata.name ?? '', ready: '', status: '', restarts: '', restartCount: 0, age: '' };
  if (podPhase === 'Succeeded') {
    row.conditions = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
  } else if (podPhase === 'Failed') {
    row.conditions = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  }

  const initContainers = new Map<string, Obj>();
  for (const c of initSpecs) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses: Obj[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    const state: Obj = container.state ?? {};
    const lastTerminated = container.lastState?.terminated;
    restarts += container.restartCount ?? 0;
    if (lastTerminated) lastRestartDate = later(lastRestartDate, ms(lastTerminated.finishedAt));
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount ?? 0;
      if (lastTerminated) {
        lastRestartableInitContainerRestartDate = later(lastRestartableInitContainerRestartDate, ms(lastTerminated.finishedAt));
      }
    }
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (state.terminated) {
      // Initialization failed.
      if (!state.terminated.reason) {
        reason = state.terminated.signal
          ? `Init:Signal:${state.terminated.signal}`
          : `Init:ExitCode:${state.terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${state.terminated.reason}`;
      }
      initializing = true;
    } else if (state.waiting && state.waiting.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(status)) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses: Obj[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      const state: Obj = container.state ?? {};
      restarts += container.restartCount ?? 0;
      const lastTerminated = container.lastState?.terminated;
      if (lastTerminated) lastRestartDate = later(lastRestartDate, ms(lastTerminated.finishedAt));
      if (state.waiting && state.waiting.reason) {
        reason = state.waiting.reason;
      } else if (state.terminated && state.terminated.reason) {
        reason = state.terminated.reason;
      } else if (state.terminated && !state.terminated.reason) {
        reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode ?? 0}`;
      } else if (container.ready && state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to Running if at least one container still runs.
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
    }
  }

  const terminalPhase = podPhase === 'Failed' || podPhase === 'Succeeded';
  if (metadata.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (metadata.deletionTimestamp && !terminalPhase) {
    reason = 'Terminating';
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate !== undefined) {
    restartsStr = `${restarts} (${translateTimestampSince(lastRestartDate, now)} ago)`;
  }

  if (lastRestartDate !== undefined) row.lastRestartAt = lastRestartDate;
  const created = ms(metadata.creationTimestamp);
  if (created !== undefined) row.createdAt = created;
  row.ready = `${readyContainers}/${totalContainers}`;
  row.status = reason;
  row.restarts = restartsStr;
  row.restartCount = restarts;
  row.age = translateTimestampSince(metadata.creationTimestamp, now);

  if (options.wide) {
    const podIPs: Obj[] = status.podIPs ?? [];
    row.ip = podIPs.length > 0 && podIPs[0].ip ? podIPs[0].ip : '<none>';
    row.node = spec.nodeName || '<none>';
    row.nominatedNode = status.nominatedNodeName || '<none>';
    let readinessGates = '<none>';
    const gates: Obj[] = spec.readinessGates ?? [];
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const gate of gates) {
        const condition = (status.conditions ?? []).find((c: Obj) => c.type === gate.conditionType);
        if (condition && condition.status === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    row.readinessGates = readinessGates;
  }
  return row;
}

const rowCache = new WeakMap<object, PodRow>();

/**
 * printPod for a Pod object that is printed at many moments (a timeline): the
 * time-independent cells are computed once per object, AGE and RESTARTS at `now`.
 * Same output as printPod.
 */
export function podRowAt(pod: Obj, now: Instant, options: PrintPodOptions = {}): PodRow {
  if (options.wide) return printPod(pod, now, options);
  let base = rowCache.get(pod);
  if (!base) {
    base = printPod(pod, 0);
    rowCache.set(pod, base);
  }
  const nowMs = ms(now) ?? 0;
  const row: PodRow = { ...base };
  row.age = base.createdAt === undefined ? '<unknown>' : humanDuration(nowMs - base.createdAt);
  row.restarts =
    base.restartCount !== 0 && base.lastRestartAt !== undefined
      ? `${base.restartCount} (${humanDuration(nowMs - base.lastRestartAt)} ago)`
      : String(base.restartCount);
  return row;
}

/** The columns kubectl prints for pods (the Table's column definitions; wide adds the priority-1 ones). */
export function podColumns(wide = false): string[] {
  const base = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  return wide ? [...base, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : base;
}

/** The cells of a row in column order. */
export function podRowCells(row: PodRow, wide = false): string[] {
  const cells = [row.name, row.ready, row.status, row.restarts, row.age];
  if (wide) cells.push(row.ip ?? '<none>', row.node ?? '<none>', row.nominatedNode ?? '<none>', row.readinessGates ?? '<none>');
  return cells;
}

/**
 * The width text/tabwriter gives a cell: its number of runes (code points), so a
 * surrogate pair counts once. Plain ASCII, the usual case, is just its length.
 */
export function runeCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Lays rows out as kubectl's tabwriter does (printers.GetNewTabWriter: minwidth 6,
 * padding 3, padded with spaces, the last column not padded).
 *
 * @example formatTable([['NAME', 'READY'], ['web', '1/1']]) // "NAME   READY\nweb    1/1"
 */
export function formatTable(lines: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const cells of lines) {
    cells.forEach((cell, i) => {
      if (i === cells.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, Math.max(6, runeCount(cell) + 3));
    });
  }
  return lines
    .map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - runeCount(cell)))).join(''))
    .join('\n');
}

/**
 * `kubectl get -w` output: the header and the initial list are laid out together,
 * then each watch event is printed on its own, its columns at least as wide as
 * every line printed before it (kubectl 1.32 keeps the widest width seen so far;
 * checked against the real kubectl in test/conformance/pod-lifecycle/get-pods-table.test.ts).
 *
 * @example formatWatch(['NAME', 'STATUS'], [['web', 'Pending']], [['web', 'ContainerCreating'], ['web', 'Running']])
 */
export function formatWatch(
  header: readonly string[],
  initial: readonly (readonly string[])[],
  events: readonly (readonly string[])[],
): string[] {
  const widths: number[] = [];
  const out: string[] = [];
  const flush = (lines: readonly (readonly string[])[]) => {
    for (const cells of lines) {
      cells.forEach((cell, i) => {
        if (i === cells.length - 1) return;
        widths[i] = Math.max(widths[i] ?? 0, 6, runeCount(cell) + 3);
      });
    }
    for (const cells of lines) {
      out.push(cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - runeCount(cell)))).join(''));
    }
  };
  flush([header, ...initial]);
  for (const e of events) flush([e]);
  return out;
}
