// mvcc() against a real etcd: Debian's etcd-server and etcd-client (3.4 on bookworm;
// .ci/run installs them as it installs chromium). Each scripted sequence gets a fresh
// single-member etcd on a temporary data dir and free ports, is run command by command
// with `ETCDCTL_API=3 etcdctl -w json`, and is compared with mvcc() under the rules of
// contracts/etcd.md: keys and values base64-decoded, missing fields equal to 0, "", false
// or [], only header.revision compared, txn inner headers ignored, watch type 0/1 equal to
// PUT/DELETE, error strings exact.
//
// What etcdctl 3.4 prints differently from the contract, and how it is read here:
// - txn responses are {"Response":{"ResponsePut":{...}}} (3.6 prints {"response_put":...});
// - lease grant prints the header flattened ({"revision":..,"ID":..,"TTL":..}) and picks a
//   random ID (etcdctl cannot choose one): the script's IDs are mapped to the real ones;
// - compact prints "compacted revision N" (no JSON): only success or the error is compared;
// - watch prints {"Header","Events","CompactRevision","Canceled"} and never the cancel
//   reason, so cancel_reason is not compared; a watch is stopped after its replay.
// Without etcd the test skips with a message; under CI=true it fails instead.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mvcc } from '../../../simulations/index.ts';
import type { MvccOp } from '../../../simulations/index.ts';

function which(bin: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const ETCD = which('etcd');
const ETCDCTL = which('etcdctl');
const missing = !ETCD || !ETCDCTL ? `etcd or etcdctl not installed (apt-get install -y etcd-server etcd-client)` : undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

interface RealEtcd {
  endpoint: string;
  proc: ChildProcess;
  dir: string;
}

async function startEtcd(): Promise<RealEtcd> {
  const dir = mkdtempSync(join(tmpdir(), 'kube-notebook-etcd-'));
  const client = await freePort();
  const peer = await freePort();
  const c = `http://127.0.0.1:${client}`;
  const p = `http://127.0.0.1:${peer}`;
  const proc = spawn(ETCD as string, ['--name', 'oracle', '--data-dir', join(dir, 'data'), '--listen-client-urls', c, '--advertise-client-urls', c, '--listen-peer-urls', p, '--initial-advertise-peer-urls', p, '--initial-cluster', `oracle=${p}`, '--log-level', 'error'], { stdio: 'ignore' });
  const endpoint = `127.0.0.1:${client}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = spawnSync(ETCDCTL as string, ['--endpoints', endpoint, '--dial-timeout=1s', '--command-timeout=2s', 'endpoint', 'health'], { encoding: 'utf8', env: { ...process.env, ETCDCTL_API: '3' } });
    if (r.status === 0) break;
    if (Date.now() > deadline || proc.exitCode !== null) {
      proc.kill();
      throw new Error(`etcd did not become healthy on ${endpoint}: ${r.stderr}`);
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  return { endpoint, proc, dir };
}

function stopEtcd(e: RealEtcd): void {
  e.proc.kill('SIGKILL');
  rmSync(e.dir, { recursive: true, force: true });
}

type Json = Record<string, unknown>;

/** JSON.parse, keeping 64-bit lease IDs exact (as strings): they do not fit a double. */
const parse = (text: string): Json => JSON.parse(text.replace(/"(lease|ID)":(\d+)/g, '"$1":"$2"')) as Json;

const decode = (s: unknown): string => Buffer.from(String(s ?? ''), 'base64').toString('utf8');

/** Runs one command as etcdctl would be typed, and reads its answer into the contract's shape. */
class Session {
  /** The script's lease IDs → the real ones etcd picked. */
  private readonly leaseIds = new Map<number, string>();
  private readonly scriptIds = new Map<string, number>();
  constructor(private readonly etcd: RealEtcd) {}

  private ctl(args: string[], input?: string, timeoutMs = 10_000) {
    return spawnSync(ETCDCTL as string, ['--endpoints', this.etcd.endpoint, '-w', 'json', ...args], { encoding: 'utf8', input, timeout: timeoutMs, env: { ...process.env, ETCDCTL_API: '3' } });
  }

  private leaseHex(id: number): string {
    return BigInt(this.leaseIds.get(id) ?? String(id)).toString(16);
  }

  private kv(raw: unknown): Json | undefined {
    if (!raw) return undefined;
    const k = raw as Json;
    const out: Json = { key: decode(k.key), value: decode(k.value), create_revision: k.create_revision, mod_revision: k.mod_revision, version: k.version };
    if (k.lease) out.lease = this.scriptIds.get(String(k.lease)) ?? k.lease;
    return out;
  }

  private range(r: Json): Json {
    return { header: { revision: (r.header as Json)?.revision }, kvs: ((r.kvs as unknown[]) ?? []).map((k) => this.kv(k)), count: r.count, more: r.more };
  }

  private put(r: Json): Json {
    return { header: { revision: (r.header as Json)?.revision }, prev_kv: this.kv(r.prev_kv) };
  }

  private del(r: Json): Json {
    return { header: { revision: (r.header as Json)?.revision }, deleted: r.deleted, prev_kvs: ((r.prev_kvs as unknown[]) ?? []).map((k) => this.kv(k)) };
  }

  private requestArgs(op: MvccOp): string[] {
    switch (op.op) {
      case 'put':
        return ['put', op.key, op.value, ...(op.lease ? [`--lease=${this.leaseHex(op.lease)}`] : []), ...(op.prevKv ? ['--prev-kv'] : [])];
      case 'get':
        return ['get', op.key, ...(op.rangeEnd ? [op.rangeEnd] : []), ...(op.prefix ? ['--prefix'] : []), ...(op.fromKey ? ['--from-key'] : []), ...(op.rev ? [`--rev=${op.rev}`] : []), ...(op.limit ? [`--limit=${op.limit}`] : []), ...(op.keysOnly ? ['--keys-only'] : [])];
      case 'del':
        return ['del', op.key, ...(op.rangeEnd ? [op.rangeEnd] : []), ...(op.prefix ? ['--prefix'] : []), ...(op.fromKey ? ['--from-key'] : []), ...(op.prevKv ? ['--prev-kv'] : [])];
      default:
        throw new Error(`not a request: ${op.op}`);
    }
  }

  run(op: MvccOp): Json {
    switch (op.op) {
      case 'put':
      case 'get':
      case 'del': {
        const r = this.ctl(this.requestArgs(op));
        if (r.status !== 0) return this.error(r.stderr);
        const j = parse(r.stdout);
        return op.op === 'put' ? this.put(j) : op.op === 'get' ? this.range(j) : this.del(j);
      }
      case 'txn': {
        // etcdctl txn's interactive input: compares, blank line, success requests, blank line, failure requests, blank line.
        const cmp = op.compare.map((c) => `${c.target}("${c.key}") ${c.result} "${c.value}"`);
        const req = (ops: MvccOp[]) => ops.map((o) => this.requestArgs(o).map((a) => (/[\s"]/.test(a) || a === '' ? JSON.stringify(a) : a)).join(' '));
        const input = [...cmp, '', ...req(op.success), '', ...req(op.failure), '', ''].join('\n');
        const r = this.ctl(['txn'], input);
        if (r.status !== 0) return this.error(r.stderr);
        const j = parse(r.stdout);
        const responses = ((j.responses as Json[]) ?? []).map((resp) => {
          const inner = resp.Response as Json;
          if (inner.ResponsePut) return { response_put: { prev_kv: this.kv((inner.ResponsePut as Json).prev_kv) } };
          if (inner.ResponseRange) return { response_range: { ...this.range(inner.ResponseRange as Json), header: undefined } };
          return { response_delete_range: { ...this.del(inner.ResponseDeleteRange as Json), header: undefined } };
        });
        return { header: { revision: (j.header as Json)?.revision }, succeeded: j.succeeded, responses };
      }
      case 'compact': {
        const r = this.ctl(['compact', String(op.rev)]);
        return r.status === 0 ? { compacted: true } : this.error(r.stderr);
      }
      case 'watch': {
        const args = ['watch', op.key, ...(op.rangeEnd ? [op.rangeEnd] : []), ...(op.prefix ? ['--prefix'] : []), ...(op.rev ? [`--rev=${op.rev}`] : []), ...(op.prevKv ? ['--prev-kv'] : [])];
        const r = this.ctl(args, undefined, 1500); // the replay arrives at once; then the watch would wait forever
        const lines = r.stdout.split('\n').filter((l) => l.trim().startsWith('{'));
        const events: Json[] = [];
        let canceled = false;
        let compact = 0;
        for (const line of lines) {
          const j = parse(line);
          for (const ev of (j.Events as Json[]) ?? []) {
            events.push({ type: ev.type === 1 || ev.type === 'DELETE' ? 'DELETE' : 'PUT', kv: this.kv(ev.kv), prev_kv: this.kv(ev.prev_kv) });
          }
          if (j.Canceled) canceled = true;
          if (j.CompactRevision) compact = j.CompactRevision as number;
        }
        return { events, canceled, compact_revision: compact };
      }
      case 'leaseGrant': {
        const r = this.ctl(['lease', 'grant', String(op.ttl)]);
        if (r.status !== 0) return this.error(r.stderr);
        const j = parse(r.stdout);
        const realId = j.ID as string;
        this.leaseIds.set(op.id, realId);
        this.scriptIds.set(realId, op.id);
        return { header: { revision: j.revision }, ID: op.id, TTL: j.TTL };
      }
      case 'leaseRevoke': {
        const r = this.ctl(['lease', 'revoke', this.leaseHex(op.id)]);
        if (r.status !== 0) return this.error(r.stderr);
        return { header: { revision: ((parse(r.stdout)).header as Json)?.revision } };
      }
    }
  }

  /** etcdctl prints "Error: <message>", sometimes wrapped ("failed to revoke lease (<message>)"). */
  private error(stderr: string): Json {
    const line = stderr.split('\n').filter((l) => l.startsWith('Error: ')).pop() ?? stderr;
    const inner = /\((etcdserver: [^)]*)\)/.exec(line)?.[1];
    return { error: inner ?? line.replace(/^Error: /, '').trim() };
  }
}

/** The contract's comparison: drop zero values, inner txn headers and cancel_reason; compact's answer is success or error. */
function comparable(op: MvccOp, result: unknown): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(strip);
    if (v && typeof v === 'object') {
      const out: Json = {};
      for (const [k, x] of Object.entries(v)) {
        const s = strip(x);
        if (s !== undefined && !(s && typeof s === 'object' && !Array.isArray(s) && Object.keys(s).length === 0)) out[k] = s;
      }
      return out;
    }
    return v === 0 || v === '' || v === false || v === null ? undefined : v;
  };
  const r = result as Json;
  if ('error' in r) return { error: r.error };
  if (op.op === 'compact') return { compacted: true };
  if (op.op === 'watch') return strip({ events: r.events, canceled: r.canceled, compact_revision: r.compact_revision });
  if (op.op === 'txn') {
    const responses = (r.responses as Json[]).map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, { ...(v as Json), header: undefined }])));
    return strip({ header: r.header, succeeded: r.succeeded, responses });
  }
  return strip(r);
}

const scripts: { name: string; ops: MvccOp[] }[] = [
  {
    name: 'puts, versions, ranges, prefix, limit, keys-only, from-key, deletes and tombstones',
    ops: [
      { op: 'put', key: 'foo', value: 'bar' },
      { op: 'put', key: 'foo', value: 'baz', prevKv: true },
      { op: 'get', key: 'foo' },
      { op: 'get', key: 'foo', rev: 2 },
      { op: 'get', key: 'foo', rev: 1 },
      { op: 'put', key: 'foo1', value: 'x' },
      { op: 'put', key: 'fop', value: 'y' },
      { op: 'put', key: 'a', value: '' },
      { op: 'get', key: 'foo', prefix: true },
      { op: 'get', key: 'foo', prefix: true, limit: 1 },
      { op: 'get', key: 'f', prefix: true, keysOnly: true },
      { op: 'get', key: 'b', fromKey: true },
      { op: 'get', key: 'foo', rangeEnd: 'fop' },
      { op: 'get', key: 'a' },
      { op: 'del', key: 'foo', prevKv: true },
      { op: 'get', key: 'foo' },
      { op: 'get', key: 'foo', rev: 3 },
      { op: 'del', key: 'nothing' },
      { op: 'put', key: 'foo', value: 'again' },
      { op: 'get', key: 'foo' },
      { op: 'del', key: 'f', prefix: true, prevKv: true },
      { op: 'get', key: '', fromKey: true },
      { op: 'put', key: '', value: 'x' },
      { op: 'get', key: 'foo', rev: 99 },
    ],
  },
  {
    name: 'compaction: reads and watches below the compacted revision fail, at it and above work',
    ops: [
      { op: 'put', key: 'k', value: 'v1' },
      { op: 'put', key: 'k', value: 'v2' },
      { op: 'put', key: 'j', value: 'w' },
      { op: 'del', key: 'k' },
      { op: 'put', key: 'k', value: 'v3' },
      { op: 'compact', rev: 4 },
      { op: 'get', key: 'k', rev: 3 },
      { op: 'get', key: 'k', rev: 4 },
      { op: 'get', key: 'j', rev: 4 },
      { op: 'get', key: 'k', rev: 5 },
      { op: 'get', key: 'k', rev: 100 },
      { op: 'watch', key: 'k', rev: 2 },
      { op: 'watch', key: 'k', rev: 4, prevKv: true },
      { op: 'watch', key: 'j', rev: 5 },
      { op: 'compact', rev: 4 },
      { op: 'compact', rev: 3 },
      { op: 'compact', rev: 100 },
      { op: 'compact', rev: 6 },
      { op: 'get', key: 'k', rev: 5 },
      { op: 'get', key: 'k' },
    ],
  },
  {
    name: 'watch replays PUT and DELETE events with prev_kv, over a prefix',
    ops: [
      { op: 'put', key: 'app/a', value: '1' },
      { op: 'put', key: 'app/b', value: '2' },
      { op: 'put', key: 'app/a', value: '3' },
      { op: 'del', key: 'app/b' },
      { op: 'put', key: 'other', value: 'x' },
      { op: 'watch', key: 'app/', prefix: true, rev: 1, prevKv: true },
      { op: 'watch', key: 'app/a', rev: 3 },
      { op: 'watch', key: 'app/a', rangeEnd: 'app/c', rev: 2 },
    ],
  },
  {
    name: 'transactions: compare-and-swap on mod_revision, create-if-absent, value compares, reads inside a txn',
    ops: [
      { op: 'put', key: 'cfg', value: 'v1' },
      { op: 'txn', compare: [{ key: 'cfg', target: 'mod', result: '=', value: 2 }], success: [{ op: 'put', key: 'cfg', value: 'v2' }, { op: 'get', key: 'cfg' }], failure: [{ op: 'get', key: 'cfg' }] },
      { op: 'txn', compare: [{ key: 'cfg', target: 'mod', result: '=', value: 2 }], success: [{ op: 'put', key: 'cfg', value: 'v3' }], failure: [{ op: 'get', key: 'cfg' }] },
      { op: 'txn', compare: [{ key: 'new', target: 'create', result: '=', value: 0 }], success: [{ op: 'put', key: 'new', value: 'n' }], failure: [] },
      { op: 'txn', compare: [{ key: 'new', target: 'create', result: '=', value: 0 }], success: [{ op: 'put', key: 'new', value: 'n2' }], failure: [{ op: 'get', key: 'new' }] },
      { op: 'txn', compare: [{ key: 'cfg', target: 'value', result: '=', value: 'v2' }, { key: 'cfg', target: 'version', result: '>', value: 1 }], success: [{ op: 'del', key: 'new' }, { op: 'put', key: 'x', value: '1' }, { op: 'put', key: 'y', value: '2' }], failure: [] },
      { op: 'txn', compare: [{ key: 'missing', target: 'value', result: '!=', value: 'z' }], success: [{ op: 'put', key: 'never', value: '1' }], failure: [{ op: 'get', key: 'x', rangeEnd: 'z' }] },
      { op: 'txn', compare: [{ key: 'missing', target: 'version', result: '<', value: 1 }], success: [{ op: 'get', key: 'missing' }], failure: [] },
      { op: 'txn', compare: [], success: [{ op: 'put', key: 'd', value: '1' }, { op: 'put', key: 'd', value: '2' }], failure: [] },
      { op: 'get', key: 'cfg' },
    ],
  },
  {
    name: 'byte order of non-ASCII keys, prefix ends, from-key deletes, txn deletes with prev_kv',
    ops: [
      { op: 'put', key: 'z', value: '1' },
      { op: 'put', key: '\u00e9', value: 'e-acute' },
      { op: 'put', key: '\uE000', value: 'private-use' },
      { op: 'put', key: '\u{1F600}', value: 'emoji' },
      { op: 'put', key: 'a\u00ff', value: 'y-umlaut' },
      { op: 'put', key: 'a\u00ff\u00ff', value: 'two' },
      { op: 'put', key: 'b', value: 'b' },
      { op: 'get', key: 'a', fromKey: true, keysOnly: true },
      { op: 'get', key: 'a\u00ff', prefix: true },
      { op: 'get', key: '\uE000', rangeEnd: '\u{1F601}' },
      { op: 'get', key: 'b', fromKey: true, limit: 2 },
      { op: 'txn', compare: [{ key: 'z', target: 'value', result: '>', value: 'y' }], success: [{ op: 'del', key: 'a', rangeEnd: 'c', prevKv: true }, { op: 'get', key: 'a', fromKey: true, keysOnly: true }], failure: [] },
      { op: 'del', key: '\u00e9', fromKey: true, prevKv: true },
      { op: 'get', key: '', fromKey: true },
    ],
  },
  {
    name: 'leases: attach, revoke deletes the keys in one revision, unknown leases, the minimum TTL',
    ops: [
      { op: 'leaseGrant', id: 1, ttl: 600 },
      { op: 'put', key: 'l/a', value: '1', lease: 1 },
      { op: 'put', key: 'l/b', value: '2', lease: 1 },
      { op: 'put', key: 'l/c', value: '3' },
      { op: 'get', key: 'l/', prefix: true },
      { op: 'put', key: 'l/b', value: '2b' },
      { op: 'leaseRevoke', id: 1 },
      { op: 'get', key: 'l/', prefix: true },
      { op: 'watch', key: 'l/', prefix: true, rev: 5 },
      { op: 'put', key: 'l/d', value: '4', lease: 7 },
      { op: 'leaseRevoke', id: 1 },
      { op: 'leaseGrant', id: 2, ttl: 1 },
      { op: 'leaseGrant', id: 3, ttl: 60 },
      { op: 'leaseRevoke', id: 3 },
    ],
  },
];

test('mvcc() against a real etcd (etcdctl -w json)', { skip: missing && process.env.CI !== 'true' ? `skipped: ${missing}` : undefined, timeout: 180_000 }, async (t) => {
  if (missing) assert.fail(`CI=true and ${missing}`);
  for (const script of scripts) {
    await t.test(script.name, async () => {
      const etcd = await startEtcd();
      try {
        const session = new Session(etcd);
        const ours = mvcc(script.ops);
        script.ops.forEach((op, i) => {
          const real = session.run(op);
          assert.deepEqual(comparable(op, ours[i]), comparable(op, real), `op ${i}: ${JSON.stringify(op)}`);
        });
      } finally {
        stopEtcd(etcd);
      }
    });
  }
});
