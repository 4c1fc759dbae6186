// The `kubectl get pods` layout against the real kubectl 1.32. The STATUS/READY/…
// cells are computed by the API server (printPod, checked against printers_test.go);
// kubectl lays out the Table it receives. A tiny loopback server answers the Table
// our printPod computes, and real kubectl must print exactly what formatTable prints,
// for plain and -o wide output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { formatTable, formatWatch, podColumns, podRowCells, printPod } from '../../../simulations/kubectl/get-pods.ts';
import { simulatePod } from '../../../simulations/pod-lifecycle/simulate.ts';
import { KUBECTL_MISSING, KUBECTL_PATH, kubectlAvailable } from '../../support/kubectl-stub.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../simulations/pod-lifecycle/fixtures/${name}`, import.meta.url), 'utf8');

// Pods at interesting moments, from the simulation.
const pods = [
  ['init-and-sidecar.yaml', 3],
  ['liveness.yaml', 160],
  ['image-pull-backoff.yaml', 20],
  ['graceful-delete.yaml', 25],
  ['job-never.yaml', 9],
].map(([file, t]) => {
  const { result } = simulatePod(fixture(file as string));
  return [...result.snapshots].reverse().find((x) => x.t <= (t as number))?.pod;
});
const NOW = Date.UTC(2025, 0, 1, 0, 10, 0);

const COLUMNS = ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'];

function table() {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1' },
    columnDefinitions: COLUMNS.map((name, i) => ({ name, type: i === 3 ? 'integer' : 'string', format: i === 0 ? 'name' : '', description: '', priority: i >= 5 ? 1 : 0 })),
    rows: pods.map((pod) => ({
      cells: podRowCells(printPod(pod as object as Record<string, unknown>, NOW, { wide: true }), true),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: pod?.metadata.name, namespace: 'default' } },
    })),
  };
}

/** For `get -w`: the initial list holds the first row; the watch then sends one event per later row and closes. */
let watchRows: unknown[][] = [];

const tableOf = (rows: unknown[][]) => ({
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '1' },
  columnDefinitions: COLUMNS.map((name, i) => ({ name, type: i === 3 ? 'integer' : 'string', format: i === 0 ? 'name' : '', description: '', priority: i >= 5 ? 1 : 0 })),
  rows: rows.map((cells) => ({
    cells,
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: cells[0], namespace: 'default', resourceVersion: '1' } },
  })),
});

async function kubectlGet(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
    if (url.pathname === '/apis') return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (url.pathname === '/api/v1') {
      return send(200, { kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list', 'watch'], shortNames: ['po'] }] });
    }
    if (url.pathname === '/api/v1/namespaces/default/pods' && url.searchParams.get('watch')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (const cells of watchRows.slice(1)) res.write(`${JSON.stringify({ type: 'MODIFIED', object: tableOf([cells]) })}\n`);
      setTimeout(() => res.end(), 200);
      return;
    }
    if (url.pathname === '/api/v1/namespaces/default/pods') return send(200, watchRows.length > 0 ? tableOf(watchRows.slice(0, 1)) : table());
    return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'kn-get-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters: [{name: s, cluster: {server: "http://127.0.0.1:${port}"}}]\ncontexts: [{name: s, context: {cluster: s, namespace: default}}]\ncurrent-context: s\nusers: [{name: u, user: {}}]\n`);
  try {
    return await new Promise((resolve) => {
      execFile(KUBECTL_PATH, ['--kubeconfig', kubeconfig, ...args], { env: { HOME: dir, PATH: process.env.PATH ?? '' }, timeout: 20_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const wide of [false, true]) {
  test(`[kubectl 1.32 get pods${wide ? ' -o wide' : ''}] lays the Table out exactly as formatTable does`, async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const run = await kubectlGet(['get', 'pods', ...(wide ? ['-o', 'wide'] : [])]);
    assert.equal(run.code, 0, run.stderr);
    const rows = pods.map((pod) => podRowCells(printPod(pod as object as Record<string, unknown>, NOW, { wide: true }), true).slice(0, wide ? 9 : 5));
    assert.equal(run.stdout, `${formatTable([podColumns(wide), ...rows])}\n`);
  });
}

test('[kubectl 1.32 get pods -w] prints the watch of a crash loop exactly as formatWatch does (widths only ever grow)', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const { result } = simulatePod(fixture('liveness.yaml'));
  watchRows = result.watch.rows.map((r) => [...r.cells, '<none>', '<none>', '<none>', '<none>']);
  try {
    const run = await kubectlGet(['get', 'pods', '-w']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${result.watch.lines.join('\n')}\n`);
    assert.deepEqual(result.watch.lines, formatWatch(podColumns(false), result.watch.rows.slice(0, 1).map((r) => r.cells), result.watch.rows.slice(1).map((r) => r.cells)));
  } finally {
    watchRows = [];
  }
});
