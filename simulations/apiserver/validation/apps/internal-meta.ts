// apps/v1 keeps two deprecated spec fields in annotations; conversion to the
// internal type moves them back into the spec and drops the annotation, so
// validation never sees them as annotations.
// src: pkg/apis/apps/v1/conversion.go (Convert_v1_Deployment_To_apps_Deployment,
//      Convert_v1_DaemonSet_To_apps_DaemonSet)

import { asObject, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';

/** appsv1.DeprecatedRollbackTo: the internal spec.rollbackTo.revision. */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** appsv1.DeprecatedTemplateGeneration: the internal spec.templateGeneration. */
export const DEPRECATED_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/**
 * The int64 an annotation holds, and metadata without it. A value that is not
 * an integer fails conversion (the decoder's error, before validation), so it
 * reads here as absent.
 */
export function takeIntAnnotation(metadata: unknown, key: string): { value: number | undefined; metadata: JsonObject | undefined } {
  const meta = asObject(metadata);
  const annotations = asStringMap(meta?.annotations);
  if (!meta || !Object.prototype.hasOwnProperty.call(annotations, key)) return { value: undefined, metadata: meta };
  const raw = annotations[key];
  const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : undefined;
  const rest = { ...asObject(meta.annotations) };
  delete rest[key];
  return { value, metadata: { ...meta, annotations: rest } };
}
