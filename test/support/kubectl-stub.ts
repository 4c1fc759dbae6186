// A loopback stub Kubernetes API server for running the real `kubectl` in tests.
//
// Why: kubectl's own output (the PATCH body `kubectl apply` sends, what
// `kubectl describe pod` prints) is the oracle our engines are checked against,
// and kubectl needs an API server to talk to. This stub is just enough of one:
// legacy discovery, GET/LIST/POST/PUT/PATCH/DELETE over objects you seed, and a
// log of every request. It does not default, validate, admit, bump
// resourceVersion or keep managedFields (see /work/shared/reference/apply.md §9).
//
// What kubectl does against it (kubectl 1.32):
// - asks for aggregated discovery first; the stub answers plain legacy JSON
//   (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`), so kubectl falls back;
// - asks for `/openapi/v3` and `/openapi/v2`; the stub answers 404, so kubectl
//   uses its compiled-in struct tags for strategic merge patch metadata and
//   skips schema validation (pass `--validate=false` to be explicit);
// - lists ask for Table output; the stub answers a plain List, kubectl prints it
//   client-side.
//
// API
//
//   const stub = await startKubectlStub({ objects: [pod, event1, event2] });
//   const { code, stdout, stderr } = await stub.runKubectl(['describe', 'pod', 'web']);
//   stub.requests            // every request: { method, path, query, rawQuery, contentType, accept, body }
//   stub.requestsTo('PATCH') // only those with that method
//   stub.get('apps/v1', 'Deployment', 'web', 'default')   // the stored object, or undefined
//   stub.seed(obj)           // add or replace an object
//   await stub.close()       // stops the server and removes the temp dir
//   (a `?watch=true` list is held open with no events until close())
//
// Options of startKubectlStub:
//   objects     objects to serve (any kind in KNOWN_RESOURCES or `resources`)
//   resources   extra resource types (CRDs): { group, version, kind, plural, namespaced }
//   onPatch     (ctx) => object | StubReply: what to answer a PATCH with and store.
//               ctx = { request, current (stored object or undefined), body (parsed JSON
//               or YAML text for apply-patch+yaml) }. Default: the stored object
//               unchanged (an "echo"); for a server-side apply to a missing object,
//               the applied body (JSON) is created.
//   namespace   the kubeconfig context's namespace (default "default")
//
// runKubectl(args, { env, stdin, timeoutMs }) runs `$KUBECTL` or /usr/bin/kubectl
// with the throwaway kubeconfig (KUBECONFIG), an isolated HOME (so no discovery
// cache leaks between tests), TZ=UTC and a timeout (default 20 s). It resolves
// `{ code, stdout, stderr }` and never rejects for a non-zero exit.
//
// kubectlAvailable() says whether the binary exists, for `t.skip(...)`.

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One API resource type the stub serves. `group` is '' for the core group. */
export interface StubResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
}

/** The built-in resource types (enough for the lessons; add CRDs with `resources`). */
export const KNOWN_RESOURCES: readonly StubResource[] = [
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true, shortNames: ['svc'] },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'] },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'] },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true, shortNames: ['pvc'] },
  { group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', namespaced: true, shortNames: ['ep'] },
  { group: '', version: 'v1', kind: 'LimitRange', plural: 'limitranges', namespaced: true, shortNames: ['limits'] },
  { group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', namespaced: true, shortNames: ['quota'] },
  { group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'] },
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'] },
  { group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false, shortNames: ['pv'] },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, shortNames: ['deploy'] },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, shortNames: ['sts'] },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, shortNames: ['ds'] },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', namespaced: true, shortNames: ['rs'] },
  { group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', namespaced: true },
  { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', namespaced: true, shortNames: ['cj'] },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', namespaced: true, shortNames: ['ing'] },
  { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', namespaced: true, shortNames: ['netpol'] },
  { group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] },
  { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', namespaced: true, shortNames: ['hpa'] },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true, shortNames: ['pdb'] },
  { group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', plural: 'priorityclasses', namespaced: false, shortNames: ['pc'] },
];

/** One request the stub received. */
export interface StubRequest {
  method: string;
  /** The URL path without the query, e.g. `/apis/apps/v1/namespaces/default/deployments/web`. */
  path: string;
  /** Query parameters (the last value wins for repeated keys). */
  query: Record<string, string>;
  rawQuery: string;
  contentType: string;
  accept: string;
  body: string;
}

/** A full reply, when `onPatch` wants to answer something other than 200 + object. */
export interface StubReply {
  status: number;
  body: unknown;
  /** Store this object (default: store nothing). */
  store?: Record<string, unknown>;
}

export interface PatchContext {
  request: StubRequest;
  resource: StubResource;
  current: Record<string, unknown> | undefined;
  /** The parsed JSON body, or the raw text when it is not JSON (apply-patch+yaml may be YAML). */
  body: unknown;
}

export interface KubectlStubOptions {
  objects?: readonly Record<string, unknown>[];
  resources?: readonly StubResource[];
  onPatch?: (ctx: PatchContext) => Record<string, unknown> | StubReply;
  namespace?: string;
}

export interface KubectlRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the timeout killed kubectl. */
  timedOut: boolean;
}

export interface RunKubectlOptions {
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
}

export interface KubectlStub {
  /** `http://127.0.0.1:<port>` */
  url: string;
  kubeconfigPath: string;
  /** The temporary directory holding the kubeconfig and HOME; write scratch files here. */
  dir: string;
  requests: StubRequest[];
  requestsTo(method: string): StubRequest[];
  seed(object: Record<string, unknown>): void;
  get(apiVersion: string, kind: string, name: string, namespace?: string): Record<string, unknown> | undefined;
  runKubectl(args: readonly string[], options?: RunKubectlOptions): Promise<KubectlRun>;
  close(): Promise<void>;
}

/** The kubectl binary the tests run. */
export const KUBECTL_PATH = process.env.KUBECTL ?? '/usr/bin/kubectl';

/** Whether the kubectl binary exists and is executable. */
export function kubectlAvailable(): boolean {
  try {
    accessSync(KUBECTL_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The message tests pass to `t.skip` when kubectl is missing. */
export const KUBECTL_MISSING = `kubectl not found at ${KUBECTL_PATH} (set $KUBECTL): skipping the check against real kubectl`;

/**
 * Starts the stub on 127.0.0.1 (a random free port) and writes a kubeconfig for it.
 *
 * @example
 *   const stub = await startKubectlStub({ objects: [deployment] });
 *   try {
 *     const run = await stub.runKubectl(['apply', '-f', file, '--validate=false']);
 *     const patch = stub.requestsTo('PATCH')[0]?.body;
 *   } finally { await stub.close(); }
 */
export async function startKubectlStub(options: KubectlStubOptions = {}): Promise<KubectlStub> {
  const resources = [...KNOWN_RESOURCES, ...(options.resources ?? [])];
  const store = new Map<string, Record<string, unknown>>();
  const requests: StubRequest[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-stub-'));
  let resourceVersion = 1;

  const resourceOf = (apiVersion: string, kind: string): StubResource => {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const found = resources.find((r) => r.group === group && r.version === version && r.kind === kind);
    if (!found) throw new Error(`kubectl-stub: unknown resource ${apiVersion} ${kind}; pass it in options.resources`);
    return found;
  };
  const keyOf = (r: StubResource, namespace: string | undefined, name: string) =>
    `${r.group}/${r.version}/${r.plural}/${r.namespaced ? (namespace ?? 'default') : ''}/${name}`;

  const seed = (object: Record<string, unknown>): void => {
    const meta = (object.metadata ?? {}) as Record<string, unknown>;
    const r = resourceOf(String(object.apiVersion), String(object.kind));
    store.set(keyOf(r, meta.namespace as string | undefined, String(meta.name)), structuredClone(object));
  };
  for (const object of options.objects ?? []) seed(object);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const request: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        rawQuery: url.search.replace(/^\?/, ''),
        contentType: String(req.headers['content-type'] ?? ''),
        accept: String(req.headers.accept ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      try {
        route(request, req, res);
      } catch (error) {
        send(res, 500, status(500, 'InternalError', `kubectl-stub: ${(error as Error).message}`));
      }
    });
  });

  const route = (request: StubRequest, _req: IncomingMessage, res: ServerResponse): void => {
    const { method, path } = request;
    if (path === '/version') {
      return send(res, 200, {
        major: '1', minor: '32', gitVersion: 'v1.32.5', gitCommit: 'stub', gitTreeState: 'clean',
        buildDate: '2025-01-01T00:00:00Z', goVersion: 'go1.23', compiler: 'gc', platform: 'linux/amd64',
      });
    }
    if (path.startsWith('/openapi/')) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    if (path === '/api') {
      return send(res, 200, {
        kind: 'APIVersions', versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort() }],
      });
    }
    if (path === '/apis') return send(res, 200, groupList());
    const discovery = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/?$/.exec(path);
    if (discovery) {
      const group = discovery[1] ? '' : discovery[2];
      const version = discovery[1] ?? discovery[3];
      const list = resources.filter((r) => r.group === group && r.version === version);
      if (list.length === 0) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return send(res, 200, {
        kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version,
        resources: list.map((r) => ({
          name: r.plural, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind,
          verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
          ...(r.shortNames ? { shortNames: r.shortNames } : {}),
        })),
      });
    }
    const parsed = parseResourcePath(path, resources);
    if (!parsed) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const { resource: r, namespace, name } = parsed;
    const groupResource = r.group ? `${r.plural}.${r.group}` : r.plural;
    const notFound = (n: string) =>
      send(res, 404, {
        ...status(404, 'NotFound', `${groupResource} "${n}" not found`),
        details: { name: n, ...(r.group ? { group: r.group } : {}), kind: r.plural },
      });

    if (name === undefined) {
      if (method === 'GET' && (request.query.watch === 'true' || request.query.watch === '1')) {
        // A watch: open the stream and send nothing; close() ends it.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
        return;
      }
      if (method === 'GET') return send(res, 200, list(r, namespace, request.query));
      if (method === 'POST') {
        const object = JSON.parse(request.body) as Record<string, unknown>;
        const meta = (object.metadata ?? {}) as Record<string, unknown>;
        const n = String(meta.name ?? '');
        const key = keyOf(r, namespace ?? (meta.namespace as string | undefined), n);
        if (store.has(key)) {
          return send(res, 409, {
            ...status(409, 'AlreadyExists', `${groupResource} "${n}" already exists`),
            details: { name: n, ...(r.group ? { group: r.group } : {}), kind: r.plural },
          });
        }
        if (request.query.dryRun === undefined) store.set(key, stamp(object, r, namespace));
        return send(res, 201, object);
      }
      return send(res, 405, status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`));
    }

    const key = keyOf(r, namespace, name);
    const current = store.get(key);
    switch (method) {
      case 'GET':
        return current ? send(res, 200, current) : notFound(name);
      case 'DELETE':
        if (!current) return notFound(name);
        store.delete(key);
        return send(res, 200, { ...status(200, '', ''), status: 'Success', details: { name, kind: r.plural } });
      case 'PUT': {
        const object = JSON.parse(request.body) as Record<string, unknown>;
        store.set(key, stamp(object, r, namespace));
        return send(res, current ? 200 : 201, object);
      }
      case 'PATCH': {
        let body: unknown = request.body;
        try {
          body = JSON.parse(request.body);
        } catch {
          // apply-patch+yaml may be YAML text: hand it over as is
        }
        if (options.onPatch) {
          const answer = options.onPatch({ request, resource: r, current, body });
          if (isReply(answer)) {
            if (answer.store && request.query.dryRun === undefined) store.set(key, answer.store);
            return send(res, answer.status, answer.body);
          }
          if (request.query.dryRun === undefined) store.set(key, answer);
          return send(res, 200, answer);
        }
        if (current) return send(res, 200, current);
        if (request.contentType.startsWith('application/apply-patch') && body && typeof body === 'object') {
          const created = stamp(body as Record<string, unknown>, r, namespace);
          if (request.query.dryRun === undefined) store.set(key, created);
          return send(res, 201, created);
        }
        return notFound(name);
      }
      default:
        return send(res, 405, status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
    }
  };

  const list = (r: StubResource, namespace: string | undefined, query: Record<string, string>) => {
    const prefix = `${r.group}/${r.version}/${r.plural}/`;
    const items = [...store.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .filter(([k]) => !r.namespaced || namespace === undefined || k.startsWith(`${prefix}${namespace}/`))
      .map(([, v]) => v)
      .filter((o) => matchesFieldSelector(o, query.fieldSelector) && matchesLabelSelector(o, query.labelSelector))
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    return {
      kind: `${r.kind}List`,
      apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
      metadata: { resourceVersion: String(resourceVersion) },
      items,
    };
  };

  // Only what kubectl needs to show the object back: namespace for namespaced kinds.
  const stamp = (object: Record<string, unknown>, r: StubResource, namespace: string | undefined) => {
    resourceVersion++;
    const copy = structuredClone(object);
    if (r.namespaced) {
      const meta = (copy.metadata ??= {}) as Record<string, unknown>;
      meta.namespace ??= namespace ?? 'default';
    }
    return copy;
  };

  const groupList = () => {
    const groups = new Map<string, string[]>();
    for (const r of resources) {
      if (r.group === '') continue;
      const versions = groups.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      groups.set(r.group, versions);
    }
    return {
      kind: 'APIGroupList', apiVersion: 'v1',
      groups: [...groups].map(([name, versions]) => ({
        name,
        versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
    };
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostPort = () => `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `http://${hostPort()}`;
  const kubeconfigPath = join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, kubeconfig(url, options.namespace ?? 'default'));

  const runKubectl = (args: readonly string[], run: RunKubectlOptions = {}): Promise<KubectlRun> =>
    new Promise((resolve, reject) => {
      // spawn, never spawnSync: the stub answers kubectl from this same event loop.
      const child = spawn(KUBECTL_PATH, [...args], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: dir,
          KUBECONFIG: kubeconfigPath,
          KUBECACHEDIR: join(dir, 'cache'),
          TZ: 'UTC',
          LANG: 'C',
          ...run.env,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, run.timeoutMs ?? 20_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, timedOut });
      });
      child.stdin.end(run.stdin ?? '');
    });

  return {
    url,
    kubeconfigPath,
    dir,
    requests,
    requestsTo: (method) => requests.filter((r) => r.method === method.toUpperCase()),
    seed,
    get: (apiVersion, kind, name, namespace) => {
      const r = resourceOf(apiVersion, kind);
      const found = store.get(keyOf(r, namespace, name));
      return found ? structuredClone(found) : undefined;
    },
    runKubectl,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function kubeconfig(server: string, namespace: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: stub',
    '  cluster:',
    `    server: ${server}`,
    'users:',
    '- name: stub',
    '  user:',
    '    token: stub-token',
    'contexts:',
    '- name: stub',
    '  context:',
    '    cluster: stub',
    '    user: stub',
    `    namespace: ${namespace}`,
    'current-context: stub',
    '',
  ].join('\n');
}

/** `/api/v1/namespaces/ns/pods/name`, `/apis/apps/v1/deployments`, ... → resource, namespace, name. */
function parseResourcePath(
  path: string,
  resources: readonly StubResource[],
): { resource: StubResource; namespace?: string; name?: string } | undefined {
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(path);
  if (!match) return undefined;
  const group = match[1] ? '' : match[2];
  const version = match[1] ?? match[3];
  let parts = match[4].split('/').filter(Boolean).map(decodeURIComponent);
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  const resource = resources.find((r) => r.group === group && r.version === version && r.plural === parts[0]);
  if (!resource || parts.length > 2) return undefined;
  return { resource, namespace, name: parts[1] };
}

function nameOf(object: Record<string, unknown>): string {
  return String((object.metadata as Record<string, unknown> | undefined)?.name ?? '');
}

/** Field selectors as the API server reads them: `a.b=c,d!=e` (also `==`), compared as strings. */
export function matchesFieldSelector(object: Record<string, unknown>, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term.trim());
    if (!m) return false; // the API server refuses a term without an operator; match nothing
    const value = m[1].split('.').reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      object,
    );
    const text = value === undefined || value === null ? '' : String(value);
    return m[2] === '!=' ? text !== m[3] : text === m[3];
  });
}

/** Equality-based label selectors only (`a=b,c!=d,e`), which is what the tests need. */
export function matchesLabelSelector(object: Record<string, unknown>, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = ((object.metadata as Record<string, unknown> | undefined)?.labels ?? {}) as Record<string, string>;
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term.trim());
    if (!m) return Object.prototype.hasOwnProperty.call(labels, term.trim());
    const has = Object.prototype.hasOwnProperty.call(labels, m[1]);
    return m[2] === '!=' ? !has || labels[m[1]] !== m[3] : has && labels[m[1]] === m[3];
  });
}

function status(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function isReply(value: unknown): value is StubReply {
  return !!value && typeof value === 'object' && typeof (value as StubReply).status === 'number' && 'body' in value;
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
