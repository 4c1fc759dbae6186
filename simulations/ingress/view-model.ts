// The ingress result → what views/result.hbs needs: rows of strings, CSS classes and the
// coordinates of the routing picture (requests on the left, backends on the right, one line
// per answer: solid for the Ingress, dashed for the Gateway).
import type { SimulationOutput } from '../shared/engine.ts';
import type { IngressResult } from './engine.ts';

export interface IngressView {
  requests: Array<{
    index: number; request: string;
    ingress: { status: number; cls: string; backend: string; via: string; why: string[]; losers: string[] } | null;
    gateway: { status: number; cls: string; backend: string; via: string; why: string[]; losers: string[] } | null;
    same: boolean | null;
  }>;
  picture: {
    width: number; height: number;
    left: Array<{ x: number; y: number; label: string }>;
    right: Array<{ x: number; y: number; label: string; cls: string }>;
    lines: Array<{ x1: number; y1: number; x2: number; y2: number; cls: string; title: string }>;
    hasIngress: boolean; hasGateway: boolean;
  } | null;
}

const statusClass = (s: number): string => (s === 200 ? 'ing-ok' : s === 308 ? 'ing-warn' : 'ing-bad');
const ROW = 26;

export function buildView(output: SimulationOutput<IngressResult>): IngressView {
  const r = output.result;
  const requests = r.requests.map((q) => ({
    index: q.index,
    request: q.request,
    ingress: q.ingress ? {
      status: q.ingress.status, cls: statusClass(q.ingress.status), backend: q.ingress.backend ?? '—',
      via: q.ingress.via ? `${q.ingress.via}${q.ingress.rule !== null ? ` rules[${q.ingress.rule}].http.paths[${q.ingress.path}]` : q.ingress.defaultBackend ? ' defaultBackend' : ''}` : '—',
      why: q.ingress.why,
      losers: q.ingress.candidates.filter((c) => !c.won).slice(0, 8).map((c) => `${c.ingress} rules[${c.rule}].http.paths[${c.path}] ${c.pathType} ${c.value}: ${c.outcome}`),
    } : null,
    gateway: q.gateway ? {
      status: q.gateway.status, cls: statusClass(q.gateway.status), backend: q.gateway.backend ?? '—',
      via: q.gateway.route ? `${q.gateway.route} rules[${q.gateway.ruleIndex}]` : '—',
      why: q.gateway.why,
      losers: q.gateway.candidates.filter((c) => !c.won).slice(0, 8).map((c) => `${c.route} rules[${c.ruleIndex}].matches[${c.matchIndex}] (${c.match}): ${c.outcome}`),
    } : null,
    same: q.same,
  }));
  if (r.requests.length === 0) return { requests, picture: null };
  const shown = r.requests.slice(0, 40);
  const targets: string[] = [];
  const target = (status: number, backend: string | null): string => {
    const t = status === 200 && backend ? backend.replace(/ \(\d+%\)/g, '') : String(status);
    if (!targets.includes(t)) targets.push(t);
    return t;
  };
  for (const q of shown) {
    if (q.ingress) target(q.ingress.status, q.ingress.backend);
    if (q.gateway) target(q.gateway.status, q.gateway.backend);
  }
  const rows = Math.max(shown.length, targets.length);
  const height = rows * ROW + 20;
  const width = 640;
  const left = shown.map((q, i) => ({ x: 4, y: 20 + i * ROW, label: q.request.length > 44 ? `${q.request.slice(0, 43)}…` : q.request }));
  const right = targets.map((t, i) => ({ x: 470, y: 20 + i * ROW, label: t, cls: /^\d+$/.test(t) ? 'ing-bad' : 'ing-ok' }));
  const lines: IngressView['picture'] extends infer P ? P extends { lines: infer L } ? L : never : never = [];
  shown.forEach((q, i) => {
    const y1 = 20 + i * ROW - 4;
    if (q.ingress) {
      const t = targets.indexOf(target(q.ingress.status, q.ingress.backend));
      lines.push({ x1: 330, y1, x2: 462, y2: 20 + t * ROW - 4, cls: 'ing-line-ingress', title: `Ingress: ${q.ingress.status} ${q.ingress.backend ?? ''}` });
    }
    if (q.gateway) {
      const t = targets.indexOf(target(q.gateway.status, q.gateway.backend));
      lines.push({ x1: 330, y1: y1 + 4, x2: 462, y2: 20 + t * ROW, cls: 'ing-line-gateway', title: `Gateway: ${q.gateway.status} ${q.gateway.backend ?? ''}` });
    }
  });
  return { requests, picture: { width, height, left, right, lines, hasIngress: shown.some((q) => q.ingress), hasGateway: shown.some((q) => q.gateway) } };
}
