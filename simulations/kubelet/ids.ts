// Deterministic stand-ins for the random identifiers a real cluster generates
// (UIDs, container IDs, image digests). They look like the real thing but are
// derived from a seed string, so the same scenario always prints the same IDs.

/** 64 hex characters derived from `seed` (FNV-1a of the seed, then a xorshift stream). */
export function fakeHex(seed: string, length = 64): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let x = h || 0x9e3779b9;
  let out = '';
  while (out.length < length) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    // Eight hex digits of x, zero-padded, two at a time from a table (a crash loop
    // mints thousands of container IDs, so this runs often).
    out += HEX_BYTE[x >>> 24] + HEX_BYTE[(x >>> 16) & 0xff] + HEX_BYTE[(x >>> 8) & 0xff] + HEX_BYTE[x & 0xff];
  }
  return out.length === length ? out : out.slice(0, length);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A UID in the 8-4-4-4-12 form the API server assigns. */
export function fakeUid(seed: string): string {
  const h = fakeHex(`uid:${seed}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** "containerd://<64 hex>" for one container instance. */
export function fakeContainerId(podUid: string, name: string, attempt: number): string {
  return `containerd://${fakeHex(`${podUid}/${name}/${attempt}`)}`;
}

/**
 * The fully qualified reference containerd reports as imageID, with a stand-in digest.
 *
 * @example fakeImageId('nginx:1.27') // "docker.io/library/nginx@sha256:…"
 */
export function fakeImageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    id = `${repositoryOf(image)}@sha256:${fakeHex(`image:${image}`)}`;
    if (imageIds.size > 10_000) imageIds.clear();
    imageIds.set(image, id);
  }
  return id;
}

const imageIds = new Map<string, string>();

/** docker.io/library/<name> for a short name, the repository part otherwise (tag and digest dropped). */
export function repositoryOf(image: string): string {
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const lastColon = noDigest.lastIndexOf(':');
  const repo = lastColon > lastSlash ? noDigest.slice(0, lastColon) : noDigest;
  const first = repo.split('/')[0];
  const hasRegistry = repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return repo;
  return repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`;
}

/** The image reference with its default tag and registry, as containerd names it in errors. */
export function normalizedImage(image: string): string {
  if (image.includes('@')) return `${repositoryOf(image)}@${image.split('@')[1]}`;
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  const tag = lastColon > lastSlash ? image.slice(lastColon + 1) : 'latest';
  return `${repositoryOf(image)}:${tag}`;
}
