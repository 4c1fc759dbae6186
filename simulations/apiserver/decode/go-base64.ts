// Whether base64.StdEncoding.Decode accepts a string, and if not its
// CorruptInputError: encoding/json decodes a JSON string into a []byte field
// (Secret.data, ConfigMap.binaryData, caBundle) with it, and a 400 carries the
// error as is: `illegal base64 data at input byte 3`.
// src: Go src/encoding/base64/base64.go (Encoding.Decode, decodeQuantum,
//      CorruptInputError.Error); src/encoding/json/decode.go (literalStore)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALID = new Uint8Array(256);
for (const c of ALPHABET) VALID[c.charCodeAt(0)] = 1;
const PAD = 0x3d; // '='
const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;
const encoder = new TextEncoder();

/**
 * base64.StdEncoding.Decode's error for `text` (as UTF-8), or undefined.
 *
 * @example base64Error('aGk=')  // undefined
 * @example base64Error('aGk')   // 'illegal base64 data at input byte 0'
 * @example base64Error('a$Gk')  // 'illegal base64 data at input byte 1'
 */
export function base64Error(text: string): string | undefined {
  const src = encoder.encode(text);
  let si = 0;
  while (si < src.length) {
    const r = decodeQuantum(src, si);
    if (typeof r === 'string') return r;
    if (r === si) break;
    si = r;
  }
  return undefined;
}

const corrupt = (at: number): string => `illegal base64 data at input byte ${at}`;

/** One quantum from si: the next si, or the error. Padding ends the input. */
function decodeQuantum(src: Uint8Array, si: number): number | string {
  for (let j = 0; j < 4; j++) {
    if (src.length === si) {
      // j == 0: nothing left; any other j: StdEncoding pads, so a short quantum is corrupt.
      return j === 0 ? si : corrupt(si - j);
    }
    const c = src[si];
    si++;
    if (VALID[c]) continue;
    if (isNewline(c)) {
      j--;
      continue;
    }
    if (c !== PAD) return corrupt(si - 1);
    // padding
    if (j === 0 || j === 1) return corrupt(si - 1);
    if (j === 2) {
      // "==" is expected, the first "=" is already consumed.
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) return corrupt(src.length);
      if (src[si] !== PAD) return corrupt(si - 1);
      si++;
    }
    while (si < src.length && isNewline(src[si])) si++;
    // trailing garbage after the padding
    if (si < src.length) return corrupt(si);
    return si;
  }
  return si;
}
