// `kubectl apply -f` of CRDs and custom objects against one API server: what
// kubectl prints for each object, what is stored, and why.
// src: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr: "The <Kind> <name> is invalid", MultilineError)
//      staging/src/k8s.io/cli-runtime/pkg/printers/name.go ("<kind>.<group>/<name> created")
//      staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go + fieldValidation: Strict answers
//        400 "<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error: unknown field ..."
//      staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/customresource_handler.go

import type { JsonObject } from '../apimachinery/json.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import { errorBody, type FieldErr } from '../apimachinery/field-errors.ts';
import { goQuote } from '../apimachinery/go-strconv.ts';
import { newInvalid } from '../apimachinery/api-errors.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import type { TraceStep } from '../shared/engine.ts';
import { admitCustomObject, findVersion, type CrdVersionInfo } from './custom-resource.ts';
import { validateStructural } from './structural.ts';
import type { ExtendingInput } from './schema.ts';
import type { JSONSchemaProps } from './schema-types.ts';
import { evalSimpleJsonPath } from './printer-columns.ts';

export interface ObjectOutcome {
  /** The document's name as kubectl names it: widget.example.com/w. */
  ref: string;
  kind: string;
  name: string;
  outcome: 'created' | 'configured' | 'unchanged' | 'invalid' | 'bad-request' | 'no-match';
  /** Exactly what kubectl prints (stdout or stderr), lines joined by \n. */
  printed: string;
  /** kubectl's warnings (from the API server's Warning headers). */
  warnings: string[];
  /** The stored object after defaulting and pruning (absent when refused). */
  stored?: JsonObject;
  pruned: string[];
  defaulted: string[];
  errors: { field: string; message: string }[];
  document: number;
}

export interface CrdOutcome {
  name: string;
  printed: string;
  accepted: boolean;
  errors: string[];
  document: number;
}

export interface PrinterTable {
  crd: string;
  columns: string[];
  rows: string[][];
}

export interface ExtendingResult {
  crds: CrdOutcome[];
  objects: ObjectOutcome[];
  tables: PrinterTable[];
  fieldValidation: string;
}

/** checkErr's text for a 422: `The <Kind> "<name>" is invalid: ` and one error, or a bullet per error. */
export function kubectlInvalidMessage(kind: string, name: string, errs: readonly FieldErr[]): string {
  const prefix = `The ${kind} ${goQuote(name)} is invalid: `;
  const seen = [...new Set(errs.map((e) => `${e.field}: ${errorBody(e)}`))];
  if (seen.length === 1) return `${prefix}${seen[0]}`;
  return `${prefix}\n${seen.map((m) => `* ${m}`).join('\n')}`;
}

/** Default values that filled a field absent before (paths, for the trace). */
function defaultedPaths(before: unknown, after: unknown, at: string, out: string[]): void {
  if (asObject(after) && (asObject(before) || before === undefined)) {
    const b = asObject(before) ?? {};
    for (const [k, v] of Object.entries(asObject(after) ?? {})) {
      const p = at ? `${at}.${k}` : k;
      if (!(k in b) || (b[k] === null && v !== null)) out.push(p);
      else defaultedPaths(b[k], v, p, out);
    }
  } else if (Array.isArray(after) && Array.isArray(before)) {
    after.forEach((v, i) => defaultedPaths(before[i], v, `${at}[${i}]`, out));
  }
}

function crdName(o: JsonObject): string {
  return asString(asObject(o.metadata)?.name);
}

export function runApply(input: ExtendingInput, trace: TraceStep[]): ExtendingResult {
  const api = freshApiServer();
  const crds: CrdOutcome[] = [];
  const served: JsonObject[] = [];
  for (const { object, manifest } of input.crds) {
    const name = crdName(object);
    const result = api.create(object);
    if (result.code >= 400 || !result.object) {
      const message = result.message ?? `the server refused the object (${result.code})`;
      // A 422 prints as kubectl's checkErr prints it; a 400 (decoding) as "Error from server (BadRequest)".
      const printed =
        result.fieldErrors && result.fieldErrors.length > 0
          ? kubectlInvalidMessage('CustomResourceDefinition', name, result.fieldErrors)
          : `Error from server (${result.reason ?? 'BadRequest'}): error when creating "STDIN": ${message}`;
      crds.push({ name, accepted: false, printed, errors: [message], document: manifest.document });
      trace.push({ title: `CustomResourceDefinition ${name} refused by the API server`, detail: message, subject: name, source: 'apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go', level: 'warning' });
      continue;
    }
    const stored = result.object as JsonObject;
    // The structural-schema rules in full (schema/validation.go ValidateStructural), per version.
    const errs: FieldErr[] = [];
    const versions = (asObject(stored.spec)?.versions as unknown[]) ?? [];
    versions.forEach((v, i) => {
      const schema = asObject(asObject(asObject(v)?.schema)?.openAPIV3Schema);
      if (schema) errs.push(...validateStructural(schema as JSONSchemaProps, `spec.versions[${i}].schema.openAPIV3Schema`));
    });
    if (errs.length > 0) {
      const message = newInvalid({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' }, name, errs).message;
      crds.push({ name, accepted: false, printed: kubectlInvalidMessage('CustomResourceDefinition', name, errs), errors: [message], document: manifest.document });
      trace.push({ title: `CustomResourceDefinition ${name}: the schema is not structural`, detail: message, subject: name, source: 'apiextensions-apiserver pkg/apiserver/schema/validation.go (ValidateStructural)', level: 'warning' });
      continue;
    }
    crds.push({ name, accepted: true, printed: `customresourcedefinition.apiextensions.k8s.io/${name} created`, errors: [], document: manifest.document });
    trace.push({ title: `CustomResourceDefinition ${name} created; its schema is structural, so the API server can prune, default and validate`, subject: name, source: 'apiextensions-apiserver pkg/apiserver/schema/validation.go' });
    served.push(stored);
  }

  const store = new Map<string, JsonObject>();
  const objects: ObjectOutcome[] = [];
  for (const { object, manifest } of input.objects) {
    const apiVersion = asString(object.apiVersion);
    const kind = asString(object.kind);
    const name = asString(asObject(object.metadata)?.name);
    let info: CrdVersionInfo | undefined;
    for (const crd of served) {
      const found = findVersion(crd, apiVersion, kind);
      if (!('error' in found)) info = found;
    }
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const ref = `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
    const base = { ref, kind, name, warnings: [] as string[], pruned: [] as string[], defaulted: [] as string[], errors: [] as { field: string; message: string }[], document: manifest.document };
    if (!info) {
      const printed = `error: resource mapping not found for name: ${goQuote(name)} namespace: "" from "STDIN": no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}\nensure CRDs are installed first`;
      objects.push({ ...base, outcome: 'no-match', printed });
      trace.push({ title: `${kind} ${name}: no served CRD version for ${apiVersion}`, subject: ref, source: 'k8s.io/apimachinery pkg/api/meta (NoKindMatchError)', level: 'warning' });
      continue;
    }
    const admitted = admitCustomObject(info, object as Record<string, unknown>);
    const defaulted: string[] = [];
    defaultedPaths(object, admitted.object, '', defaulted);
    // Defaulted paths the pruning then removed are not defaults; metadata.namespace is the request's, not a default.
    const defaults = defaulted.filter((p) => p !== 'metadata.namespace' && p !== 'metadata');
    const pruned = admitted.pruned;
    base.pruned = pruned;
    base.defaulted = defaults;
    if (pruned.length > 0 && input.fieldValidation === 'Strict') {
      const printed = `Error from server (BadRequest): error when creating "STDIN": ${kind} in version ${goQuote(info.version)} cannot be handled as a ${kind}: strict decoding error: ${pruned.map((p) => `unknown field ${goQuote(p)}`).join(', ')}`;
      objects.push({ ...base, outcome: 'bad-request', printed });
      trace.push({ title: `${ref}: unknown fields with --validate=strict: the request is refused (400), nothing is stored`, detail: pruned.join(', '), subject: ref, source: 'apiserver pkg/endpoints/handlers (fieldValidation=Strict)', level: 'decision' });
      continue;
    }
    if (pruned.length > 0 && input.fieldValidation === 'Warn') base.warnings = pruned.map((p) => `Warning: unknown field ${goQuote(p)}`);
    if (pruned.length > 0) {
      trace.push({ title: `${ref}: pruned ${pruned.length} field(s) the schema does not specify`, detail: pruned.join(', '), subject: ref, source: 'apiextensions-apiserver pkg/apiserver/schema/pruning/algorithm.go', level: 'decision' });
    }
    if (defaults.length > 0) {
      trace.push({ title: `${ref}: defaulted ${defaults.join(', ')}`, subject: ref, source: 'apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go' });
    }
    if (admitted.errors.length > 0) {
      const printed = kubectlInvalidMessage(kind, name, admitted.errors);
      objects.push({ ...base, outcome: 'invalid', printed, errors: admitted.errors.map((e) => ({ field: e.field, message: `${e.field}: ${errorBody(e)}` })) });
      trace.push({
        title: `${ref}: 422 Invalid, ${admitted.errors.length} error(s) from the OpenAPI schema and ObjectMeta validation`,
        detail: newInvalid({ group: info.group, kind: info.kind }, name, admitted.errors).message,
        subject: ref,
        source: 'apiextensions-apiserver pkg/registry/customresource/validator.go, pkg/apiserver/validation/validation.go',
        level: 'warning',
      });
      continue;
    }
    const stored = admitted.object as JsonObject;
    const ns = asString(asObject(stored.metadata)?.namespace);
    const key = `${info.group}/${info.kind}/${ns}/${name}`;
    const previous = store.get(key);
    const outcome = previous === undefined ? 'created' : JSON.stringify(previous) === JSON.stringify(stored) ? 'unchanged' : 'configured';
    store.set(key, stored);
    objects.push({ ...base, outcome, printed: [...base.warnings, `${ref} ${outcome}`].join('\n'), stored });
    trace.push({ title: `${ref} ${outcome}`, subject: ref, source: 'apiextensions-apiserver pkg/registry/customresource/etcd.go' });
  }

  const tables: PrinterTable[] = [];
  for (const crd of served) {
    const spec = asObject(crd.spec) ?? {};
    const names = asObject(spec.names) ?? {};
    const group = asString(spec.group);
    const kind = asString(names.kind);
    const storedOfKind = objects.filter((o) => o.stored && asString(o.stored.kind) === kind && asString(o.stored.apiVersion).startsWith(`${group}/`));
    if (storedOfKind.length === 0) continue;
    const version = (spec.versions as unknown[]).map(asObject).find((v) => v?.storage === true) ?? asObject((spec.versions as unknown[])[0]);
    const cols = ((version?.additionalPrinterColumns as unknown[]) ?? []).map(asObject).filter((c): c is JsonObject => !!c && (typeof c.priority !== 'number' || c.priority === 0));
    const columns = ['NAME', ...cols.map((c) => asString(c.name).toUpperCase())];
    // Without printer columns kubectl shows NAME and AGE (the server's default table); AGE of an object created now is 0s.
    if (cols.length === 0) columns.push('AGE');
    const rows = storedOfKind.map((o) => [o.name, ...(cols.length === 0 ? ['0s'] : cols.map((c) => evalSimpleJsonPath(o.stored as JsonObject, asString(c.jsonPath), asString(c.type))))]);
    tables.push({ crd: crdName(crd), columns, rows });
  }
  return { crds, objects, tables, fieldValidation: input.fieldValidation };
}
