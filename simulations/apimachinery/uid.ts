// UIDs for a simulated API server: the shape kube-apiserver gives every object
// (uuid.NewUUID(), an RFC 4122 version-4 UUID: xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx
// with y one of 8, 9, a, b), but drawn from a seeded generator so a scenario
// prints the same UIDs on every run.
// src: staging/src/k8s.io/apimachinery/pkg/util/uuid/uuid.go (NewUUID: google/uuid NewRandom)
//
// The stream is xoshiro128** seeded from the seed string through FNV-1a and
// SplitMix32: 122 random bits per UID, so distinct UIDs in any realistic run.

const HEX_CODE = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
/** The 36 characters of the UID being written. */
const UID_CODES: number[] = new Array<number>(36).fill(0);

// FNV-1a (32 bits) of the seed's UTF-16 units.
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// SplitMix32: spreads one 32-bit hash over the four state words.
function splitMix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) >>> 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A seeded UID stream: the same seed gives the same sequence.
 *
 * @example
 *   const uids = new UidGenerator('scenario-1');
 *   uids.next() // "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx", the same on every run
 */
export class UidGenerator {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: string) {
    const sm = { x: fnv1a(seed) };
    this.s0 = splitMix32(sm);
    this.s1 = splitMix32(sm);
    this.s2 = splitMix32(sm);
    this.s3 = splitMix32(sm);
    // xoshiro must not start from all zeros.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  // xoshiro128**: one 32-bit output.
  private nextWord(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** The next UID. */
  next(): string {
    const w0 = this.nextWord();
    const w1 = this.nextWord();
    const w2 = this.nextWord();
    const w3 = this.nextWord();
    // Byte 6 carries the version (4) in its high nibble, byte 8 the variant (10xxxxxx).
    const b6 = ((w1 >>> 8) & 0x0f) | 0x40;
    const b8 = ((w2 >>> 24) & 0x3f) | 0x80;
    // One flat string from character codes: joined with +, a UID is a tree of ~20 short strings
    // (~600 bytes) that every stored object would keep.
    const c = UID_CODES;
    let at = 0;
    const put = (byte: number) => {
      c[at++] = HEX_CODE[byte >>> 4];
      c[at++] = HEX_CODE[byte & 0x0f];
    };
    put(w0 >>> 24); put((w0 >>> 16) & 0xff); put((w0 >>> 8) & 0xff); put(w0 & 0xff);
    c[at++] = DASH;
    put(w1 >>> 24); put((w1 >>> 16) & 0xff);
    c[at++] = DASH;
    put(b6); put(w1 & 0xff);
    c[at++] = DASH;
    put(b8); put((w2 >>> 16) & 0xff);
    c[at++] = DASH;
    put((w2 >>> 8) & 0xff); put(w2 & 0xff);
    put(w3 >>> 24); put((w3 >>> 16) & 0xff); put((w3 >>> 8) & 0xff); put(w3 & 0xff);
    return String.fromCharCode.apply(null, c);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** One UID derived from a seed string alone (the first of UidGenerator(seed)). */
export function uidFromSeed(seed: string): string {
  return new UidGenerator(seed).next();
}

/** Whether `s` has the version-4 UUID shape kube-apiserver's UIDs have. */
export function isV4Uid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(s);
}
