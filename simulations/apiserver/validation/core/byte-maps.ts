// map[string][]byte fields (Secret.data, ConfigMap.binaryData) as v1 JSON
// holds them: base64 strings, which the decoder turns into bytes before
// validation counts their size or parses their content.
// src: Go encoding/json ([]byte is base64.StdEncoding), pkg/apis/core/v1/conversion.go
//      (Convert_v1_Secret_To_core_Secret: stringData overwrites data)

import { asObject, type JsonValue } from '../../../apimachinery/json.ts';
import { sortedKeys } from './apimachinery-checks.ts';

/** The decoded bytes of a base64 value; undefined when it is not base64 (the decoder refuses those with a 400). */
export function decodeBase64(s: string): Uint8Array | undefined {
  // base64.StdEncoding skips \r and \n.
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A map[string][]byte field: undefined when absent or null (Go's nil map), else key → bytes in sorted key order. */
export function readByteMap(v: JsonValue | undefined): Map<string, Uint8Array> | undefined {
  const o = asObject(v);
  if (!o) return undefined;
  const out = new Map<string, Uint8Array>();
  for (const k of sortedKeys(o)) {
    const raw = o[k];
    out.set(k, typeof raw === 'string' ? (decodeBase64(raw) ?? new Uint8Array()) : new Uint8Array());
  }
  return out;
}

/** reflect.DeepEqual on two map[string][]byte: nil and empty differ. */
export function byteMapsEqual(a: Map<string, Uint8Array> | undefined, b: Map<string, Uint8Array> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.length !== v.length || v.some((x, i) => x !== w[i])) return false;
  }
  return true;
}
