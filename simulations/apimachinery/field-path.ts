// A path into an object, as field.Path prints it: `spec.containers[0].image`,
// map keys in brackets (`metadata.labels[app.kubernetes.io/name]`) when they
// are not identifiers.
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go

/** A path into a Kubernetes object, e.g. ["spec", "containers", 0, "image"]. */
export type FieldPath = readonly (string | number)[];

/** Renders a field path the way the API server does: `spec.containers[0].image`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
