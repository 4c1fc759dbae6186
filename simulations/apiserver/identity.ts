// The identifiers a real API server draws at random, drawn here from seeded
// sequences so the same scenario always gets the same UIDs and names.
// src: staging/src/k8s.io/apiserver/pkg/storage/names/generate.go (SimpleNameGenerator),
//      k8s.io/apimachinery/pkg/util/uuid (version 4 UUIDs, see apimachinery/uid.ts)

import { UidGenerator } from '../apimachinery/uid.ts';

/** utilrand's alphabet: no vowels (no words), no confusable 0/1/3. src: apimachinery/pkg/util/rand/rand.go */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** names.maxNameLength - randomLength: a generated name is at most 63 characters. */
const MAX_GENERATED_BASE = 58;

export class IdentitySource {
  private readonly uids: UidGenerator;
  /** The name suffixes come from their own stream, so generating a name never shifts the UIDs. */
  private readonly names: UidGenerator;

  constructor(seed: string) {
    this.uids = new UidGenerator(seed);
    this.names = new UidGenerator(`${seed}/names`);
  }

  nextUid(): string {
    return this.uids.next();
  }

  /** SimpleNameGenerator.GenerateName: the base (cut to 58) and five random characters of utilrand's alphabet. */
  generateName(base: string): string {
    let out = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
    const hex = this.names.next().replace(/-/g, '');
    for (let i = 0; i < 5; i++) out += ALPHANUMS[parseInt(hex.slice(i * 4, i * 4 + 4), 16) % ALPHANUMS.length];
    return out;
  }
}
