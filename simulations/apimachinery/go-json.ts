// Go's encoding/json output for decoded JSON values, byte for byte: map keys
// sorted, compact, HTML-safe escaping of <, > and &, U+2028/U+2029 escaped.
// kubectl builds the last-applied annotation with json.NewEncoder(w).Encode
// (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers.go,
// unstructuredJSONScheme.doEncode), which is Marshal plus a trailing "\n", and
// sends patches made with json.Marshal.

import { sortStrings } from './go-sort.ts';
import { compareGoStrings, goKind, isMap } from './go-values.ts';
import type { JsonObject, JsonValue } from './go-values.ts';

/**
 * json.Marshal.
 *
 * @example goJsonMarshal({ b: 1, a: '<x>' }) // '{"a":"\u003cx\u003e","b":1}'
 */
export function goJsonMarshal(value: JsonValue | undefined): string {
  const parts: string[] = [];
  write(value ?? null, parts);
  return parts.join('');
}

/** json.NewEncoder(w).Encode(v): Marshal plus a newline. */
export function goJsonEncode(value: JsonValue | undefined): string {
  return `${goJsonMarshal(value)}\n`;
}

function write(value: JsonValue, out: string[]): void {
  switch (goKind(value)) {
    case 'nil':
      out.push('null');
      return;
    case 'bool':
      out.push(value ? 'true' : 'false');
      return;
    case 'int64':
    case 'float64':
      // JSON.stringify picks fixed vs exponent notation at the same thresholds
      // as Go (1e-6 <= |x| < 1e21) and prints the same shortest digits.
      out.push(Object.is(value, -0) ? '-0' : JSON.stringify(value));
      return;
    case 'string':
      out.push(quote(value as string));
      return;
    case 'slice': {
      const list = value as JsonValue[];
      out.push('[');
      list.forEach((item, i) => {
        if (i > 0) out.push(',');
        write(item, out);
      });
      out.push(']');
      return;
    }
    case 'map': {
      const map = value as JsonObject;
      out.push('{');
      goKeyOrder(Object.keys(map)).forEach((key, i) => {
          if (i > 0) out.push(',');
          out.push(quote(key), ':');
          write(map[key], out);
        });
      out.push('}');
      return;
    }
  }
}

/**
 * Keys in Go's order (UTF-8 bytes), sorted in place. Below U+D800, UTF-16
 * units order as code points and so as UTF-8 bytes: such keys (all of a
 * Kubernetes object's) are sorted by unit, with no comparator call per pair.
 */
function goKeyOrder(keys: string[]): string[] {
  for (const k of keys) if (HIGH_UNITS.test(k)) return keys.sort(compareGoStrings);
  return sortStrings(keys);
}
const HIGH_UNITS = /[\ud800-\uffff]/;

const HEX = '0123456789abcdef';

/**
 * encoding/json appendString with escapeHTML = true. Characters written as
 * they are go out as slices of `s`, not one string per character (the
 * last-applied annotation alone is kilobytes).
 */
export function quote(s: string): string {
  let out = '"';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let escaped: string;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26) continue;
      switch (c) {
        case 0x22:
          escaped = '\\"';
          break;
        case 0x5c:
          escaped = '\\\\';
          break;
        case 0x0a:
          escaped = '\\n';
          break;
        case 0x0d:
          escaped = '\\r';
          break;
        case 0x09:
          escaped = '\\t';
          break;
        default:
          // Control characters and the HTML-sensitive <, >, &.
          escaped = `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      escaped = `\\u202${HEX[c & 0xf]}`;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // a valid pair is written as it is
        i++;
        continue;
      }
      escaped = '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      escaped = '\ufffd';
    } else {
      continue;
    }
    if (i > start) out += s.slice(start, i);
    out += escaped;
    start = i + 1;
  }
  if (start === 0) return `"${s}"`;
  if (start < n) out += s.slice(start);
  return `${out}"`;
}

/** json.MarshalIndent(v, "", "  "): used for the pretty patch view. */
export function goJsonIndent(value: JsonValue | undefined, indent = '  '): string {
  const lines: string[] = [];
  const emit = (v: JsonValue, depth: number): string => {
    const pad = indent.repeat(depth + 1);
    const close = indent.repeat(depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((item) => pad + emit(item, depth + 1)).join(',\n')}\n${close}]`;
    }
    if (isMap(v)) {
      const keys = goKeyOrder(Object.keys(v));
      if (keys.length === 0) return '{}';
      return `{\n${keys.map((k) => `${pad}${quote(k)}: ${emit(v[k], depth + 1)}`).join(',\n')}\n${close}}`;
    }
    return goJsonMarshal(v);
  };
  lines.push(emit(value ?? null, 0));
  return lines.join('');
}
