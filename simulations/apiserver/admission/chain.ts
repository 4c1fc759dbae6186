// Admission: after decoding and defaults, every write passes the mutating
// plugins in order (they may change the object), then the kind's strategy
// and validation, then the validating plugins in order (they may only say
// no). Chapters plug their plugins in (LimitRanger, ResourceQuota, Priority,
// NamespaceLifecycle, ...) in kube-apiserver's default order.
// src: staging/src/k8s.io/apiserver/pkg/admission/chain.go, interfaces.go,
//      pkg/kubeapiserver/options/plugins.go (AllOrderedPlugins)

import type { JsonObject } from '../../apimachinery/json.ts';
import type { ApiServer } from '../api-server.ts';
import type { KindInfo } from '../kinds.ts';
import type { ApiResult } from '../result.ts';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

/** admission.Attributes: what is being done to which object. */
export interface AdmissionAttributes {
  readonly operation: Operation;
  readonly kind: KindInfo;
  /** The object being written (mutable in `admit`; for DELETE, the stored object). */
  readonly object: Readonly<JsonObject>;
  readonly oldObject: Readonly<JsonObject> | undefined;
  readonly namespace: string;
  readonly name: string;
  /** A dry run (?dryRun=All): plugins with side effects (ResourceQuota's usage) must not make them. */
  readonly dryRun?: boolean;
  /** The API server, for plugins that read other objects (a LimitRange, a ResourceQuota, the Namespace). */
  readonly server: ApiServer;
}

export interface AdmissionPlugin {
  /** The plugin's name as --enable-admission-plugins spells it: "LimitRanger". */
  readonly name: string;
  /** MutationInterface.Admit: may change `attributes.object` (it is the request's copy); a Result refuses the request. */
  admit?(attributes: AdmissionAttributes & { readonly object: JsonObject }): ApiResult | undefined;
  /** ValidationInterface.Validate: a Result refuses the request. */
  validate?(attributes: AdmissionAttributes): ApiResult | undefined;
}

/** An ordered chain of plugins. */
export class Admission {
  constructor(readonly plugins: readonly AdmissionPlugin[]) {}

  /** Runs every mutating plugin in order; the first refusal wins. */
  admit(attributes: AdmissionAttributes): ApiResult | undefined {
    for (const plugin of this.plugins) {
      const refused = plugin.admit?.(attributes as AdmissionAttributes & { object: JsonObject });
      if (refused) return refused;
    }
    return undefined;
  }

  /**
   * A DELETE passes both (the delete handler's deleteValidation runs the
   * mutating and the validating chain; nothing is mutated on delete).
   */
  admitAndValidate(attributes: AdmissionAttributes): ApiResult | undefined {
    return this.admit(attributes) ?? this.validate(attributes);
  }

  /** Runs every validating plugin in order; the first refusal wins. */
  validate(attributes: AdmissionAttributes): ApiResult | undefined {
    for (const plugin of this.plugins) {
      const refused = plugin.validate?.(attributes);
      if (refused) return refused;
    }
    return undefined;
  }
}

export const NO_ADMISSION = new Admission([]);
