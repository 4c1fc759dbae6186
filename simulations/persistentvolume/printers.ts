// What kubectl prints for PVs and claims: the server-side table columns of
// `kubectl get pv,pvc` and `kubectl describe pvc`.
// src: pkg/printers/internalversion/printers.go (AddHandlers persistentVolumeColumnDefinitions,
//      persistentVolumeClaimColumnDefinitions, printPersistentVolume, printPersistentVolumeClaim),
//      staging/src/k8s.io/kubectl/pkg/describe/describe.go (PersistentVolumeClaimDescriber,
//      describePersistentVolumeClaim, DescribeEvents, printLabelsMultiline, printAnnotationsMultiline),
//      staging/src/k8s.io/kubectl/pkg/cmd/get (several kinds: "persistentvolume/<name>" names, one
//      table per kind separated by a blank line).

import { Quantity } from '../apimachinery/quantity.ts';
import { formatTable, translateTimestampSince, podRowAt, podRowCells, podColumns } from '../kubectl/get-pods.ts';
import type { RecordedEvent } from './events.ts';
import { accessModesAsString, claimClass, volumeClass } from './matching.ts';
import { claimNamesOf } from './protection.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;

export const PV_COLUMNS = ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'];
export const PVC_COLUMNS = ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'];

/** aQty.String(): the canonical form ("10Gi", "1G"); an absent quantity prints "0". */
function quantityString(v: unknown): string {
  if (v === undefined || v === null) return '0';
  const q = Quantity.tryParse(v);
  return q ? q.toString() : String(v);
}

export function pvCells(pv: Obj, nowMs: number, prefix = false): string[] {
  const ref = pv.spec?.claimRef;
  const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
  const phase = meta(pv).deletionTimestamp ? 'Terminating' : String(pv.status?.phase ?? '');
  return [
    `${prefix ? 'persistentvolume/' : ''}${meta(pv).name}`,
    quantityString(pv.spec?.capacity?.storage),
    accessModesAsString(pv.spec?.accessModes),
    String(pv.spec?.persistentVolumeReclaimPolicy ?? ''),
    phase,
    claim,
    volumeClass(pv),
    pv.spec?.volumeAttributesClassName ?? '<unset>',
    String(pv.status?.reason ?? ''),
    translateTimestampSince(meta(pv).creationTimestamp, nowMs),
  ];
}

export function pvcCells(pvc: Obj, nowMs: number, prefix = false): string[] {
  const phase = meta(pvc).deletionTimestamp ? 'Terminating' : String(pvc.status?.phase ?? '');
  let capacity = '';
  let modes = '';
  if (pvc.spec?.volumeName) {
    modes = accessModesAsString(pvc.status?.accessModes);
    capacity = quantityString(pvc.status?.capacity?.storage);
  }
  return [
    `${prefix ? 'persistentvolumeclaim/' : ''}${meta(pvc).name}`,
    phase,
    String(pvc.spec?.volumeName ?? ''),
    capacity,
    modes,
    claimClass(pvc),
    pvc.spec?.volumeAttributesClassName ?? '<unset>',
    translateTimestampSince(meta(pvc).creationTimestamp, nowMs),
  ];
}

const byName = (a: Obj, b: Obj) => String(meta(a).name).localeCompare(String(meta(b).name));

/**
 * `kubectl get pv,pvc` over the PVs and the claims given (the caller picks one namespace's).
 * With both kinds, names carry their resource prefix and the tables are separated by a blank
 * line; with nothing: "No resources found".
 */
export function getPvPvc(pvs: readonly Obj[], pvcs: readonly Obj[], nowMs: number): string {
  const parts: string[] = [];
  const both = pvs.length > 0 && pvcs.length > 0;
  if (pvs.length) parts.push(formatTable([PV_COLUMNS, ...[...pvs].sort(byName).map((p) => pvCells(p, nowMs, both))]));
  if (pvcs.length) parts.push(formatTable([PVC_COLUMNS, ...[...pvcs].sort(byName).map((p) => pvcCells(p, nowMs, both))]));
  if (parts.length === 0) return 'No resources found';
  return parts.join('\n\n');
}

/** `kubectl get pods -o wide`, with the columns this chapter reads (NAME READY STATUS RESTARTS AGE NODE). */
export function getPods(pods: readonly Obj[], nowMs: number): string {
  if (pods.length === 0) return 'No resources found in default namespace.';
  // (the caller passes one namespace's Pods)
  const cols = [...podColumns(false), 'NODE'];
  return formatTable([cols, ...[...pods].sort(byName).map((p) => [...podRowCells(podRowAt(p, nowMs)), String(p.spec?.nodeName || '<none>')])]);
}

/** DescribeEvents: "Events:  <none>" or the table (Type, Reason, Age, From, Message), oldest first. */
export function eventLines(events: readonly RecordedEvent[], nowMs: number, epochMs: number): string[][] {
  if (events.length === 0) return [['Events:', '<none>']];
  const rows: string[][] = [['Events:'], ['  Type', 'Reason', 'Age', 'From', 'Message'], ['  ----', '------', '----', '----', '-------']];
  for (const e of [...events].sort((a, b) => a.lastMs - b.lastMs || a.firstMs - b.firstMs)) {
    const last = translateTimestampSince(epochMs + e.lastMs, nowMs);
    const age = e.count > 1 ? `${last} (x${e.count} over ${translateTimestampSince(epochMs + e.firstMs, nowMs)})` : translateTimestampSince(epochMs + e.firstMs, nowMs);
    rows.push([`  ${e.type}`, e.reason, age, e.source, e.message]);
  }
  return rows;
}

/** Lays out describe output as its tabwriter does (minwidth 0, padding 2, cells of consecutive tabbed lines aligned). */
export function describeLayout(lines: readonly (readonly string[])[]): string {
  // Go's tabwriter aligns a column over the consecutive lines that have a cell in it.
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].length <= 1) {
      out.push(lines[i][0] ?? '');
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].length > 1) j++;
    const block = lines.slice(i, j);
    const widths: number[] = [];
    for (const cells of block) cells.forEach((c, k) => { if (k < cells.length - 1) widths[k] = Math.max(widths[k] ?? 0, [...c].length + 2); });
    for (const cells of block) out.push(cells.map((c, k) => (k === cells.length - 1 ? c : c + ' '.repeat(widths[k] - [...c].length))).join(''));
    i = j;
  }
  return out.join('\n');
}

function multiline(title: string, items: string[]): string[][] {
  if (items.length === 0) return [[`${title}:`, '<none>']];
  return items.map((it, k) => (k === 0 ? [`${title}:`, it] : ['', it]));
}

/** `kubectl describe pvc <name>`, checked against kubectl 1.32 (test/conformance/persistentvolume/describe-pvc.test.ts). */
export function describePvc(pvc: Obj, pods: readonly Obj[], events: readonly RecordedEvent[], nowMs: number, epochMs: number): string {
  const m = meta(pvc);
  const lines: string[][] = [];
  lines.push(['Name:', String(m.name)]);
  lines.push(['Namespace:', String(m.namespace)]);
  lines.push(['StorageClass:', claimClass(pvc)]);
  if (m.deletionTimestamp) lines.push(['Status:', `Terminating (lasts ${translateTimestampSince(m.deletionTimestamp, nowMs)})`]);
  else lines.push(['Status:', String(pvc.status?.phase ?? '')]);
  lines.push(['Volume:', String(pvc.spec?.volumeName ?? '')]);
  const labels = Object.entries((m.labels ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`);
  lines.push(...multiline('Labels', labels));
  const anns = Object.entries((m.annotations ?? {}) as Record<string, string>).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}: ${v}`);
  lines.push(...multiline('Annotations', anns));
  lines.push(['Finalizers:', `[${((m.finalizers ?? []) as string[]).join(' ')}]`]);
  let capacity = '';
  let modes = '';
  if (pvc.spec?.volumeName) {
    modes = accessModesAsString(pvc.status?.accessModes);
    capacity = quantityString(pvc.status?.capacity?.storage);
  }
  lines.push(['Capacity:', capacity]);
  lines.push(['Access Modes:', modes]);
  if (pvc.spec?.volumeMode) lines.push(['VolumeMode:', String(pvc.spec.volumeMode)]);
  const users = pods.filter((p) => meta(p).namespace === m.namespace && claimNamesOf(p).includes(String(m.name))).map((p) => String(meta(p).name)).sort();
  lines.push(...multiline('Used By', users));
  lines.push(...eventLines(events, nowMs, epochMs));
  return `${describeLayout(lines)}\n`;
}
