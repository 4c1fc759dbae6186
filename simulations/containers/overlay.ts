// A running container's writes on top of its image, as overlayfs does them.
// src: Linux Documentation/filesystems/overlayfs.rst ("whiteouts and opaque directories", "copy up"):
//   the image layers are the read-only lowerdirs, the container gets an empty upperdir; the first write to
//   a lower file copies it up whole into the upperdir; deleting a lower path leaves a whiteout (a 0/0
//   character device) in the upperdir; removing a lower directory and making it again marks the new one
//   opaque (trusted.overlay.opaque="y"). containerd's overlayfs snapshotter mounts exactly this.

import type { ViewEntry } from './layers.ts';

export interface ContainerWrite {
  op: 'write' | 'append' | 'delete' | 'mkdir';
  path: string;
  content?: string;
}

export interface UpperEntry {
  path: string;
  /** file/dir written by the container, a whiteout device, or an opaque directory. */
  type: 'file' | 'dir' | 'whiteout' | 'opaque-dir';
  /** Set when the entry came from copying a lower file up before the write. */
  copiedUpFromLayer?: number;
}

export interface OverlayOp {
  op: ContainerWrite['op'];
  path: string;
  effect: 'copy-up' | 'create' | 'modify-upper' | 'whiteout' | 'delete-upper' | 'mkdir' | 'opaque-mkdir' | 'error';
  message: string;
}

export interface MergedEntry extends ViewEntry {
  /** 'upper' when the container's layer holds it; else the image layer index as fromLayer. */
  source: 'upper' | 'image';
}

export function applyWrites(image: ViewEntry[], writes: ContainerWrite[]): { merged: MergedEntry[]; upper: UpperEntry[]; ops: OverlayOp[] } {
  const lower = new Map(image.map((e) => [e.path, e]));
  const merged = new Map<string, MergedEntry>(image.map((e) => [e.path, { ...e, source: 'image' as const }]));
  const upper = new Map<string, UpperEntry>();
  const ops: OverlayOp[] = [];
  const parentsOf = (path: string) => path.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'));
  const ensureUpperParents = (path: string) => {
    for (const dir of parentsOf(path)) {
      if (!upper.has(dir)) upper.set(dir, { path: dir, type: 'dir', ...(lower.has(dir) ? { copiedUpFromLayer: lower.get(dir)!.fromLayer } : {}) });
    }
  };
  for (const w of writes) {
    const path = w.path.split('/').filter((p) => p && p !== '.').join('/');
    const cur = merged.get(path);
    const parentMissing = parentsOf(path).find((d) => merged.get(d)?.type !== 'dir');
    if (parentMissing !== undefined && w.op !== 'delete') {
      ops.push({ op: w.op, path, effect: 'error', message: `${w.op} /${path}: No such file or directory (/${parentMissing} is not a directory)` });
      continue;
    }
    if (w.op === 'write' || w.op === 'append') {
      if (cur?.type === 'dir') {
        ops.push({ op: w.op, path, effect: 'error', message: `${w.op} /${path}: Is a directory` });
        continue;
      }
      const content = w.op === 'append' ? `${cur?.content ?? ''}${w.content ?? ''}` : (w.content ?? '');
      const inUpper = upper.get(path);
      const fromLower = !inUpper && cur?.source === 'image';
      ensureUpperParents(path);
      upper.set(path, { path, type: 'file', ...(fromLower ? { copiedUpFromLayer: cur!.fromLayer } : inUpper?.copiedUpFromLayer !== undefined ? { copiedUpFromLayer: inUpper.copiedUpFromLayer } : {}) });
      merged.set(path, { path, type: 'file', content, fromLayer: -1, source: 'upper' });
      ops.push({
        op: w.op, path,
        effect: fromLower ? 'copy-up' : inUpper ? 'modify-upper' : 'create',
        message: fromLower
          ? `copy-up: /${path} is copied whole from image layer ${cur!.fromLayer} into the upperdir before the ${w.op}; the image layer is unchanged`
          : inUpper ? `/${path} is already in the upperdir: written in place` : `/${path} is created in the upperdir`,
      });
    } else if (w.op === 'mkdir') {
      if (cur) {
        ops.push({ op: w.op, path, effect: 'error', message: `mkdir /${path}: File exists` });
        continue;
      }
      ensureUpperParents(path);
      const wasWhiteout = upper.get(path)?.type === 'whiteout' && lower.get(path)?.type === 'dir';
      upper.set(path, { path, type: wasWhiteout ? 'opaque-dir' : 'dir' });
      merged.set(path, { path, type: 'dir', fromLayer: -1, source: 'upper' });
      ops.push({ op: w.op, path, effect: wasWhiteout ? 'opaque-mkdir' : 'mkdir', message: wasWhiteout ? `/${path} replaces a deleted image directory: the new upper directory is marked opaque, so nothing below shows through` : `/${path} is created in the upperdir` });
    } else {
      if (!cur) {
        ops.push({ op: w.op, path, effect: 'error', message: `rm /${path}: No such file or directory` });
        continue;
      }
      const prefix = `${path}/`;
      for (const key of [...merged.keys()]) if (key === path || key.startsWith(prefix)) merged.delete(key);
      for (const key of [...upper.keys()]) if (key === path || key.startsWith(prefix)) upper.delete(key);
      if (lower.has(path)) {
        ensureUpperParents(path);
        upper.set(path, { path, type: 'whiteout' });
        ops.push({ op: w.op, path, effect: 'whiteout', message: `/${path} comes from image layer ${lower.get(path)!.fromLayer}, which is read-only: a whiteout (character device 0/0) in the upperdir hides it` });
      } else {
        ops.push({ op: w.op, path, effect: 'delete-upper', message: `/${path} only existed in the upperdir: it is simply removed` });
      }
    }
  }
  const sort = <T extends { path: string }>(list: T[]) => list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { merged: sort([...merged.values()]), upper: sort([...upper.values()]), ops };
}
