// dnsPolicy, dnsConfig and hostAliases.
// src: pkg/apis/core/validation/validation.go (validateDNSPolicy, validatePodDNSConfig,
// ValidateHostAliases)

import { invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { byteLength, isDNS1123Subdomain, isDNS1123SubdomainWithUnderscore, isValidIPForLegacyField } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

/**
 * IsValidIPForLegacyField with StrictIPCIDRValidation (alpha in v1.33, off):
 * legacy IP fields accept any address Go's sloppy parser reads.
 */
function validLegacyIP(fldPath: Path, value: string): ErrorList {
  return isValidIPForLegacyField(fldPath, value, false);
}

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

/** validateDNSPolicy: undefaulted, an empty policy is Required. */
export function validateDNSPolicy(dnsPolicy: string, fldPath: Path): ErrorList {
  if (DNS_POLICIES.includes(dnsPolicy)) return [];
  if (dnsPolicy === '') return [required(fldPath, '')];
  return [notSupported(fldPath, dnsPolicy, DNS_POLICIES)];
}

/**
 * validatePodDNSConfig: dnsPolicy None needs nameservers; at most 3
 * nameservers, 32 search domains and 2048 characters of search list.
 */
export function validatePodDNSConfig(dnsConfig: JsonObject | undefined, dnsPolicy: string, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  if (dnsPolicy === 'None') {
    if (!dnsConfig) return [required(fldPath, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (asList(dnsConfig.nameservers).length === 0) return [required(fldPath.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!dnsConfig) return errs;
  const nameservers = asList(dnsConfig.nameservers).map(asString);
  if (nameservers.length > 3) errs.push(invalid(fldPath.child('nameservers'), nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => errs.push(...validLegacyIP(fldPath.child('nameservers').index(i), ns)));
  const searches = asList(dnsConfig.searches).map(asString);
  if (searches.length > 32) errs.push(invalid(fldPath.child('searches'), searches, 'must not have more than 32 search paths'));
  if (byteLength(searches.join(' ')) > 2048) {
    errs.push(invalid(fldPath.child('searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  }
  searches.forEach((search, i) => {
    const p = fldPath.child('searches').index(i);
    // RelaxedDNSSearchValidation (GA): "." and underscores are allowed.
    if (opts.allowRelaxedDNSSearchValidation) {
      if (search !== '.') {
        const s = search.endsWith('.') ? search.slice(0, -1) : search;
        for (const m of isDNS1123SubdomainWithUnderscore(s)) errs.push(invalid(p, s, m));
      }
    } else {
      const s = search.endsWith('.') ? search.slice(0, -1) : search;
      for (const m of isDNS1123Subdomain(s)) errs.push(invalid(p, s, m));
    }
  });
  asList(dnsConfig.options).forEach((o, i) => {
    if (asString(asObject(o)?.name).length === 0) errs.push(required(fldPath.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

/** ValidateHostAliases */
export function validateHostAliases(hostAliases: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  hostAliases.forEach((h, i) => {
    const alias = asObject(h) ?? {};
    errs.push(...validLegacyIP(fldPath.index(i).child('ip'), asString(alias.ip)));
    asList(alias.hostnames).forEach((hn, j) => {
      const name = asString(hn);
      for (const m of isDNS1123Subdomain(name)) errs.push(invalid(fldPath.index(i).child('hostnames').index(j), name, m));
    });
  });
  return errs;
}
