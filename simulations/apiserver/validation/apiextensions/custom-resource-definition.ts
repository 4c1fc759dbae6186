// CustomResourceDefinition (apiextensions.k8s.io/v1) validation: metadata,
// group, scope, names, versions (names, served/storage, schema presence),
// subresources, printer columns, conversion, status and stored versions,
// API approval for *.k8s.io groups, and the structural basics of each schema
// (valid types, a type everywhere, an object at the root).
// Deep OpenAPI schema validation (value validations, defaults, list types,
// x-kubernetes-validations CEL rules, metadata schemas) is left for the CRD
// chapter; a schema that passes here may still be refused by kube-apiserver.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go
//      (ValidateCustomResourceDefinition, ValidateCustomResourceDefinitionUpdate,
//      ValidateCustomResourceDefinitionStoredVersions, ValidateUpdateCustomResourceDefinitionStatus,
//      validateCustomResourceDefinitionVersion, validateDeprecationWarning,
//      validateCustomResourceDefinitionSpec, validateEnumStrings, validateConversionReviewVersions,
//      validateCustomResourceConversion, validateCustomResourceDefinitionSpecUpdate,
//      ValidateCustomResourceDefinitionStatus, ValidateCustomResourceDefinitionNames,
//      ValidateCustomResourceColumnDefinition, ValidateCustomResourceDefinitionSubresources,
//      validateSimpleJSONPath, validateAPIApproval, validatePreserveUnknownFields)
//      .../apiserver/schema/validation.go (ValidateStructural: type and root invariants)
//      .../apihelpers/helpers.go (IsProtectedCommunityGroup, GetAPIApprovalState)
//      staging/src/k8s.io/apiserver/pkg/util/webhook/validation.go (ValidateWebhookURL, ValidateWebhookService)

import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { compareGoStrings } from '../../../apimachinery/go-values.ts';
import { asBool, asList, asObject, asOptionalInt, asOptionalString, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../../apimachinery/json.ts';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortNum, nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';
import { internalSpec } from './internal-spec.ts';
import type { InternalSpec, InternalVersion } from './internal-spec.ts';

const PRINTER_COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];
const OPENAPI_V3_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const ACCEPTED_CONVERSION_REVIEW_VERSIONS = ['v1', 'v1beta1'];
const API_APPROVED_ANNOTATION = 'api-approved.kubernetes.io';

interface Options {
  requireRecognizedConversionReviewVersion: boolean;
  requireImmutableNames: boolean;
  requireOpenAPISchema: boolean;
  /** Every schema's type must be an OpenAPI type (relaxed while the stored object has others). */
  requireValidPropertyType: boolean;
  /** Schemas must be structural (relaxed while the stored object has a non-structural one). */
  requireStructuralSchema: boolean;
}

/** The metadata name must be <plural>.<group>. */
function nameFn(crd: JsonObject) {
  const names = asObject(asObject(crd.spec)?.names);
  const requiredName = `${asString(names?.plural)}.${asString(asObject(crd.spec)?.group)}`;
  return (name: string, prefix: boolean): string[] => {
    const ret = nameIsDNSSubdomain(name, prefix);
    if (name !== requiredName) ret.push('must be spec.names.plural+"."+spec.group');
    return ret;
  };
}

/** ValidateCustomResourceDefinition. */
export function validateCustomResourceDefinition(crd: JsonObject): ErrorList {
  const opts: Options = {
    requireRecognizedConversionReviewVersion: true,
    requireImmutableNames: false,
    requireOpenAPISchema: true,
    requireValidPropertyType: true,
    requireStructuralSchema: true,
  };
  const spec = internalSpec(asObject(crd.spec) ?? {});
  const status = asObject(crd.status) ?? {};
  const errs = validateObjectMeta(asObject(crd.metadata), false, nameFn(crd), Path.of('metadata'));
  errs.push(...validateSpec(spec, opts, Path.of('spec')));
  errs.push(...validateStatus(status, Path.of('status')));
  errs.push(...validateStoredVersions(asList(status.storedVersions).map(asString), spec.versions, Path.of('status').child('storedVersions')));
  errs.push(...validateAPIApproval(crd, undefined));
  errs.push(...validatePreserveUnknownFields(spec, undefined));
  return errs;
}

/** ValidateCustomResourceDefinitionUpdate: options from the stored object. */
export function validateCustomResourceDefinitionUpdate(crd: JsonObject, old: JsonObject): ErrorList {
  const oldSpec = internalSpec(asObject(old.spec) ?? {});
  const oldConversion = oldSpec.conversion;
  const opts: Options = {
    requireRecognizedConversionReviewVersion: !oldConversion || hasValidConversionReviewVersionOrEmpty(asList(oldConversion.conversionReviewVersions).map(asString)),
    // Once Established, scope and kind back stored data.
    requireImmutableNames: isEstablished(old),
    // Don't tighten validation on existing persisted data.
    requireOpenAPISchema: allVersionsSpecifyOpenAPISchema(oldSpec),
    requireValidPropertyType: !oldSchemas(oldSpec).some((s) => validateTypeNames(s, Path.of('')).length > 0),
    requireStructuralSchema: !oldSchemas(oldSpec).some((s) => hasPreserveUnknownFieldsFalse(s) || validateStructural(s, 'root', Path.of('')).length > 0),
  };
  const spec = internalSpec(asObject(crd.spec) ?? {});
  const status = asObject(crd.status) ?? {};
  const errs = validateObjectMetaUpdate(asObject(crd.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateSpecUpdate(spec, oldSpec, opts, Path.of('spec')));
  errs.push(...validateStatus(status, Path.of('status')));
  errs.push(...validateStoredVersions(asList(status.storedVersions).map(asString), spec.versions, Path.of('status').child('storedVersions')));
  errs.push(...validateAPIApproval(crd, old));
  errs.push(...validatePreserveUnknownFields(spec, internalSpec(asObject(old.spec) ?? {})));
  return errs;
}

/** ValidateUpdateCustomResourceDefinitionStatus. */
export function validateCustomResourceDefinitionStatusUpdate(crd: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(crd.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateStatus(asObject(crd.status) ?? {}, Path.of('status')));
  return errs;
}

/** hasInvalidTypes: a type outside OpenAPI's anywhere in the schema. */
function validateTypeNames(s: JsonObject, path: Path): ErrorList {
  return validateTypes(s, path, true).filter((e) => e.type === 'FieldValueNotSupported');
}

/** The stored object's schemas: the top-level one and every version's (hasSchemaWith walks these). */
function oldSchemas(spec: InternalSpec): JsonObject[] {
  const all = [asObject(asObject(spec.validation)?.openAPIV3Schema), ...spec.versions.map((v) => asObject(asObject(v.schema)?.openAPIV3Schema))];
  return all.filter((s): s is JsonObject => s !== undefined);
}

function isEstablished(crd: JsonObject): boolean {
  return asList(asObject(crd.status)?.conditions).some((c) => asString(asObject(c)?.type) === 'Established' && asString(asObject(c)?.status) === 'True');
}

function allVersionsSpecifyOpenAPISchema(spec: InternalSpec): boolean {
  if (asObject(spec.validation)?.openAPIV3Schema) return true;
  return spec.versions.every((v) => asObject(v.schema)?.openAPIV3Schema);
}

/** ValidateCustomResourceDefinitionStoredVersions. */
function validateStoredVersions(storedVersions: string[], versions: InternalVersion[], path: Path): ErrorList {
  if (storedVersions.length === 0) return [invalid(path, storedVersions, 'must have at least one stored version')];
  const errs: ErrorList = [];
  const stored = new Map<string, number>();
  storedVersions.forEach((v, i) => stored.set(v, i));
  for (const v of versions) {
    const has = stored.has(v.name);
    if (asBool(v.raw.storage) && !has) errs.push(invalid(path, storedVersions, `must have the storage version ${v.name}`));
    if (has) stored.delete(v.name);
  }
  // Go ranges over a map here; in stored order for stable output.
  for (const [v, i] of [...stored].sort((a, b) => a[1] - b[1])) {
    errs.push(invalid(path.index(i), v, `missing from spec.versions; ${v} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${v} and removes ${v} from status.storedVersions`));
  }
  return errs;
}

/** ValidateCustomResourceDefinitionStatus. */
function validateStatus(status: JsonObject, path: Path): ErrorList {
  return validateNames(asObject(status.acceptedNames) ?? {}, path.child('acceptedNames'));
}

/** validateDeprecationWarning. */
function validateDeprecationWarning(deprecated: boolean, warning: string | undefined): string[] {
  if (!deprecated && warning !== undefined) return ['can only be set for deprecated versions'];
  if (warning === undefined) return [];
  const errs: string[] = [];
  if (Buffer.byteLength(warning, 'utf8') > 256) errs.push('must be <= 256 characters long');
  if (warning.length === 0) errs.push('must not be an empty string');
  let i = 0;
  for (const ch of warning) {
    if (/\p{Cc}/u.test(ch)) {
      errs.push(`must only contain printable UTF-8 characters; control character found at index ${i}`);
      break;
    }
    if (!/[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(ch)) {
      errs.push(`must only contain printable UTF-8 characters; non-printable character found at index ${i}`);
      break;
    }
    i += Buffer.byteLength(ch, 'utf8');
  }
  return errs;
}

/** validateCustomResourceDefinitionVersion. */
function validateVersion(version: InternalVersion, path: Path, statusEnabled: boolean, opts: Options): ErrorList {
  const errs: ErrorList = [];
  const warning = asOptionalString(version.raw.deprecationWarning);
  for (const m of validateDeprecationWarning(asBool(version.raw.deprecated), warning)) errs.push(invalid(path.child('deprecationWarning'), warning ?? null, m));
  errs.push(...validateValidation(version.schema, statusEnabled, path.child('schema'), opts));
  errs.push(...validateSubresources(version.subresources, path.child('subresources')));
  version.additionalPrinterColumns.forEach((c, i) => errs.push(...validateColumn(asObject(c) ?? {}, path.child('additionalPrinterColumns').index(i))));
  if (version.selectableFields.length > 0 && !asObject(version.schema)?.openAPIV3Schema) {
    errs.push(invalid(path.child('selectableFields'), '', 'selectableFields may only be set when version.schema.openAPIV3Schema is not included'));
  }
  return errs;
}

const schemaHasDefaults = (v: JsonValue | undefined): boolean =>
  Array.isArray(v) ? v.some(schemaHasDefaults) : v !== null && typeof v === 'object' ? 'default' in v || Object.values(v).some(schemaHasDefaults) : false;

/** validateCustomResourceDefinitionSpec. */
function validateSpec(spec: InternalSpec, opts: Options, path: Path): ErrorList {
  const errs: ErrorList = [];
  const raw = spec.raw;
  const group = asString(raw.group);
  if (group.length === 0) errs.push(required(path.child('group'), ''));
  else {
    const groupErrs = isDNS1123Subdomain(group);
    if (groupErrs.length > 0) errs.push(invalid(path.child('group'), group, groupErrs.join(',')));
    else if (group.split('.').length < 2) errs.push(invalid(path.child('group'), group, 'should be a domain with at least one dot'));
  }
  errs.push(...validateEnumStrings(path.child('scope'), asString(raw.scope), ['Cluster', 'Namespaced'], true));

  if (opts.requireOpenAPISchema) {
    // A global schema, or one in every version.
    if (!asObject(spec.validation)?.openAPIV3Schema) {
      spec.versions.forEach((v, i) => {
        if (!asObject(v.schema)?.openAPIV3Schema) errs.push(required(path.child('versions').index(i).child('schema').child('openAPIV3Schema'), 'schemas are required'));
      });
    }
  } else if (!spec.preserveUnknownFields && !asObject(spec.validation)?.openAPIV3Schema) {
    spec.versions.forEach((v, i) => {
      if (asBool(v.raw.served) && !asObject(v.schema)?.openAPIV3Schema) {
        errs.push(required(path.child('versions').index(i).child('schema', 'openAPIV3Schema'), 'because otherwise all fields are pruned'));
      }
    });
  }
  const hasDefaults = schemaHasDefaults(spec.validation ?? null) || spec.versions.some((v) => schemaHasDefaults(v.schema ?? null));
  if (hasDefaults && spec.preserveUnknownFields) errs.push(invalid(path.child('preserveUnknownFields'), true, 'must be false in order to use defaults in the schema'));

  let storageCount = 0;
  const seen = new Set<string>();
  let unique = true;
  spec.versions.forEach((v, i) => {
    if (asBool(v.raw.storage)) storageCount++;
    if (seen.has(v.name)) unique = false;
    else seen.add(v.name);
    const nameErrs = isDNS1035Label(v.name);
    if (nameErrs.length > 0) errs.push(invalid(path.child('versions').index(i).child('name'), v.name, nameErrs.join(',')));
    const subresources = spec.versions.some((x) => x.subresources) ? v.subresources : spec.subresources;
    errs.push(...validateVersion(v, path.child('versions').index(i), asObject(subresources)?.status !== undefined && asObject(subresources)?.status !== null, opts));
  });

  // Top-level and per-version fields are exclusive, and per-version ones may not all be equal
  // (conversion from v1 never produces either, but the rules are the internal type's).
  if (spec.validation && spec.versions.some((v) => v.schema)) errs.push(forbidden(path.child('validation'), 'top-level and per-version schemas are mutually exclusive'));
  if (spec.subresources && spec.versions.some((v) => v.subresources)) errs.push(forbidden(path.child('subresources'), 'top-level and per-version subresources are mutually exclusive'));
  if (spec.additionalPrinterColumns.length > 0 && spec.versions.some((v) => v.additionalPrinterColumns.length > 0)) {
    errs.push(forbidden(path.child('additionalPrinterColumns'), 'top-level and per-version additionalPrinterColumns are mutually exclusive'));
  }
  if (!unique) errs.push(invalid(path.child('versions'), asList(raw.versions), 'must contain unique version names'));
  if (storageCount !== 1) errs.push(invalid(path.child('versions'), asList(raw.versions), 'must have exactly one version marked as storage version'));
  if (spec.version.length !== 0) {
    const vErrs = isDNS1035Label(spec.version);
    if (vErrs.length > 0) errs.push(invalid(path.child('version'), spec.version, vErrs.join(',')));
  }

  // Required for spec.names, not for status.acceptedNames.
  const names = asObject(raw.names) ?? {};
  for (const f of ['plural', 'singular', 'kind', 'listKind']) {
    if (asString(names[f]).length === 0) errs.push(required(path.child('names', f), ''));
  }
  errs.push(...validateNames(names, path.child('names')));
  errs.push(...validateValidation(spec.validation, asObject(spec.subresources)?.status != null || spec.versions.some((v) => asObject(v.subresources)?.status != null), path.child('validation'), opts));
  errs.push(...validateSubresources(spec.subresources, path.child('subresources')));
  spec.additionalPrinterColumns.forEach((c, i) => errs.push(...validateColumn(asObject(c) ?? {}, path.child('additionalPrinterColumns').index(i))));
  if (spec.selectableFields.length > 0 && !spec.validation) errs.push(invalid(path.child('selectableFields'), '', 'selectableFields may only be set when validations.schema is included'));

  const conversion = spec.conversion;
  if (conversion && asString(conversion.strategy) !== 'None' && spec.preserveUnknownFields) {
    errs.push(invalid(path.child('conversion').child('strategy'), asString(conversion.strategy), 'must be None if spec.preserveUnknownFields is true'));
  }
  errs.push(...validateConversion(conversion, opts.requireRecognizedConversionReviewVersion, path.child('conversion')));
  return errs;
}

/** validateCustomResourceDefinitionSpecUpdate: group and plural always immutable; scope and kind once Established. */
function validateSpecUpdate(spec: InternalSpec, oldSpec: InternalSpec, opts: Options, path: Path): ErrorList {
  const errs = validateSpec(spec, opts, path);
  const names = asObject(spec.raw.names) ?? {};
  const oldNames = asObject(oldSpec.raw.names) ?? {};
  if (opts.requireImmutableNames) {
    errs.push(...validateImmutableField(asString(spec.raw.scope), asString(oldSpec.raw.scope), path.child('scope')));
    errs.push(...validateImmutableField(asString(names.kind), asString(oldNames.kind), path.child('names', 'kind')));
  }
  errs.push(...validateImmutableField(asString(spec.raw.group), asString(oldSpec.raw.group), path.child('group')));
  errs.push(...validateImmutableField(asString(names.plural), asString(oldNames.plural), path.child('names', 'plural')));
  return errs;
}

/** validateEnumStrings. */
function validateEnumStrings(path: Path, value: string, accepted: string[], isRequired: boolean): ErrorList {
  if (value === '') return isRequired ? [required(path, '')] : [];
  return accepted.includes(value) ? [] : [notSupported(path, value, accepted)];
}

function hasValidConversionReviewVersionOrEmpty(versions: string[]): boolean {
  return versions.length < 1 || versions.some((v) => ACCEPTED_CONVERSION_REVIEW_VERSIONS.includes(v));
}

/** validateConversionReviewVersions. */
function validateConversionReviewVersions(versions: string[], requireRecognized: boolean, path: Path): ErrorList {
  if (versions.length < 1) return [required(path, '')];
  const errs: ErrorList = [];
  const seen = new Set<string>();
  let hasAccepted = false;
  versions.forEach((v, i) => {
    if (seen.has(v)) {
      errs.push(invalid(path.index(i), v, 'duplicate version'));
      return;
    }
    seen.add(v);
    for (const m of isDNS1035Label(v)) errs.push(invalid(path.index(i), v, m));
    if (ACCEPTED_CONVERSION_REVIEW_VERSIONS.includes(v)) hasAccepted = true;
  });
  if (requireRecognized && !hasAccepted) errs.push(invalid(path, versions, `must include at least one of ${ACCEPTED_CONVERSION_REVIEW_VERSIONS.join(', ')}`));
  return errs;
}

/** validateCustomResourceConversion. The caBundle is not checked on create (the CRD is not established yet). */
function validateConversion(conversion: JsonObject | undefined, requireRecognized: boolean, path: Path): ErrorList {
  if (!conversion) return [];
  const strategy = asString(conversion.strategy);
  const errs = validateEnumStrings(path.child('strategy'), strategy, ['None', 'Webhook'], true);
  const cc = asObject(conversion.webhookClientConfig);
  const reviewVersions = asList(conversion.conversionReviewVersions).map(asString);
  if (strategy === 'Webhook') {
    if (!cc) {
      errs.push(required(path.child('webhookClientConfig'), 'required when strategy is set to Webhook'));
    } else {
      const url = asOptionalString(cc.url);
      const service = asObject(cc.service);
      const ccPath = path.child('webhookClientConfig');
      if ((url === undefined) === (service === undefined)) errs.push(required(ccPath, 'exactly one of url or service is required'));
      else if (url !== undefined) errs.push(...validateWebhookURL(ccPath.child('url'), url, true));
      else if (service) errs.push(...validateWebhookService(ccPath.child('service'), service));
    }
    errs.push(...validateConversionReviewVersions(reviewVersions, requireRecognized, path.child('conversionReviewVersions')));
  } else {
    if (cc) errs.push(forbidden(path.child('webhookClientConfig'), 'should not be set when strategy is not set to Webhook'));
    if (reviewVersions.length > 0) errs.push(forbidden(path.child('conversionReviewVersions'), 'should not be set when strategy is not set to Webhook'));
  }
  return errs;
}

/**
 * Go's net/url.Parse, the parts ValidateWebhookURL reads: scheme, host,
 * user information, query and fragment, or Go's parse error. An empty or
 * relative URL parses (with no scheme and no host), unlike WHATWG's URL.
 */
function goParseURL(raw: string): { scheme: string; host: string; user: string | null; rawQuery: string; fragment: string } | { error: string } {
  const fail = (why: string) => ({ error: `parse ${JSON.stringify(raw)}: ${why}` });
  let rest = raw;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  if ([...rest].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fail('net/url: invalid control character in URL');
  // getScheme
  let scheme = '';
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return fail('missing protocol scheme');
      scheme = rest.slice(0, i).toLowerCase();
      rest = rest.slice(i + 1);
    }
    break;
  }
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    // Opaque ("mailto:x") or a relative path whose first segment may not hold a colon.
    if (scheme === '') {
      const slash = rest.indexOf('/');
      const first = slash < 0 ? rest : rest.slice(0, slash);
      if (first.includes(':')) return fail('first path segment in URL cannot contain colon');
    }
    return { scheme, host: '', user: null, rawQuery, fragment };
  }
  let host = '';
  let user: string | null = null;
  if (rest.startsWith('//') && !rest.startsWith('///')) {
    const after = rest.slice(2);
    const slash = after.indexOf('/');
    const authority = slash < 0 ? after : after.slice(0, slash);
    const at = authority.lastIndexOf('@');
    host = at < 0 ? authority : authority.slice(at + 1);
    if (at >= 0) user = authority.slice(0, at);
    // parseHost: an optional port must be digits.
    const colon = host.startsWith('[') ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
    if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) return fail(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
  }
  return { scheme, host, user, rawQuery, fragment };
}

/** webhook.ValidateWebhookURL (k8s.io/apiserver/pkg/util/webhook). */
function validateWebhookURL(path: Path, raw: string, forceHttps: boolean): ErrorList {
  const form = '; desired format: https://host[/path]';
  const u = goParseURL(raw);
  if ('error' in u) return [required(path, `url must be a valid URL: ${u.error}${form}`)];
  const errs: ErrorList = [];
  if (forceHttps && u.scheme !== 'https') errs.push(invalid(path, u.scheme, `'https' is the only allowed URL scheme${form}`));
  if (u.host.length === 0) errs.push(invalid(path, u.host, `host must be specified${form}`));
  if (u.user !== null) errs.push(invalid(path, u.user, 'user information is not permitted in the URL'));
  if (u.fragment.length !== 0) errs.push(invalid(path, u.fragment, 'fragments are not permitted in the URL'));
  if (u.rawQuery.length !== 0) errs.push(invalid(path, u.rawQuery, 'query parameters are not permitted in the URL'));
  return errs;
}

/** webhook.ValidateWebhookService (the v1 port defaults to 443; as given, a missing one is 0). */
function validateWebhookService(path: Path, service: JsonObject): ErrorList {
  const errs: ErrorList = [];
  if (asString(service.name).length === 0) errs.push(required(path.child('name'), 'service name is required'));
  if (asString(service.namespace).length === 0) errs.push(required(path.child('namespace'), 'service namespace is required'));
  const port = asOptionalInt(service.port) ?? 0;
  const portErrs = isValidPortNum(port);
  if (portErrs.length > 0) errs.push(invalid(path.child('port'), port, `port is not valid: ${portErrs.join(', ')}`));
  const urlPath = asOptionalString(service.path);
  if (urlPath === undefined || urlPath === '/' || urlPath.length === 0) return errs;
  if (urlPath === '//') return [...errs, invalid(path.child('path'), urlPath, 'segment[0] may not be empty')];
  if (!urlPath.startsWith('/')) errs.push(invalid(path.child('path'), urlPath, "must start with a '/'"));
  let check = urlPath.slice(1);
  if (check.endsWith('/')) check = check.slice(0, -1);
  check.split('/').forEach((step, i) => {
    if (step.length === 0) {
      errs.push(invalid(path.child('path'), urlPath, `segment[${i}] may not be empty`));
      return;
    }
    for (const m of isDNS1123Subdomain(step)) errs.push(invalid(path.child('path'), urlPath, `segment[${i}]: ${m}`));
  });
  return errs;
}

/** ValidateCustomResourceDefinitionNames: DNS-1035 names (kinds in any case), kind ≠ listKind. */
function validateNames(names: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of ['plural', 'singular']) {
    const v = asString(names[f]);
    const e = isDNS1035Label(v);
    if (v.length > 0 && e.length > 0) errs.push(invalid(path.child(f), v, e.join(',')));
  }
  for (const f of ['kind', 'listKind']) {
    const v = asString(names[f]);
    const e = isDNS1035Label(v.toLowerCase());
    if (v.length > 0 && e.length > 0) errs.push(invalid(path.child(f), v, `may have mixed case, but should otherwise match: ${e.join(',')}`));
  }
  asList(names.shortNames).forEach((raw, i) => {
    const v = asString(raw);
    const e = isDNS1035Label(v);
    if (e.length > 0) errs.push(invalid(path.child('shortNames').index(i), v, e.join(',')));
  });
  const kind = asString(names.kind);
  if (kind.length > 0 && kind === asString(names.listKind)) errs.push(invalid(path.child('listKind'), kind, 'kind and listKind may not be the same'));
  asList(names.categories).forEach((raw, i) => {
    const v = asString(raw);
    const e = isDNS1035Label(v);
    if (e.length > 0) errs.push(invalid(path.child('categories').index(i), v, e.join(',')));
  });
  return errs;
}

/** ValidateCustomResourceColumnDefinition. */
function validateColumn(col: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(col.name).length === 0) errs.push(required(path.child('name'), ''));
  const type = asString(col.type);
  const types = `must be one of ${PRINTER_COLUMN_TYPES.join(',')}`;
  if (type.length === 0) errs.push(required(path.child('type'), types));
  else if (!PRINTER_COLUMN_TYPES.includes(type)) errs.push(invalid(path.child('type'), type, types));
  const format = asString(col.format);
  if (format.length > 0 && !PRINTER_COLUMN_FORMATS.includes(format)) errs.push(invalid(path.child('format'), format, `must be one of ${PRINTER_COLUMN_FORMATS.join(',')}`));
  // v1's jsonPath is the internal JSONPath, which is what the path prints.
  const jsonPath = asString(col.jsonPath);
  if (jsonPath.length === 0) errs.push(required(path.child('JSONPath'), ''));
  else errs.push(...validateSimpleJSONPath(jsonPath, path.child('JSONPath')));
  return errs;
}

/** ValidateCustomResourceDefinitionSubresources: the scale subresource's paths. */
function validateSubresources(subresources: JsonObject | undefined, path: Path): ErrorList {
  const scale = asObject(subresources?.scale);
  if (!scale) return [];
  const errs: ErrorList = [];
  const specPath = asString(scale.specReplicasPath);
  if (specPath.length === 0) errs.push(required(path.child('scale.specReplicasPath'), ''));
  else {
    const e = validateSimpleJSONPath(specPath, path.child('scale.specReplicasPath'));
    if (e.length > 0) errs.push(...e);
    else if (!specPath.startsWith('.spec.')) errs.push(invalid(path.child('scale.specReplicasPath'), specPath, 'should be a json path under .spec'));
  }
  const statusPath = asString(scale.statusReplicasPath);
  if (statusPath.length === 0) errs.push(required(path.child('scale.statusReplicasPath'), ''));
  else {
    const e = validateSimpleJSONPath(statusPath, path.child('scale.statusReplicasPath'));
    if (e.length > 0) errs.push(...e);
    else if (!statusPath.startsWith('.status.')) errs.push(invalid(path.child('scale.statusReplicasPath'), statusPath, 'should be a json path under .status'));
  }
  const selectorPath = asOptionalString(scale.labelSelectorPath);
  if (selectorPath !== undefined && selectorPath.length > 0) {
    const e = validateSimpleJSONPath(selectorPath, path.child('scale.labelSelectorPath'));
    if (e.length > 0) errs.push(...e);
    else if (!selectorPath.startsWith('.spec.') && !selectorPath.startsWith('.status.')) {
      errs.push(invalid(path.child('scale.labelSelectorPath'), selectorPath, 'should be a json path under either .spec or .status'));
    }
  }
  return errs;
}

/** validateSimpleJSONPath. */
function validateSimpleJSONPath(s: string, path: Path): ErrorList {
  if (s.length === 0) return [invalid(path, s, 'must not be empty')];
  if (s[0] !== '.') return [invalid(path, s, 'must be a simple json path starting with .')];
  return [];
}

/**
 * validateCustomResourceDefinitionValidation, structural basics only: the
 * root is not nullable, every schema's type is an OpenAPI type, the root is
 * an object, and properties and items name their type.
 */
function validateValidation(validation: JsonObject | undefined, _statusEnabled: boolean, path: Path, opts: Options): ErrorList {
  const schema = asObject(validation?.openAPIV3Schema);
  if (!schema) return [];
  const schemaPath = path.child('openAPIV3Schema');
  const errs: ErrorList = [];
  const schemaErrs = validateTypes(schema, schemaPath, opts.requireValidPropertyType);
  // structuralschema.NewStructural cannot represent x-kubernetes-preserve-unknown-fields: false;
  // its error is hidden when the schema already has errors (it always has one then).
  if (opts.requireStructuralSchema && (schemaErrs.length === 0 || !hasPreserveUnknownFieldsFalse(schema))) {
    // Structural errors are sorted by message, as ValidateStructural sorts them.
    const structural = validateStructural(schema, 'root', schemaPath).sort((a, b) => compareGoStrings(errorText(a), errorText(b)));
    errs.push(...structural);
  }
  if (schema.nullable === true) errs.push(forbidden(path.child('openAPIV3Schema.nullable'), 'nullable cannot be true at the root'));
  errs.push(...schemaErrs);
  return errs;
}

/** Whether any schema in the tree sets x-kubernetes-preserve-unknown-fields to false. */
function hasPreserveUnknownFieldsFalse(s: JsonObject): boolean {
  if (s['x-kubernetes-preserve-unknown-fields'] === false) return true;
  const properties = asObject(s.properties) ?? {};
  if (Object.values(properties).some((p) => hasPreserveUnknownFieldsFalse(asObject(p) ?? {}))) return true;
  const items = asObject(s.items);
  if (items && hasPreserveUnknownFieldsFalse(items)) return true;
  const additional = asObject(s.additionalProperties);
  return additional !== undefined && hasPreserveUnknownFieldsFalse(additional);
}

const errorText = (e: { field: string; detail: string; type: string }): string => `${e.field}: ${e.type} ${e.detail}`;

type Level = 'root' | 'item' | 'field';

/** The type invariants of ValidateStructural (validateStructuralInvariants). */
function validateStructural(s: JsonObject, level: Level, path: Path): ErrorList {
  const errs: ErrorList = [];
  const type = asString(s.type);
  if (type.length === 0 && s['x-kubernetes-embedded-resource'] !== true && s['x-kubernetes-int-or-string'] !== true) {
    const detail = { root: 'must not be empty at the root', item: 'must not be empty for specified array items', field: 'must not be empty for specified object fields' }[level];
    errs.push(required(path.child('type'), detail));
  }
  if (level === 'root' && type.length > 0 && type !== 'object') errs.push(invalid(path.child('type'), type, 'must be object at the root'));
  const properties = asObject(s.properties) ?? {};
  for (const k of Object.keys(properties).sort(compareGoStrings)) errs.push(...validateStructural(asObject(properties[k]) ?? {}, 'field', path.child('properties').key(k)));
  const items = asObject(s.items);
  if (items) errs.push(...validateStructural(items, 'item', path.child('items')));
  const additional = asObject(s.additionalProperties);
  if (additional) errs.push(...validateStructural(additional, 'field', path.child('additionalProperties')));
  return errs;
}

/**
 * ValidateCustomResourceDefinitionOpenAPISchema, in part: specStandardValidatorV3's
 * type check (requireValidPropertyType), additionalProperties next to properties,
 * and x-kubernetes-preserve-unknown-fields: false, over the whole schema.
 */
function validateTypes(s: JsonObject, path: Path, requireValidPropertyType: boolean): ErrorList {
  const errs: ErrorList = [];
  const type = asString(s.type);
  if (requireValidPropertyType && type.length > 0 && !OPENAPI_V3_TYPES.includes(type)) errs.push(notSupported(path.child('type'), type, OPENAPI_V3_TYPES));
  // additionalProperties: false or a schema, next to properties (additionalProperties: true is harmless).
  if (s.additionalProperties !== undefined && s.additionalProperties !== null && s.additionalProperties !== true && Object.keys(asObject(s.properties) ?? {}).length !== 0) {
    errs.push(forbidden(path.child('additionalProperties'), 'additionalProperties and properties are mutual exclusive'));
  }
  if (s['x-kubernetes-preserve-unknown-fields'] === false) {
    errs.push(invalid(path.child('x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined'));
  }
  const properties = asObject(s.properties) ?? {};
  for (const k of Object.keys(properties).sort(compareGoStrings)) errs.push(...validateTypes(asObject(properties[k]) ?? {}, path.child('properties').key(k), requireValidPropertyType));
  const items = asObject(s.items);
  if (items) errs.push(...validateTypes(items, path.child('items'), requireValidPropertyType));
  const additional = asObject(s.additionalProperties);
  if (additional) errs.push(...validateTypes(additional, path.child('additionalProperties'), requireValidPropertyType));
  return errs;
}

/** IsProtectedCommunityGroup: k8s.io and kubernetes.io and their subdomains. */
function isProtectedCommunityGroup(group: string): boolean {
  return group === 'k8s.io' || group.endsWith('.k8s.io') || group === 'kubernetes.io' || group.endsWith('.kubernetes.io');
}

type ApprovalState = 'Missing' | 'Bypassed' | 'Approved' | 'Invalid';

/** GetAPIApprovalState. */
function apiApprovalState(annotations: Record<string, string>): { state: ApprovalState; reason: string } {
  const annotation = annotations[API_APPROVED_ANNOTATION] ?? '';
  if (annotation.length === 0) return { state: 'Missing', reason: `protected groups must have approval annotation "${API_APPROVED_ANNOTATION}", see https://github.com/kubernetes/enhancements/pull/1111` };
  if (annotation.startsWith('unapproved')) return { state: 'Bypassed', reason: `not approved: "${annotation}"` };
  // url.ParseRequestURI with a scheme and a host.
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]+)/.exec(annotation);
  if (m) return { state: 'Approved', reason: `approved in ${annotation}` };
  return {
    state: 'Invalid',
    reason: `protected groups must have approval annotation "${API_APPROVED_ANNOTATION}" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111`,
  };
}

/** validateAPIApproval: CRDs in *.k8s.io and *.kubernetes.io groups need an approval annotation. */
function validateAPIApproval(crd: JsonObject, old: JsonObject | undefined): ErrorList {
  if (!isProtectedCommunityGroup(asString(asObject(crd.spec)?.group))) return [];
  const annotations = asStringMap(asObject(crd.metadata)?.annotations);
  const { state, reason } = apiApprovalState(annotations);
  // An unchanged state never fails, so controllers that only touch the spec keep working.
  if (old && apiApprovalState(asStringMap(asObject(old.metadata)?.annotations)).state === state) return [];
  const path = Path.of('metadata', 'annotations').key(API_APPROVED_ANNOTATION);
  switch (state) {
    case 'Missing':
      return [required(path, reason)];
    case 'Approved':
    case 'Bypassed':
      return [];
    default:
      return [invalid(path, annotations[API_APPROVED_ANNOTATION] ?? '', reason)];
  }
}

/** validatePreserveUnknownFields: it may not be turned on (x-kubernetes-preserve-unknown-fields is the way). */
function validatePreserveUnknownFields(spec: InternalSpec, old: InternalSpec | undefined): ErrorList {
  // Compatibility with existing data.
  if (old?.preserveUnknownFields) return [];
  if (spec.preserveUnknownFields) {
    return [invalid(Path.of('spec').child('preserveUnknownFields'), true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in openAPIV3Schema instead')];
  }
  return [];
}
