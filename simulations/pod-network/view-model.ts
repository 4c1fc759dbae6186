// The pod-network result as the partial needs it: one path picture per packet (a box per hop,
// left to right, coloured by what happens there), the node tables and the CIDR checks.

import type { SimulationOutput } from '../shared/engine.ts';
import type { PodNetworkResult } from './engine.ts';

const BOX_W = 128;
const BOX_H = 52;
const GAP = 22;

export interface PathView {
  name: string;
  delivered: boolean;
  summary: { en: string; zh: string };
  width: number;
  height: number;
  boxes: { x: number; y: number; w: number; h: number; cls: string; device: string; at: string; title: string; tx: number; ty1: number; ty2: number }[];
  arrows: { x1: number; x2: number; y: number }[];
  steps: { at: string; device: string; action: string; packet: string }[];
}

export interface PodNetworkView {
  backend: string;
  podMtu: number;
  paths: PathView[];
  nodes: PodNetworkResult['nodes'];
  pods: PodNetworkResult['pods'];
  checks: { ok: boolean; cls: string; message: string }[];
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function buildView(output: SimulationOutput<PodNetworkResult>): PodNetworkView {
  const r = output.result;
  return {
    backend: r.backend,
    podMtu: r.podMtu,
    paths: r.packets.map((p) => {
      const boxes = p.hops.map((h, i) => {
        const x = 8 + i * (BOX_W + GAP);
        return { x, y: 8, w: BOX_W, h: BOX_H, cls: `pn-${h.kind}`, device: clip(h.device, 18), at: clip(h.at, 20), title: `${h.at} · ${h.device}: ${h.action} — ${h.packet}`, tx: x + BOX_W / 2, ty1: 8 + 22, ty2: 8 + 40 };
      });
      const arrows = boxes.slice(1).map((b) => ({ x1: b.x - GAP + 2, x2: b.x - 3, y: 8 + BOX_H / 2 }));
      const how = p.sameNode
        ? { en: ' on the same node', zh: '（同一节点）' }
        : p.encapsulation
          ? { en: ` through ${p.encapsulation.toUpperCase()}`, zh: `（经 ${p.encapsulation.toUpperCase()} 封装）` }
          : { en: ', routed without encapsulation', zh: '（路由转发，不封装）' };
      const summary = p.delivered
        ? { en: `${p.from} → ${p.to}: delivered${how.en}; largest Pod packet on this path ${p.maxPodPacket} bytes`, zh: `${p.from} → ${p.to}：送达${how.zh}；这条路径上 Pod 的最大包长 ${p.maxPodPacket} 字节` }
        : { en: `${p.from} → ${p.to}: dropped: ${p.dropReason}`, zh: `${p.from} → ${p.to}：被丢弃：${p.dropReason}` };
      return {
        name: p.name,
        delivered: p.delivered,
        summary,
        width: Math.max(16 + boxes.length * (BOX_W + GAP), 200),
        height: BOX_H + 16,
        boxes,
        arrows,
        steps: p.hops.map((h) => ({ at: h.at, device: h.device, action: h.action, packet: h.packet })),
      };
    }),
    nodes: r.nodes,
    pods: r.pods,
    checks: r.cidrChecks.map((c) => ({ ok: c.ok, cls: c.ok ? 'pn-ok' : 'pn-bad', message: c.message })),
  };
}
