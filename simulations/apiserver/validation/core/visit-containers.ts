// Walks every container of a PodSpec with its path: init containers, then
// containers, then ephemeral containers.
// src: pkg/apis/core/pods/helpers.go (VisitContainersWithPath)

import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, type JsonObject } from '../../../apimachinery/json.ts';

/** VisitContainersWithPath: stops when `visit` returns false. */
export function visitContainersWithPath(spec: JsonObject, specPath: Path, visit: (c: JsonObject, path: Path) => boolean | void): void {
  for (const field of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const list = asList(spec[field]);
    for (let i = 0; i < list.length; i++) {
      if (visit(asObject(list[i]) ?? {}, specPath.child(field).index(i)) === false) return;
    }
  }
}
