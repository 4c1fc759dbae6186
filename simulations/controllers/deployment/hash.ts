// The pod-template-hash label: a hash of the Pod template (and the
// Deployment's collisionCount), encoded with Kubernetes' "safe" alphabet, so
// each template gets its own ReplicaSet name (web-7d9c8b6f5).
// src: pkg/controller/controller_utils.go (ComputeHash: FNV-32a over a spew
// dump of the template), apimachinery/pkg/util/rand (SafeEncodeString).
// Simplified: the FNV-32a runs over the template's canonical JSON (keys
// sorted) instead of Go's spew dump, so the letters differ from a real
// cluster's for the same template; what matters, one stable name per
// template, holds.

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character mapped into an alphabet without vowels (no words) and without 0/1/3 lookalikes. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

/** controller.ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  let text = canonical(template);
  // The collision count is written into the hash after the template, as a 32-bit little-endian value upstream.
  if (collisionCount !== undefined && collisionCount !== null) text += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}

/** Templates are equal ignoring the pod-template-hash label (deploymentutil.EqualIgnoreHash). */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
    if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
    return canonical(copy);
  };
  return strip(a) === strip(b);
}
