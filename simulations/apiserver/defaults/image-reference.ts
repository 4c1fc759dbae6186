// The image pull policy an empty imagePullPolicy defaults to.
// src: pkg/util/parsers/parsers.go ParseImageName, over
//      github.com/distribution/reference (normalize.go ParseNormalizedNamed,
//      reference.go Parse, regexp.go) and github.com/opencontainers/go-digest.

// regexp.go, spelled as upstream builds them.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const REFERENCE = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
// reference.go NameTotalLengthMax
const NAME_TOTAL_LENGTH_MAX = 255;
// go-digest algorithm.go: the algorithms the API server links in, and their hex lengths.
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** normalize.go splitDockerDomain: Docker Hub names get "docker.io" and, with no path, "library/". */
function splitDockerDomain(name: string): [string, string] {
  let domain: string;
  let remainder: string;
  const i = name.indexOf('/');
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = 'docker.io';
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return [domain, remainder];
}

/** go-digest Digest.Validate for a digest the reference grammar matched. */
function validDigest(digest: string): boolean {
  const i = digest.indexOf(':');
  if (i <= 0 || i + 1 === digest.length) return false;
  const length = DIGEST_HEX_LENGTH[digest.slice(0, i)];
  // An algorithm the API server does not link in is ErrDigestUnsupported.
  if (length === undefined) return false;
  const encoded = digest.slice(i + 1);
  return encoded.length === length && /^[a-f0-9]+$/.test(encoded);
}

/**
 * The tag ParseImageName returns: the reference's tag, "latest" when it has
 * neither tag nor digest, and "" when it has only a digest or does not parse
 * (the defaulter ignores the error: "assume it has been validated elsewhere").
 *
 * @example imageTag('nginx') // "latest";  imageTag('nginx:1.27') // "1.27";  imageTag('Nginx') // "" (uppercase: no parse)
 */
export function imageTag(image: string): string {
  if (ANCHORED_IDENTIFIER.test(image)) return '';
  const [domain, remainder] = splitDockerDomain(image);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) return '';
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m) return '';
  if (m[1].length > NAME_TOTAL_LENGTH_MAX) return '';
  if (m[3] !== undefined && !validDigest(m[3])) return '';
  const t = m[2] ?? '';
  return t === '' && m[3] === undefined ? 'latest' : t;
}

/**
 * SetDefaults_Container (and SetDefaults_Volume for image volumes):
 * pkg/apis/core/v1/defaults.go. Always when the tag is "latest", else IfNotPresent.
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
