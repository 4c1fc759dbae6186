// Our GNU-style unified diff against /usr/bin/diff itself, on random inputs
// built from a tiny alphabet (so that lines repeat and the choice of alignment
// matters), plus hand-written YAML cases. Skipped when GNU diff is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unifiedDiff } from './unified-diff.ts';

const gnuDiff = spawnSync('diff', ['--version'], { encoding: 'utf8' });
const haveGnuDiff = gnuDiff.status === 0 && gnuDiff.stdout.includes('GNU diffutils');

function realDiff(dir: string, a: string, b: string): string {
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  const run = spawnSync('diff', ['-u', '-N', '--label', 'A', '--label', 'B', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
  return run.stdout.split('\n').slice(2).join('\n');
}

function ours(a: string, b: string): string {
  return unifiedDiff({ path: 'A', mtime: '', text: a }, { path: 'B', mtime: '', text: b }).split('\n').slice(2).join('\n');
}

const toText = (lines: string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);

test('random line lists with many repeats: hunks identical to GNU diff -u', (t) => {
  if (!haveGnuDiff) return t.skip('GNU diff not found: skipping the comparison with diff -u');
  const dir = mkdtempSync(join(tmpdir(), 'udiff-'));
  try {
    const line = fc.constantFrom('a', 'b', 'c', '  x: 1', '- name: web', '  image: nginx', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        assert.equal(ours(toText(a), toText(b)), realDiff(dir, toText(a), toText(b)));
      }),
      { numRuns: 200, seed: 42 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('random edits of a long YAML-like file (insertions, deletions, far-apart changes)', (t) => {
  if (!haveGnuDiff) return t.skip('GNU diff not found: skipping the comparison with diff -u');
  const dir = mkdtempSync(join(tmpdir(), 'udiff-'));
  try {
    const base = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? '  - name: item' : `  key${i}: value${i % 5}`));
    const edit = fc.array(fc.record({ at: fc.nat(59), op: fc.constantFrom('del', 'ins', 'chg'), text: fc.constantFrom('  - name: item', '  new: x', '  key3: value3') }), { maxLength: 6 });
    fc.assert(
      fc.property(edit, (edits) => {
        const b = [...base];
        for (const e of edits) {
          const at = Math.min(e.at, b.length);
          if (e.op === 'del') b.splice(at, 1);
          else if (e.op === 'ins') b.splice(at, 0, e.text);
          else b[at] = e.text;
        }
        assert.equal(ours(toText(base), toText(b)), realDiff(dir, toText(base), toText(b)));
      }),
      { numRuns: 120, seed: 7 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('headers, a new file (empty LIVE) and equal files', () => {
  const from = { path: '/tmp/LIVE-1/v1.ConfigMap.default.cfg', mtime: '2025-01-01 00:00:00.000000000 +0000', text: '' };
  const to = { ...from, path: '/tmp/MERGED-2/v1.ConfigMap.default.cfg', text: 'apiVersion: v1\nkind: ConfigMap\n' };
  assert.equal(
    unifiedDiff(from, to),
    '--- /tmp/LIVE-1/v1.ConfigMap.default.cfg\t2025-01-01 00:00:00.000000000 +0000\n' +
      '+++ /tmp/MERGED-2/v1.ConfigMap.default.cfg\t2025-01-01 00:00:00.000000000 +0000\n' +
      '@@ -0,0 +1,2 @@\n+apiVersion: v1\n+kind: ConfigMap\n',
  );
  assert.equal(unifiedDiff(to, to), '');
});
