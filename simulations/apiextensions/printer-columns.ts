// additionalPrinterColumns: a column's jsonPath read from the stored object, as
// the API server's table convertor formats it for `kubectl get`.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresource/tableconvertor/tableconvertor.go
//      (cells: strings as is, integers and numbers with %v, booleans true/false, a missing value empty;
//       type: date is shown as an age, here 0s for an object created at the start of the run)

import type { JsonObject } from '../apimachinery/json.ts';

/** A `.a.b[0].c` path (the simple JSONPath CRD columns use). */
export function evalSimpleJsonPath(obj: JsonObject, path: string, type: string): string {
  let cur: unknown = obj;
  const re = /\.([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(path)) !== null) {
    if (m.index !== consumed) return '';
    consumed = re.lastIndex;
    if (m[1] !== undefined) cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>)[m[1]] : undefined;
    else cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
  }
  if (consumed !== path.length || cur === undefined || cur === null) return '<none>';
  if (type === 'date') return '0s';
  if (typeof cur === 'object') return JSON.stringify(cur);
  return String(cur);
}
