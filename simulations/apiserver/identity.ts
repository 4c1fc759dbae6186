// The identifiers a real API server draws at random, drawn here from a seeded
// sequence so the same scenario always gets the same UIDs and names.
// src: staging/src/k8s.io/apiserver/pkg/storage/names/generate.go (SimpleNameGenerator),
//      k8s.io/apimachinery/pkg/util/uuid (version 4 UUIDs)

// TODO(apimachinery): use apimachinery/uid.ts for UIDs once it lands.

/** utilrand's alphabet: no vowels (no words), no confusable 0/1/3. src: apimachinery/pkg/util/rand/rand.go */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** names.maxNameLength - randomLength: a generated name is at most 63 characters. */
const MAX_GENERATED_BASE = 58;

export class IdentitySource {
  private state: number;

  constructor(seed: string) {
    let h = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    this.state = h || 0x9e3779b9;
  }

  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  /** A version-4 UUID: xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx. */
  nextUid(): string {
    let hex = '';
    while (hex.length < 32) hex += this.next().toString(16).padStart(8, '0');
    const variant = '89ab'[this.next() & 3];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** SimpleNameGenerator.GenerateName: the base (cut to 58) and five random characters. */
  generateName(base: string): string {
    let out = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
    for (let i = 0; i < 5; i++) out += ALPHANUMS[this.next() % ALPHANUMS.length];
    return out;
  }
}
