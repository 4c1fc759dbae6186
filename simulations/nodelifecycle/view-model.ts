// The nodes result → what the partial needs: a timeline per node (heartbeats,
// Ready over time, taints, Pod deletions) as SVG coordinates, and the tables.

import type { NodesResult } from './engine.ts';

export interface Bilingual { en: string; zh: string }
export interface NodesView {
  timeline: {
    width: number; height: number; left: number;
    rows: { name: string; y: number; textY: number;
      heartbeats: { x: number }[];
      segments: { x: number; w: number; cls: string; title: Bilingual }[];
      markers: { x: number; y: number; cls: string; title: Bilingual; label: string }[] }[];
    axis: { x: number; label: string }[];
  };
  nodes: { name: string; status: string; ready: string; taints: string; fault: Bilingual; unknownAt: string; noExecuteAt: string }[];
  pods: { name: string; node: string; owner: string; deleted: Bilingual; stuck: boolean }[];
}

const WIDTH = 720, LEFT = 110, ROW = 46;

export function buildView(r: NodesResult): NodesView {
  const until = Math.max(r.until, 1);
  const xOf = (s: number) => Math.round(LEFT + ((WIDTH - LEFT - 10) * Math.min(s, until)) / until);
  const rows = r.nodes.slice(0, 30).map((n, i) => {
    const y = 10 + i * ROW;
    const segments: NodesView['timeline']['rows'][number]['segments'] = [];
    const changes = n.ready.length ? n.ready : [];
    for (let k = 0; k < changes.length; k++) {
      const from = changes[k].at;
      const to = k + 1 < changes.length ? changes[k + 1].at : until;
      const cls = changes[k].status === 'True' ? 'nl-ready' : changes[k].status === 'Unknown' ? 'nl-unknown' : 'nl-notready';
      segments.push({ x: xOf(from), w: Math.max(1, xOf(to) - xOf(from)), cls,
        title: { en: `${from}s–${to}s: Ready=${changes[k].status}${changes[k].reason ? ` (${changes[k].reason})` : ''}`, zh: `${from}s–${to}s：Ready=${changes[k].status}${changes[k].reason ? `（${changes[k].reason}）` : ''}` } });
    }
    const markers: NodesView['timeline']['rows'][number]['markers'] = [];
    for (const t of n.taints.filter((x) => x.change === 'added')) {
      markers.push({ x: xOf(t.at), y: y + 30, cls: t.effect === 'NoExecute' ? 'nl-m-noexec' : 'nl-m-nosched', label: t.effect === 'NoExecute' ? 'E' : 'S',
        title: { en: `${t.at}s: taint ${t.key}:${t.effect}`, zh: `${t.at}s：添加污点 ${t.key}:${t.effect}` } });
    }
    for (const p of r.pods.filter((p) => p.node === n.name && p.deletionRequestedAt !== undefined)) {
      markers.push({ x: xOf(p.deletionRequestedAt ?? 0), y: y + 40, cls: 'nl-m-delete', label: '×',
        title: { en: `${p.deletionRequestedAt}s: Pod ${p.name} deleted by ${p.deletedBy ?? 'a client'}${p.stuckTerminating ? ' (still Terminating: the kubelet cannot confirm)' : ''}`,
          zh: `${p.deletionRequestedAt}s：Pod ${p.name} 被 ${p.deletedBy === 'taint eviction' ? '污点驱逐' : p.deletedBy === 'eviction (kubectl drain)' ? '驱逐（kubectl drain）' : '客户端'} 删除${p.stuckTerminating ? '（仍是 Terminating：kubelet 无法确认）' : ''}` } });
    }
    return { name: n.name, y, textY: y + 14, heartbeats: n.heartbeats.map((h) => ({ x: xOf(h) })), segments, markers };
  });
  const step = until <= 120 ? 20 : until <= 600 ? 60 : until <= 1800 ? 300 : 600;
  const axis: { x: number; label: string }[] = [];
  for (let s = 0; s <= until; s += step) axis.push({ x: xOf(s), label: `${s}s` });
  return {
    timeline: { width: WIDTH, height: 10 + rows.length * ROW + 16, left: LEFT, rows, axis },
    nodes: r.nodes.map((n) => ({ name: n.name, status: n.status, ready: n.conditions.find((c) => c.type === 'Ready')?.status ?? '—', taints: n.finalTaints.join(', ') || '<none>',
      fault: n.fault ? { en: `${n.fault.type} at ${n.fault.at}s${n.fault.recoverAt !== undefined ? `, back at ${n.fault.recoverAt}s` : ''}`, zh: `${n.fault.at}s 起 ${n.fault.type}${n.fault.recoverAt !== undefined ? `，${n.fault.recoverAt}s 恢复` : ''}` } : { en: '—', zh: '—' },
      unknownAt: n.unknownAt === undefined ? '—' : `${n.unknownAt}s`, noExecuteAt: n.noExecuteTaintAt === undefined ? '—' : `${n.noExecuteTaintAt}s` })),
    pods: r.pods.slice(0, 200).map((p) => ({ name: `${p.namespace}/${p.name}`, node: p.node || '<none>', owner: p.owner, stuck: p.stuckTerminating,
      deleted: p.deletionRequestedAt === undefined ? { en: '—', zh: '—' } : { en: `${p.deletionRequestedAt}s by ${p.deletedBy}${p.goneAt !== undefined ? `, gone at ${p.goneAt}s` : ', still Terminating'}`,
        zh: `${p.deletionRequestedAt}s，由${p.deletedBy === 'taint eviction' ? '污点驱逐' : p.deletedBy === 'eviction (kubectl drain)' ? '驱逐（kubectl drain）' : '客户端'}删除${p.goneAt !== undefined ? `，${p.goneAt}s 消失` : '，仍是 Terminating'}` } })),
  };
}
