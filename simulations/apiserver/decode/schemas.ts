// Every transcribed Go package and the root struct of every built-in kind.
// go-types.ts reads them (structSpec, typeNode, structInfo): structs are parsed
// on first use and cached, so loading this module costs only the literal tables.

import { KINDS, apiVersionOf, kindKey } from '../kinds.ts';
import type { GoPackage } from './schema-types.ts';
import { APIEXTENSIONS_V1 } from './schema-apiextensions-v1.ts';
import { APPS_V1 } from './schema-apps-v1.ts';
import { AUTOSCALING_V2 } from './schema-autoscaling-v2.ts';
import { BATCH_V1 } from './schema-batch-v1.ts';
import { COORDINATION_V1 } from './schema-coordination-v1.ts';
import { CORE_V1 } from './schema-core-v1.ts';
import { DISCOVERY_V1 } from './schema-discovery-v1.ts';
import { META_V1 } from './schema-meta-v1.ts';
import { NETWORKING_V1 } from './schema-networking-v1.ts';
import { POLICY_V1 } from './schema-policy-v1.ts';
import { RBAC_V1 } from './schema-rbac-v1.ts';
import { SCHEDULING_V1 } from './schema-scheduling-v1.ts';
import { STORAGE_V1 } from './schema-storage-v1.ts';

/** By qualifier: `core` for `core.PodSpec`. */
export const PACKAGES: Readonly<Record<string, GoPackage>> = Object.fromEntries(
  [META_V1, CORE_V1, APPS_V1, AUTOSCALING_V2, BATCH_V1, COORDINATION_V1, DISCOVERY_V1, NETWORKING_V1, POLICY_V1, RBAC_V1, SCHEDULING_V1, STORAGE_V1, APIEXTENSIONS_V1].map(
    (p) => [p.id, p],
  ),
);

/**
 * Packages the tables refer to but do not transcribe: their types have their
 * own UnmarshalJSON (decode.ts decodes them as upstream's methods do), or are
 * a named string (types.UID). The value is the package name reflect prints.
 */
export const OPAQUE_PACKAGES: Readonly<Record<string, string>> = { resource: 'resource', intstr: 'intstr', runtime: 'runtime', types: 'types' };

// The package of each API group (kinds.ts KindInfo.group).
const GROUP_PACKAGE: Readonly<Record<string, string>> = {
  '': 'core',
  'apiextensions.k8s.io': 'apiextensions',
  apps: 'apps',
  autoscaling: 'autoscaling',
  batch: 'batch',
  'coordination.k8s.io': 'coordination',
  'discovery.k8s.io': 'discovery',
  'networking.k8s.io': 'networking',
  policy: 'policy',
  'rbac.authorization.k8s.io': 'rbac',
  'scheduling.k8s.io': 'scheduling',
  'storage.k8s.io': 'storage',
};

/** The root struct of each built-in kind, by `kindKey`: `"apps/v1/Deployment"` → `"apps.Deployment"`. */
export const KIND_STRUCTS: Readonly<Record<string, string>> = Object.fromEntries(
  KINDS.map((info) => [kindKey(apiVersionOf(info), info.kind), `${GROUP_PACKAGE[info.group]}.${info.kind}`]),
);
