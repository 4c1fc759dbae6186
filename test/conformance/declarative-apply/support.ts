// Helpers for the transcribed strategicpatch tables: loading them, and
// upstream's test-only sortMergeListsByName (patch.go), which the YAML tables
// apply to every document before comparing.
import { parseYamlDocuments } from '../../../simulations/shared/yaml.ts';
import { deduplicateScalars, goFmtV, goSortByString, isMap, sortScalars } from '../../../simulations/apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/go-values.ts';
import { SchemaNode } from '../../../simulations/apimachinery/strategic-merge-patch/patch-meta.ts';
import { extractRetainKeysPatchStrategy } from '../../../simulations/apimachinery/strategic-merge-patch/directives.ts';
import { sliceElementType } from '../../../simulations/apimachinery/strategic-merge-patch/order.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import type { PatchType } from '../../../simulations/apiserver/patcher.ts';
import { defaultObject } from '../../../simulations/apiserver/defaults/index.ts';
import { KUBECTL_PATH } from '../../support/kubectl-stub.ts';
import type { PatchContext, StubReply } from '../../support/kubectl-stub.ts';

export interface TableCase {
  description: string;
  original?: JsonObject;
  twoWay?: JsonObject;
  modified?: JsonObject;
  current?: JsonObject;
  threeWay?: JsonObject;
  result?: JsonObject;
  twoWayResult?: JsonObject;
  expectedError?: string;
}

export interface Table {
  upstream: string;
  raw?: boolean;
  testCases: TableCase[];
}

export function loadTable(name: string): Table {
  const text = readFileSync(new URL(`./tables/${name}`, import.meta.url), 'utf8');
  return parseYamlDocuments(text, { maxDocuments: 1, maxDepth: 64, maxAliases: 0, maxNodes: 1_000_000 })[0].value as unknown as Table;
}

export function loadYaml<T>(name: string): T {
  const text = readFileSync(new URL(`./tables/${name}`, import.meta.url), 'utf8');
  return parseYamlDocuments(text, { maxDocuments: 1, maxDepth: 64, maxAliases: 0, maxNodes: 1_000_000 })[0].value as unknown as T;
}

/** sortMergeListsByName (patch.go, test helper). */
export function sortMergeListsByName(value: JsonObject | undefined, schema: SchemaNode): JsonObject | undefined {
  if (value === undefined) return undefined;
  return sortMap(value, schema);
}

function sortMap(s: JsonObject, schema: SchemaNode): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(s)) {
    let v = s[k];
    if (k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList')) {
      v = sortScalars([...(v as JsonValue[])]);
    } else if (k.startsWith('$setElementOrder') || k === '$patch') {
      // kept as is
    } else if (isMap(v)) {
      v = sortMap(v, schema.lookupStruct(k)[0]);
    } else if (Array.isArray(v)) {
      const [sub, meta] = schema.lookupSlice(k);
      if (extractRetainKeysPatchStrategy(meta.strategies)[1] === 'merge') v = sortArray(v, sub, meta.mergeKey);
    }
    out[k] = v;
  }
  return out;
}

function sortArray(s: JsonValue[], schema: SchemaNode, mergeKey: string): JsonValue[] {
  if (s.length === 0) return s;
  if (sliceElementType(s) !== 'map') return sortScalars(deduplicateScalars([...s]));
  const items = s.map((e) => sortMap(e as JsonObject, schema));
  return goSortByString(items, (item) => goFmtV((item as JsonObject)[mergeKey] ?? null));
}

// ---- our API server behind the stub --------------------------------------
// The stub API server stores and echoes; for real kubectl to meet the same
// server our kubectl meets, its PATCH requests are answered by a twin of our
// API server (the same objects seeded): real kubectl's requests, our server's
// answers. kubectl's own output (the request bodies, what it prints, the diff)
// is then compared with ours; the merge itself is checked against
// `kubectl patch --local` (the apimachinery code kube-apiserver runs).

/** A PATCH the stub received, answered by `twin` (our API server): dry runs are not stored. */
export function answerWith(twin: ApiServer) {
  return ({ request, resource, body }: PatchContext): JsonObject | StubReply => {
    const parts = request.path.split('/');
    const name = parts[parts.length - 1];
    const ns = parts.indexOf('namespaces');
    const ref = {
      apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
      kind: resource.kind,
      name,
      ...(ns >= 0 ? { namespace: parts[ns + 1] } : {}),
    };
    const q = request.query;
    const r = twin.patch(ref, body, {
      type: request.contentType.split(';')[0] as PatchType,
      ...(q.fieldManager ? { fieldManager: q.fieldManager } : {}),
      ...(q.force !== undefined ? { force: q.force === 'true' } : {}),
      ...(q.dryRun !== undefined ? { dryRun: true } : {}),
    });
    if (r.code >= 400) return { status: r.code, body: r.status };
    return r.object as JsonObject;
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'kubectl-patch-local-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** `kubectl patch --local`: upstream's own merge (StrategicMergePatch or RFC 7386) of a patch into an object. */
export function kubectlPatchLocal(current: JsonObject, body: string, contentType: string): JsonObject {
  const file = join(scratch, 'current.json');
  writeFileSync(file, JSON.stringify(current));
  const type = contentType.includes('strategic') ? 'strategic' : 'merge';
  const run = spawnSync(KUBECTL_PATH, ['patch', '--local', '-f', file, '--type', type, '-p', body, '-o', 'json'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: scratch, KUBECONFIG: join(scratch, 'none') },
  });
  if (run.status !== 0) throw new Error(`kubectl patch --local failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonObject;
}

/** What a write of `merged` leaves besides the merge: our defaults, and the server's bookkeeping left out on both sides. */
export function asStored(obj: JsonObject): JsonObject {
  const copy = defaultObject(obj) as JsonObject;
  const meta = copy.metadata as JsonObject;
  for (const k of ['managedFields', 'resourceVersion', 'generation']) delete meta[k];
  return copy;
}