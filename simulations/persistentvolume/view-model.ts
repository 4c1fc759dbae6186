// What the storage partial needs, computed once: the kubectl blocks as text, the binding
// picture (each claim, its volume and why every other candidate did not fit, in words that
// name upstream's rule), and a timeline of phases as SVG lanes (told apart by a label and a
// pattern class, with the same facts in a table). Words of our own come as { en, zh }.

import type { StorageResult, Candidate } from './engine.ts';

export interface Text {
  en: string;
  zh: string;
}

/** Why a candidate volume was passed over, in both languages, with the rule that says so. */
export const REASON_TEXT: Record<Candidate['reason'], Text> = {
  chosen: { en: 'chosen', zh: '被选中' },
  excluded: { en: 'already chosen for another claim of the same Pod', zh: '已分给同一 Pod 的另一个 claim' },
  boundToAnotherClaim: { en: 'spec.claimRef names another claim', zh: 'spec.claimRef 指向另一个 claim' },
  tooSmall: { en: 'capacity smaller than the request', zh: '容量小于请求' },
  volumeModeMismatch: { en: 'volumeMode differs (Filesystem vs Block)', zh: 'volumeMode 不同（Filesystem 与 Block）' },
  volumeAttributesClassMismatch: { en: 'volumeAttributesClassName differs', zh: 'volumeAttributesClassName 不同' },
  beingDeleted: { en: 'the PV is being deleted', zh: 'PV 正在删除' },
  delayBinding: { en: 'WaitForFirstConsumer: the PV controller binds only pre-bound volumes, the scheduler picks', zh: 'WaitForFirstConsumer：PV 控制器只绑定预绑定的卷，由调度器来选' },
  notAvailable: { en: 'status.phase is not Available', zh: 'status.phase 不是 Available' },
  selectorMismatch: { en: "labels do not match the claim's selector", zh: '标签不满足 claim 的 selector' },
  storageClassMismatch: { en: 'storageClassName differs', zh: 'storageClassName 不同' },
  nodeAffinityMismatch: { en: "node affinity excludes the Pod's node", zh: '节点亲和性不包含 Pod 所在节点' },
  accessModesMismatch: { en: 'does not offer every access mode asked for', zh: '没有提供所要求的全部访问模式' },
  largerThanChosen: { en: 'fits, but a smaller volume fits too (the smallest wins)', zh: '也合适，但有更小的卷合适（选最小的）' },
  preboundNodeAffinityMismatch: { en: "pre-bound, but its node affinity excludes the Pod's node", zh: '已预绑定，但节点亲和性不包含 Pod 所在节点' },
  laterAccessModeGroup: { en: 'in an access-mode group with more modes: never searched, a group with fewer modes already had a match', zh: '所在访问模式组的模式更多：根本没被搜索，模式更少的组已有匹配' },
  wrongAccessModes: { en: "its access-mode set lacks a mode the claim asks for (never searched)", zh: '访问模式集合缺少 claim 要求的模式（根本不会被搜索）' },
};

const HOW_TEXT: Record<string, Text> = {
  matched: { en: 'the PV controller matched an existing volume (static provisioning)', zh: 'PV 控制器匹配到一个已有的卷（静态供给）' },
  prebound: { en: 'pre-bound by the user (spec.volumeName or the PV’s spec.claimRef)', zh: '用户预绑定（spec.volumeName 或 PV 的 spec.claimRef）' },
  scheduler: { en: 'chosen by the scheduler for the Pod’s node (WaitForFirstConsumer)', zh: '调度器按 Pod 所在节点选定（WaitForFirstConsumer）' },
  provisioned: { en: 'created for it by the provisioner (dynamic provisioning)', zh: '由 provisioner 为它创建（动态供给）' },
  none: { en: 'not bound', zh: '未绑定' },
};

const PHASES = ['Pending', 'Available', 'Bound', 'Released', 'Failed', 'Lost', 'Terminating', 'Running', 'ContainerCreating', 'Deleted'];

export interface StorageView {
  truncated: Text | null;
  actions: { at: string; command: string; output: string; error: boolean }[];
  snapshots: { label: Text; getPvPvc: string; getPods: string; blocks: { command: string; text: string }[]; end: boolean }[];
  bindings: { claim: string; volume: string; how: Text; by: string; candidates: { volume: string; reason: Text; chosen: boolean }[] }[];
  describe: { claim: string; text: string }[];
  describePods: { pod: string; text: string }[];
  timeline: { width: number; height: number; lanes: { label: string; y: number; segments: { x: number; width: number; cls: string; phase: string }[] }[]; ticks: { x: number; label: string }[]; rows: { object: string; changes: string }[] };
  events: { at: string; type: string; reason: string; object: string; message: string; source: string; warning: boolean }[];
  eventsDropped: number;
}

const LEFT = 170;
const W = 680;
const LANE = 18;

export function buildView(output: { result: StorageResult }): StorageView {
  const r = output.result;
  const end = Math.max(1, r.stoppedAtSeconds);
  const plotW = W - LEFT - 10;
  const x = (t: number) => Math.round((LEFT + (Math.min(t, end) / end) * plotW) * 10) / 10;
  const lanes = r.timeline.slice(0, 40).map((line, i) => {
    const short = line.kind === 'PersistentVolumeClaim' ? 'pvc' : line.kind === 'PersistentVolume' ? 'pv' : 'pod';
    const name = line.kind === 'PersistentVolume' ? line.object : line.object.split('/')[1];
    const segments = line.points.map((p, k) => {
      const until = k + 1 < line.points.length ? line.points[k + 1].at : end;
      const idx = PHASES.indexOf(p.phase);
      return { x: x(p.at), width: Math.max(1, Math.round((x(until) - x(p.at)) * 10) / 10), cls: `st-ph-${idx < 0 ? 'other' : p.phase.toLowerCase()}`, phase: p.phase };
    }).filter((s) => s.phase !== 'Deleted');
    return { label: `${short}/${name.length > 22 ? `${name.slice(0, 21)}…` : name}`, y: 20 + i * LANE, segments };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: x(end * f), label: `${Math.round(end * f)}s` }));
  return {
    truncated: r.truncated ? { en: `Stopped at ${r.truncated.at}s: the ${r.truncated.reason} budget (${r.truncated.limit}) was reached.`, zh: `在 ${r.truncated.at}s 停止：达到了 ${r.truncated.reason} 预算（${r.truncated.limit}）。` } : null,
    actions: r.actions.map((a) => ({ at: `${a.at}s`, command: a.command, output: a.output, error: a.error })),
    snapshots: r.snapshots.map((s) => ({
      label: s.moment === 'end' ? { en: `at ${s.at}s (end)`, zh: `${s.at}s（结束）` } : s.moment === 'action' ? { en: `at ${s.at}s, before the command`, zh: `${s.at}s，命令之前` } : s.moment === 'budget' ? { en: `at ${s.at}s (stopped by a budget)`, zh: `${s.at}s（预算用尽而停止）` } : { en: `at ${s.at}s`, zh: `${s.at}s` },
      getPvPvc: s.getPvPvc,
      getPods: s.getPods,
      blocks: s.blocks,
      end: s.moment === 'end' || s.moment === 'budget',
    })),
    bindings: r.bindings.map((b) => ({
      claim: b.claim,
      volume: b.volume ?? '—',
      how: HOW_TEXT[b.how ?? 'none'],
      by: b.decidedBy ? `${b.decidedBy}${b.node ? ` (${b.node})` : ''}${b.at !== null ? ` @ ${b.at}s` : ''}` : '',
      candidates: b.candidates.map((c) => ({ volume: c.volume, reason: REASON_TEXT[c.reason], chosen: c.reason === 'chosen' })),
    })),
    describe: r.describe,
    describePods: r.describePods,
    timeline: {
      width: W,
      height: 30 + lanes.length * LANE,
      lanes,
      ticks,
      rows: r.timeline.map((l) => ({ object: `${l.kind} ${l.object}`, changes: l.points.map((p) => `${p.at}s ${p.phase}`).join(' → ') })),
    },
    events: r.events.map((e) => ({ at: e.count > 1 ? `${e.at}s–${e.lastAt}s (x${e.count})` : `${e.at}s`, type: e.type, reason: e.reason, object: e.object, message: e.message, source: e.source, warning: e.type === 'Warning' })),
    eventsDropped: r.eventsDropped,
  };
}
