// The oom-diagnose engine: paste `kubectl get pod -o yaml` (and optionally
// `kubectl get events -o yaml`), get what happened, the describe view and the fixes.
import type { Engine } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import { diagnosePod } from './diagnose.ts';
import type { Diagnosis } from './diagnose.ts';

export const engine: Engine<Diagnosis> = {
  id: 'oom-diagnose',
  version: '2',
  title: 'Diagnose a Pod',
  summary: 'Reads a real Pod with its status (and Events) and tells OOMKilled from Evicted from a crash, with the describe view and the fixes.',
  view: 'resources-oom/diagnose',
  run(manifests) {
    const objects = flattenLists(manifests).map((m) => m.object);
    for (const o of objects) {
      if (o.apiVersion !== 'v1' || (o.kind !== 'Pod' && o.kind !== 'Event')) {
        throw new ValidationError(`Unsupported value: "${o.apiVersion} ${o.kind}": supported kinds: v1 Pod, v1 Event (and Lists of them)`, { object: o, path: ['kind'] });
      }
    }
    const pods = objects.filter((o) => o.kind === 'Pod');
    if (pods.length !== 1) throw new ValidationError(`Required value: paste exactly one Pod (found ${pods.length})`, { path: [] });
    const pod = pods[0];
    // `status: null` is no status, as Go reads it.
    if (pod.status === undefined || pod.status === null) {
      throw new ValidationError('Required value: the Pod needs its status; paste the output of `kubectl get pod <name> -o yaml`', { object: pod, path: ['status'] });
    }
    const events = objects.filter((o) => o.kind === 'Event');
    const diagnosis = diagnosePod(pod, events);
    return {
      result: diagnosis,
      trace: diagnosis.evidence.map((e) => ({ title: e, subject: `pod/${diagnosis.pod}`, source: 'status and events of the pasted Pod' })),
    };
  },
};
