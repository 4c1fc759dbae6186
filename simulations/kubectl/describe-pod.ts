// `kubectl describe pod`, as kubectl 1.32 prints it, from a Pod object and its Events.
// src: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describePod, describeContainers,
// describeStatus, describeResources, DescribeProbe, describeVolumes, DescribeEvents,
// printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultilineWithIndent,
// tabbedString), kubectl/pkg/util/qos (GetPodQOS), Go's text/tabwriter.
// Checked against the real kubectl 1.32 in test/conformance/resources-oom/describe-pod.test.ts.
//
// Times print as RFC1123Z in UTC (kubectl prints local time; the site and the
// tests run with TZ=UTC). Ages are apimachinery HumanDuration of `now − t`.

import { Quantity } from '../apimachinery/quantity.ts';
import { humanDuration } from '../apimachinery/duration.ts';
import { getPodQOS } from '../apiserver/pod-qos.ts';
import type { PodLike } from '../apiserver/pod-qos.ts';
import { runeCount } from './get-pods.ts';

// The inputs are plain JSON objects (a Pod, core/v1 Events): read them loosely.
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function toMillis(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const ms = Date.parse(String(value));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Go's time.RFC1123Z in UTC: `Wed, 01 Jan 2025 00:00:01 +0000`; a zero/absent time prints year 1. */
export function formatRFC1123Z(value: unknown): string {
  const ms = toMillis(value);
  if (ms === undefined) return ZERO_TIME;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

// ---------------------------------------------------------------------------
// Go text/tabwriter with kubectl's settings: minwidth 0, tabwidth 8, padding 2,
// padchar ' ', flags 0. A line with a single cell flushes (and so ends every
// column block), exactly as tabwriter.Write does.

export class TabWriter {
  private lines: string[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private out = '';

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t' || ch === '\n') {
        const line = this.lines[this.lines.length - 1];
        line.push(this.cell);
        this.cell = '';
        if (ch === '\n') {
          const ncells = line.length;
          this.lines.push([]);
          if (ncells === 1) this.flush();
        }
      } else {
        this.cell += ch;
      }
    }
  }

  flush(): void {
    if (this.cell.length > 0) {
      this.lines[this.lines.length - 1].push(this.cell);
      this.cell = '';
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  result(): string {
    this.flush();
    return this.out;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue;
      this.writeLines(line0, current);
      line0 = current;
      let width = 0;
      for (; current < line1; current++) {
        const line = this.lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, runeCount(line[column]) + 2);
      }
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((cell, j) => {
        this.out += cell;
        if (j < this.widths.length) this.out += ' '.repeat(Math.max(0, this.widths[j] - runeCount(cell)));
      });
      if (i + 1 !== this.lines.length) this.out += '\n';
    }
  }
}

/** kubectl's PrefixWriter: two spaces per level. */
export class PrefixWriter {
  constructor(readonly tw: TabWriter) {}
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }
  line(text: string): void {
    this.tw.write(`${text}\n`);
  }
}

// ---------------------------------------------------------------------------

/** A string field as Go prints it: absent is the zero value "". */
function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** map[key] for a key the map itself holds. */
function own(map: unknown, key: string): unknown {
  return map !== null && typeof map === 'object' && Object.prototype.hasOwnProperty.call(map, key) ? (map as Record<string, unknown>)[key] : undefined;
}

function sortedKeys(map: Obj | null | undefined): string[] {
  return Object.keys(map ?? {}).sort(byteOrder);
}

/** Go's sort.Strings: byte order, not locale order. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function quantityString(value: unknown): string {
  const q = Quantity.tryParse(value);
  return q ? q.toString() : String(value);
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Obj | null | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

// describe.go skipAnnotations
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Obj | null | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = String(annotations![key]).replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) {
        const shown = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(0, `\t  ${shown}\n`);
      }
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

function printTolerations(w: PrefixWriter, title: string, tolerations: Obj[] | null | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) return w.line('<none>');
  list.sort((a, b) => byteOrder(String(a.key ?? ''), String(b.key ?? '')));
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = String(t.key ?? '');
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (typeof t.tolerationSeconds === 'number') text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

function describeResources(resources: Obj | null | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = sortedKeys(resources.limits);
  if (limits.length > 0) w.write(level, 'Limits:\n');
  for (const name of limits) w.write(level + 1, `${name}:\t${quantityString(resources.limits[name])}\n`);
  const requests = sortedKeys(resources.requests);
  if (requests.length > 0) w.write(level, 'Requests:\n');
  for (const name of requests) w.write(level + 1, `${name}:\t${quantityString(resources.requests[name])}\n`);
}

function intOrString(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe */
export function describeProbe(probe: Obj): string {
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  const attrs = `delay=${n(probe.initialDelaySeconds)}s timeout=${n(probe.timeoutSeconds)}s period=${n(probe.periodSeconds)}s #success=${n(probe.successThreshold)} #failure=${n(probe.failureThreshold)}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = String(probe.httpGet.scheme ?? '').toLowerCase();
    const port = intOrString(probe.httpGet.port);
    const host = String(probe.httpGet.host ?? '');
    const hostPort = port.length > 0 ? joinHostPort(host, port) : host;
    const path = String(probe.httpGet.path ?? '');
    // net/url URL.String(): scheme "://"? host, then the path (a "/" is added when the path lacks one).
    let url = scheme ? `${scheme}:` : '';
    if (hostPort || scheme) url += `//${hostPort}`;
    if (path && !path.startsWith('/') && hostPort) url += '/';
    url += path;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(stateName: string, state: Obj | null | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(2, `${stateName}:\tRunning\n`);
    w.write(3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if (typeof t.signal === 'number' && t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${stateName}:\tWaiting\n`);
  }
}

/** EnvValueRetriever for the common downward-API field paths. */
function fieldPathValue(pod: Obj, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return str(own(pod.metadata?.[m[1]], m[2]));
  const simple: Record<string, unknown> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return String(simple[path] ?? '');
}

/**
 * resourcehelper.ExtractContainerResourceValue (rounded up by the divisor): requests.<r> or limits.<r>
 * for cpu, memory, ephemeral-storage and hugepages-*; anything else is an error, which describe prints as "".
 */
function resourceFieldValue(ref: Obj, container: Obj): string {
  const m = /^(requests|limits)\.(cpu|memory|ephemeral-storage|hugepages-.+)$/.exec(String(ref.resource ?? ''));
  if (!m) return '';
  const [, kind, name] = m;
  // An unset (zero) divisor means 1.
  const given = Quantity.tryParse(ref.divisor);
  const divisor = given && !given.isZero() ? given : Quantity.parse('1');
  const value = Quantity.tryParse(own(container.resources?.[kind], name));
  if (!value) return '0';
  if (name === 'cpu') return String(Math.ceil(value.milliValue() / divisor.milliValue()));
  return String(Math.ceil(value.value() / divisor.value()));
}

function describeContainerEnvVars(container: Obj, pod: Obj, w: PrefixWriter): void {
  const env: Obj[] = container.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${str(e.name)}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      w.write(3, `${str(e.name)}:\t${fieldPathValue(pod, str(from.fieldRef.fieldPath))} (${str(from.fieldRef.apiVersion)}:${str(from.fieldRef.fieldPath)})\n`);
    } else if (from.resourceFieldRef) {
      let value = resourceFieldValue(from.resourceFieldRef, container);
      const r = from.resourceFieldRef.resource;
      if (value === '0' && (r === 'limits.cpu' || r === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${str(e.name)}:\t${value} (${str(r)})\n`);
    } else if (from.secretKeyRef) {
      w.write(3, `${str(e.name)}:\t<set to the key '${str(from.secretKeyRef.key)}' in secret '${str(from.secretKeyRef.name)}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(3, `${str(e.name)}:\t<set to the key '${str(from.configMapKeyRef.key)}' of config map '${str(from.configMapKeyRef.name)}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

function describeContainerEnvFrom(container: Obj, w: PrefixWriter): void {
  w.write(2, 'Environment Variables from:\n');
  for (const e of container.envFrom as Obj[]) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    if (e.prefix) w.write(3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
    else w.write(3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
  }
}

function describeContainers(label: string, containers: Obj[], statuses: Obj[] | undefined, pod: Obj, w: PrefixWriter): void {
  const byName = new Map<string, Obj>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = byName.get(container.name);
    w.write(1, `${str(container.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${container.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports: Obj[] = container.ports ?? [];
    const portString = ports.map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (portString.includes(',')) w.write(2, `Ports:\t${portString}\n`);
    else w.write(2, `Port:\t${portString || '<none>'}\n`);
    const hostPortString = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (hostPortString.includes(',')) w.write(2, `Host Ports:\t${hostPortString}\n`);
    else w.write(2, `Host Port:\t${hostPortString || '<none>'}\n`);
    const seccomp = container.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    for (const [key, title] of [['command', 'Command'], ['args', 'Args']] as const) {
      const list: unknown[] = container[key] ?? [];
      if (list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const s of String(item).split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeStatus('State', status.state, w);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
      w.write(2, `Ready:\t${status.ready === true ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(container.resources ?? {}, w, 2);
    if (container.livenessProbe) w.write(2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
    if (container.readinessProbe) w.write(2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
    if (container.startupProbe) w.write(2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w);
    describeContainerEnvVars(container, pod, w);
    const mounts: Obj[] = [...(container.volumeMounts ?? [])].sort((a, b) => byteOrder(String(a.mountPath), String(b.mountPath)));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
    }
    const devices: Obj[] = [...(container.volumeDevices ?? [])].sort((a, b) => byteOrder(String(a.devicePath), String(b.devicePath)));
    if (devices.length > 0) {
      w.write(2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
      for (const d of devices) w.write(3, `${str(d.devicePath)} from ${str(d.name)}\n`);
    }
  }
}

function goBoolPointer(value: unknown): string {
  return typeof value === 'boolean' ? String(value) : '<nil>';
}

function describeVolumes(volumes: Obj[] | undefined, w: PrefixWriter): void {
  if (!volumes || volumes.length === 0) return w.write(0, 'Volumes:\t<none>\n');
  w.write(0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(1, `${str(v.name)}:\n`);
    if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(v.hostPath.path)}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`);
    } else if (v.emptyDir) {
      const size = Quantity.tryParse(v.emptyDir.sizeLimit);
      const sizeLimit = size && size.sign() > 0 ? size.toString() : '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(v.persistentVolumeClaim.claimName)}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        // kubectl 1.32 prints the *bool itself with %v (and labels the secret one "SecretOptionalName"): "<nil>" when unset (a set one prints a
        // Go pointer address, which no simulation can reproduce; we print the value instead).
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${goBoolPointer(s.secret.optional)}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${goBoolPointer(s.configMap.optional)}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}\n`);
      }
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

function describeTopologySpreadConstraints(tscs: Obj[] | undefined, w: PrefixWriter): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => byteOrder(String(a.topologyKey), String(b.topologyKey)));
  w.write(0, 'Topology Spread Constraints:\t');
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = `${str(t.topologyKey)}:${str(t.whenUnsatisfiable)} when max skew ${t.maxSkew ?? 0} is exceeded`;
    if (t.labelSelector) text += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(0, `${text}\n`);
  });
}

/** metav1.FormatLabelSelector for matchLabels and simple expressions. */
function formatLabelSelector(selector: Obj): string {
  const parts: string[] = [];
  for (const key of sortedKeys(selector.matchLabels)) parts.push(`${key}=${selector.matchLabels[key]}`);
  for (const e of selector.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'Exists') parts.push(e.key);
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op === 'In' ? 'in' : 'notin'} (${[...(e.values ?? [])].sort(byteOrder).join(',')})`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

/** kubectl/pkg/util/event SortableEvents: by lastTimestamp, oldest first (stable for ties). */
function eventSortKey(e: Obj): number {
  return toMillis(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
}

function describeEvents(events: readonly Obj[], w: PrefixWriter, now: number): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n');
  w.tw.flush();
  const sorted = [...events].sort((a, b) => eventSortKey(a) - eventSortKey(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  const since = (t: unknown) => {
    const ms = toMillis(t);
    return ms === undefined ? '<unknown>' : humanDuration(now - ms);
  };
  for (const e of sorted) {
    const first = toMillis(e.eventTime) !== undefined ? since(e.eventTime) : since(e.firstTimestamp);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
    else if (typeof e.count === 'number' && e.count > 1) interval = `${since(e.lastTimestamp)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || e.reportingController || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}

/**
 * The exact text of `kubectl describe pod` (kubectl 1.32) for a Pod and the
 * Events about it, as if run at `now`. Pass `events: null` for `--show-events=false`.
 *
 * @example
 *   describePod(pod, [], '2025-01-01T00:05:00Z')
 *   // "Name:             web\nNamespace:        default\n...Events:          <none>\n"
 */
export function describePod(pod: Obj, events: readonly Obj[] | null | undefined, now: Date | string | number): string {
  const nowMs = toMillis(now) ?? 0;
  const tw = new TabWriter();
  const w = new PrefixWriter(tw);
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(0, 'Node:\t<none>\n');
  else w.write(0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
  if (toMillis(status.startTime) !== undefined) w.write(0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    const ms = toMillis(meta.deletionTimestamp);
    w.write(0, `Status:\tTerminating (lasts ${ms === undefined ? '<unknown>' : humanDuration(nowMs - ms)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips: Obj[] = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${str(ip.ip)}\n`);
  }
  const controller = (meta.ownerReferences ?? []).find((r: Obj) => r.controller === true);
  if (controller) w.write(0, `Controlled By:\t${str(controller.kind)}/${str(controller.name)}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    describeResources(spec.resources, w, 1);
  }
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, pod, w);
  describeContainers('Containers', spec.containers ?? [], status.containerStatuses, pod, w);
  if ((spec.ephemeralContainers ?? []).length > 0) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, pod, w);
  const gates: Obj[] = spec.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = (status.conditions ?? []).find((x: Obj) => x.type === g.conditionType);
      w.write(1, `${str(g.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
    }
  }
  const conditions: Obj[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)} \n`);
  }
  describeVolumes(spec.volumes, w);
  w.write(0, `QoS Class:\t${getPodQOS(pod as PodLike)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, 'Tolerations', spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w);
  if (events !== null) describeEvents(events ?? [], w, nowMs);
  return tw.result();
}
