// What the config-propagation partial needs: the changes and, per consumer, when it sees each.
import type { PropagationResult } from './engine.ts';

type L = { en: string; zh: string };
export interface PropagationView {
  changes: { at: string; what: string; message: string; ok: boolean }[];
  rows: { pod: string; container: string; how: string; source: string; sees: L[]; live: boolean }[];
}

export function buildView(r: PropagationResult): PropagationView {
  return {
    changes: r.changes.map((c) => ({ at: `${c.atSeconds}s`, what: `${c.kind} ${c.name}`, message: c.message, ok: c.accepted })),
    rows: r.consumers.map((c) => ({
      pod: c.pod, container: c.container, how: c.how, source: c.source,
      live: c.sees.some((s) => s.verdict === 'next-sync'),
      sees: c.sees.length === 0
        ? [{ en: 'no accepted change', zh: '没有被接受的修改' }]
        : c.sees.map((s) => (s.verdict === 'never'
          ? { en: `change at ${s.atSeconds}s: never (until the container is recreated)`, zh: `${s.atSeconds}s 的修改：永远看不到（直到容器被重建）` }
          : { en: `change at ${s.atSeconds}s: at the Pod's next sync, between ${s.earliest}s and ${s.latest}s`, zh: `${s.atSeconds}s 的修改：在 Pod 下一次同步时看到，介于 ${s.earliest}s 与 ${s.latest}s 之间` })),
    })),
  };
}
