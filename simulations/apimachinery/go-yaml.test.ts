// Our go-yaml v2 emitter against kubectl's own YAML printer
// (`kubectl patch --local -o yaml` prints through sigs.k8s.io/yaml, like
// `kubectl get -o yaml` and `kubectl diff`). Random strings stress quoting,
// folding past column 80, literal blocks and key order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { goYamlMarshal } from './go-yaml.ts';
import type { JsonObject } from './go-values.ts';
import { KUBECTL_MISSING, KUBECTL_PATH, kubectlAvailable } from '../../test/support/kubectl-stub.ts';

function kubectlYaml(dir: string, obj: JsonObject): string {
  const file = join(dir, 'obj.json');
  writeFileSync(file, JSON.stringify(obj));
  const run = spawnSync(KUBECTL_PATH, ['patch', '--local', '-f', file, '--type', 'merge', '-p', '{}', '-o', 'yaml'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: join(dir, 'none') },
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

const configMap = (data: JsonObject, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cfg' },
  data,
  ...extra,
});

test('hand-picked strings: booleans, numbers, timestamps, indicators, newlines, long text', (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'goyaml-'));
  try {
    const values = [
      '', ' ', 'yes', 'no', 'on', 'Off', 'y', 'true', 'TRUE', 'null', '~', '1', '01', '08', '0x1F', '1e3', '1_000', '+1', '-1',
      '.5', '1.', '.inf', '-.Inf', '.nan', '12:30', '1:2:3', '2025-01-01', '2025-01-01T00:00:00Z', '2025-1-2 3:04:05',
      '2025-13-01', 'a: b', 'a:b', '#x', 'a #b', 'a#b', '- x', '-x', '-', '---', '...x', '[x]', '{x}', '*x', '&x', '!x', '|x',
      '>x', '%x', '@x', '`x', "'x'", '"x"', 'x y', ' x', 'x ', 'a\nb', 'a\nb\n', 'a\n\nb\n', '\nx', 'x\n\n', 'a \nb', 'tab\there',
      'ünïcödé', 'emoji 😀', 'back\\slash', 'nul\u0000', 'bell\u0007', 'nbsp\u00a0x', 'line\u2028sep', 'bom\ufeffx',
      `${'word '.repeat(30)}end`,
      `'${'quoted word '.repeat(10)}'`,
      `${'x'.repeat(100)} ${'y'.repeat(10)}`,
      `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web"},"spec":{"replicas":3}}\n`,
    ];
    const data: JsonObject = {};
    values.forEach((v, i) => (data[`k${i}`] = v));
    const obj = configMap(data, { numbers: { int: 3, neg: -7, float: 0.5, big: 1e21, small: 1e-7, mid: 1234567.5 }, flags: [true, false, null], empty: { m: {}, l: [] } });
    assert.equal(goYamlMarshal(obj), kubectlYaml(dir, obj));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('random keys and values (key order, quoting, folding)', (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'goyaml-'));
  try {
    const ch = fc.constantFrom('a', 'b', 'Z', '0', '1', '9', '-', '_', '.', ' ', ':', '#', "'", '"', '\n', 'é', 'x', 'y', 'n');
    const str = fc.array(ch, { maxLength: 24 }).map((cs) => cs.join(''));
    // go-yaml's key order is not transitive for some digit mixes ("100a" < "10a" < "12a" < "100a"),
    // and Go feeds it the keys in random map order, so kubectl itself is not deterministic there:
    // keys here are a letter prefix plus an optional number.
    const key = fc
      .tuple(fc.array(fc.constantFrom('a', 'b', 'A', '-', '.', '_', 'z'), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(120)))
      .map(([cs, n]) => `${cs.join('')}${n ?? ''}`);
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(str, str.map((s) => `${s} ${'word '.repeat(18)}${s}`)), { maxKeys: 25 }), (data) => {
        const obj = configMap(data);
        assert.equal(goYamlMarshal(obj), kubectlYaml(dir, obj));
      }),
      { numRuns: 12, seed: 3 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nested Deployment: lists in maps, maps in lists, lists in lists', (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'goyaml-'));
  try {
    const obj: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.27', args: ['--a', 'b c'], ports: [{ containerPort: 80 }], env: [] },
              { name: 'log', image: 'busybox', command: ['sh', '-c', `while true; do echo ${'hello '.repeat(20)}; sleep 1; done`] },
            ],
            tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
          },
        },
        x: [[1, 2], [], [{ a: 1 }]],
      },
    };
    assert.equal(goYamlMarshal(obj), kubectlYaml(dir, obj));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
