// Every simulation engine, by the id lessons use after ```sim.
// Each engine lives in its own folder (simulations/<id>/) and exports `engine`
// from its engine.ts. To add one: one import line and one line in the list below.

import type { Engine } from './shared/engine.ts';
import { engine as resourcesOom } from './resources-oom/engine.ts';
import { engine as oomDiagnose } from './resources-oom/diagnose-engine.ts';
import { engine as podLifecycle } from './pod-lifecycle/engine.ts';
import { engine as scheduler } from './scheduler/engine.ts';
import { engine as declarativeApply } from './declarative-apply/engine.ts';
import { engine as etcd } from './etcd/engine.ts';
import { engine as controllers } from './controllers/engine.ts';
import { engine as informers } from './client-go/engine.ts';
import { engine as storage } from './persistentvolume/engine.ts';
import { engine as nodes } from './nodelifecycle/engine.ts';
import { engine as networkPolicy } from './network-policy/engine.ts';
import { engine as podNetwork } from './pod-network/engine.ts';
import { engine as services } from './services/engine.ts';
import { engine as rbac } from './rbac/engine.ts';
import { engine as podSecurity } from './pod-security/engine.ts';
import { engine as configPropagation } from './config-propagation/engine.ts';
import { engine as ingress } from './ingress/engine.ts';
import { engine as containers } from './containers/engine.ts';
import { engine as extending } from './apiextensions/engine.ts';

// One engine per line: chapters are added (and merged) without touching each other's lines.
export const engines: ReadonlyMap<string, Engine> = new Map<string, Engine>(
  (
    [
      resourcesOom,
      oomDiagnose,
      podLifecycle,
      scheduler,
      declarativeApply,
      etcd,
      controllers,
      informers,
      storage,
      nodes,
      networkPolicy,
      podNetwork,
      services,
      rbac,
      podSecurity,
      configPropagation,
      ingress,
      containers,
      extending,
    ] as Engine[]
  ).map((engine) => [engine.id, engine]),
);

export function getEngine(id: string): Engine | undefined {
  return engines.get(id);
}
