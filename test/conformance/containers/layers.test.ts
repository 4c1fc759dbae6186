// opencontainers/image-spec layer.md, its own examples transcribed ("Representing Changes", "Whiteouts",
// "Opaque Whiteout", "Changeset over existing files"), plus the contract's example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLayers } from '../../../simulations/index.ts';
import type { LayerEntry } from '../../../simulations/index.ts';

const tar = (...names: string[]): LayerEntry[] =>
  names.map((n) => (n.endsWith('/') ? { path: n, type: 'dir' as const } : { path: n, type: 'file' as const, content: n }));
const paths = (layers: LayerEntry[][]): string[] => applyLayers(layers).map((e) => `${e.path}${e.type === 'dir' ? '/' : ''}@${e.fromLayer}`);

test('layer.md "Representing Changes": rootfs-c9d-v1 then the rootfs-c9d-v1.s1 changeset', () => {
  const base = tar('./', './etc/', './etc/my-app-config', './bin/', './bin/my-app-binary', './bin/my-app-tools');
  const s1 = tar('./etc/my-app.d/', './etc/my-app.d/default.cfg', './bin/my-app-tools', './etc/.wh.my-app-config');
  assert.deepEqual(paths([base, s1]), [
    'bin/@0', 'bin/my-app-binary@0', 'bin/my-app-tools@1', 'etc/@0', 'etc/my-app.d/@1', 'etc/my-app.d/default.cfg@1',
  ]);
});

test('layer.md "Whiteouts": the opaque whiteout applies first, wherever it sits', () => {
  const base = tar('a/', 'a/b/', 'a/b/c/', 'a/b/c/bar');
  const want = ['a/@1', 'a/b/@1', 'a/b/c/@1', 'a/b/c/foo@1'];
  assert.deepEqual(paths([base, tar('a/', 'a/.wh..wh..opq', 'a/b/', 'a/b/c/', 'a/b/c/foo')]), want);
  assert.deepEqual(paths([base, tar('a/', 'a/b/', 'a/b/c/', 'a/b/c/foo', 'a/.wh..wh..opq')]), want);
});

test('layer.md "Opaque Whiteout": bin/.wh..wh..opq hides every child, like explicit whiteouts', () => {
  const base = tar('etc/', 'etc/my-app-config', 'bin/', 'bin/my-app-binary', 'bin/my-app-tools', 'bin/tools/', 'bin/tools/my-app-tool-one');
  const opaque = paths([base, tar('bin/', 'bin/.wh..wh..opq')]);
  const explicit = paths([base, tar('bin/', 'bin/.wh.my-app-binary', 'bin/.wh.my-app-tools', 'bin/.wh.tools')]);
  assert.deepEqual(opaque, ['bin/@1', 'etc/@0', 'etc/my-app-config@0']);
  assert.deepEqual(explicit, opaque);
});

test('layer.md: whiteouts only apply to lower layers, never to the same layer', () => {
  assert.deepEqual(paths([tar('a/'), tar('a/x', 'a/.wh.x')]), ['a/@0', 'a/x@1']);
  assert.deepEqual(paths([tar('a/', 'a/x'), tar('a/.wh.x', 'a/x')]), ['a/@0', 'a/x@1']);
  assert.deepEqual(paths([tar('a/'), tar('a/.wh..wh..opq', 'a/y')]), ['a/@0', 'a/y@1']);
});

test('layer.md "Changeset over existing files": dir over dir keeps children; anything else replaces', () => {
  assert.deepEqual(paths([tar('d/', 'd/f'), tar('d/')]), ['d/@1', 'd/f@0']);
  assert.deepEqual(paths([tar('d/', 'd/f'), tar('d')]), ['d@1']);
  assert.deepEqual(paths([tar('d'), tar('d/', 'd/g')]), ['d/@1', 'd/g@1']);
  const v = applyLayers([[{ path: 'bin/sh', type: 'file', content: 'x' }], [{ path: 'bin/sh', type: 'symlink', linkname: 'busybox' }]]);
  assert.deepEqual(v, [{ path: 'bin', type: 'dir', fromLayer: 0 }, { path: 'bin/sh', type: 'symlink', linkname: 'busybox', fromLayer: 1 }]);
});

test('contract example, implied parents, whiteout of a directory', () => {
  assert.deepEqual(applyLayers([[{ path: 'etc/', type: 'dir' }, { path: 'etc/a', type: 'file', content: '1' }], [{ path: 'etc/.wh.a', type: 'file' }]]),
    [{ path: 'etc', type: 'dir', fromLayer: 0 }]);
  assert.deepEqual(paths([tar('usr/lib/x')]), ['usr/@0', 'usr/lib/@0', 'usr/lib/x@0']);
  assert.deepEqual(paths([tar('a/', 'a/b/', 'a/b/c'), tar('.wh.a')]), []);
  assert.deepEqual(paths([tar('a'), tar('.wh.missing')]), ['a@0']);
});

test('invalid archives throw', () => {
  for (const bad of ['.wh..', '.wh...', 'd/.wh..', 'd/.wh...', '../x', 'a/../../x', '', '.wh..wh..opq/a', 'd/.wh.x/y']) {
    assert.throws(() => applyLayers([[{ path: bad, type: 'file' }]]), Error, bad);
  }
  assert.throws(() => applyLayers([[{ path: 'a', type: 'fifo' as never }]]));
  assert.throws(() => applyLayers([[{ path: 'a', type: 'symlink' }]]));
});
