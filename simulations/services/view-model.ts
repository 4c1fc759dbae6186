// What the services partial needs: the packets' paths as SVG boxes and arrows, and
// short labels. Pure; coordinates are computed here so the template stays logic-free.
import type { ServicesResult, PacketResult } from './engine.ts';

export interface PathBox {
  x: number;
  y: number;
  w: number;
  label: string;
  sub: string;
  cls: string;
  tx: number;
}
export interface PathArrow {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
  lx: number;
  ly: number;
}
export interface PacketView {
  name: string;
  summary: string;
  verdict: string;
  verdictClass: string;
  masq: boolean;
  seenSource: string;
  destinations: PacketResult['destinations'];
  width: number;
  height: number;
  boxes: PathBox[];
  arrows: PathArrow[];
  rules: { chain: string; rule: string; percent: string }[];
}
export interface ServicesView {
  packets: PacketView[];
  hasPackets: boolean;
  hasQueries: boolean;
  recordCount: number;
}

const BOX_W = 150;
const GAP = 46;
const ROW_H = 40;

function chainLabel(chain: string): string {
  return chain.length > 20 ? `${chain.slice(0, 19)}…` : chain;
}

function packetView(p: PacketResult): PacketView {
  // The chains the packet went through, in order (nat first, then filter), without KUBE-MARK-MASQ.
  const chains: { key: string; label: string; sub: string; probability: number }[] = [];
  for (const hop of p.path) {
    const key = `${hop.table}/${hop.chain}`;
    if (hop.chain === 'PREROUTING' || chains.some((c) => c.key === key)) continue;
    chains.push({ key, label: chainLabel(hop.chain), sub: hop.table, probability: hop.probability });
  }
  const ends = p.destinations.length > 0
    ? p.destinations.map((d) => ({ label: d.endpoint, sub: `${d.pod || '?'} ${d.percent}`, cls: 'svc-box-ep' }))
    : [{ label: p.verdict, sub: p.verdict === 'NO MATCH' ? 'not a Service address' : 'filter', cls: p.verdict === 'ACCEPT' ? 'svc-box-ok' : 'svc-box-bad' }];
  const boxes: PathBox[] = [];
  const arrows: PathArrow[] = [];
  const source = { x: 4, y: 4, w: BOX_W, label: p.sourceIP, sub: `→ ${p.destIP}:${p.destPort}`, cls: 'svc-box-src', tx: 4 + BOX_W / 2 };
  boxes.push(source);
  let x = 4 + BOX_W + GAP;
  for (const c of chains) {
    boxes.push({ x, y: 4, w: BOX_W, label: c.label, sub: c.sub, cls: 'svc-box-chain', tx: x + BOX_W / 2 });
    arrows.push({ x1: x - GAP, y1: 4 + ROW_H / 2, x2: x - 4, y2: 4 + ROW_H / 2, label: '', lx: x - GAP / 2, ly: 0 });
    x += BOX_W + GAP;
  }
  const lastX = x - GAP;
  ends.forEach((e, i) => {
    const y = 4 + i * (ROW_H + 10);
    boxes.push({ x, y, w: BOX_W, label: e.label, sub: e.sub, cls: e.cls, tx: x + BOX_W / 2 });
    arrows.push({ x1: lastX, y1: 4 + ROW_H / 2, x2: x - 4, y2: y + ROW_H / 2, label: '', lx: 0, ly: 0 });
  });
  const width = x + BOX_W + 8;
  const height = Math.max(1, ends.length) * (ROW_H + 10) + 8;
  return {
    name: p.name,
    summary: `${p.protocol} ${p.sourceIP} → ${p.destIP}:${p.destPort} (${p.node})`,
    verdict: p.verdict,
    verdictClass: p.verdict === 'DNAT' || p.verdict === 'ACCEPT' ? 'svc-ok' : 'svc-bad',
    masq: p.masq,
    seenSource: p.seenSource,
    destinations: p.destinations,
    width,
    height,
    boxes,
    arrows,
    rules: p.path.map((h) => ({ chain: `${h.table} ${h.chain}`, rule: h.rule, percent: `${(h.probability * 100).toFixed(1)}%` })),
  };
}

export function buildView(result: ServicesResult): ServicesView {
  return {
    packets: result.packets.map(packetView),
    hasPackets: result.packets.length > 0,
    hasQueries: result.dns.queries.length > 0,
    recordCount: result.dns.records.length,
  };
}
