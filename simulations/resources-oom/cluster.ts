// The virtual kube-apiserver a run's objects go into: a fresh cluster (the three
// namespaces every cluster starts with) whose admission chain holds the plugins
// this chapter is about, in kube-apiserver's order (AllOrderedPlugins):
// NamespaceLifecycle, LimitRanger, Priority, ResourceQuota.
// src: pkg/kubeapiserver/options/plugins.go (AllOrderedPlugins, DefaultOffAdmissionPlugins:
//      all four are on by default)
//
// This is freshApiServer (apiserver/scenario.ts) with a longer chain and the
// run's epoch: freshApiServer takes neither yet.

import { Admission } from '../apiserver/admission/chain.ts';
import { limitRanger } from '../apiserver/admission/limit-ranger.ts';
import { namespaceLifecycle } from '../apiserver/admission/namespace-lifecycle.ts';
import { priority } from '../apiserver/admission/priority.ts';
import { resourceQuota } from '../apiserver/admission/resource-quota.ts';
import { ApiServer } from '../apiserver/api-server.ts';
import { VirtualClock } from '../apiserver/clock.ts';

/** The plugins of kube-apiserver's default chain that this chapter's objects meet, in its order. */
export const ADMISSION = new Admission([namespaceLifecycle, limitRanger, priority, resourceQuota]);

const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/**
 * A fresh API server on its own clock (t = 0 at `epochMs`), with the three
 * initial namespaces and kube-apiserver's admission chain.
 *
 * @example clusterApiServer().create(podOverItsLimitRange).code // 403
 */
export function clusterApiServer(options: { epochMs?: number; clock?: VirtualClock } = {}): ApiServer {
  const clock = options.clock ?? new VirtualClock({ epochMs: options.epochMs });
  const api = new ApiServer({ clock, admission: ADMISSION });
  for (const name of INITIAL_NAMESPACES) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return api;
}
