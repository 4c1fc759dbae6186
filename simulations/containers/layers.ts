// OCI image layers applied in order: the root filesystem a container starts from.
// src: opencontainers/image-spec layer.md ("Applying Changesets", "Whiteouts", "Opaque Whiteout"):
//   - entries are tar entries; a later entry of the same path replaces the earlier one, except that a
//     directory over a directory keeps the directory's children (the new entry's attributes win);
//   - a file named `.wh.<name>` removes <name> (and everything under it) from the LOWER layers only;
//   - `.wh..wh..opq` in a directory removes every lower-layer child of that directory, and applies before
//     the entries of its own layer wherever it sits in the archive;
//   - a whiteout entry itself never appears in the result.
// Names `.wh..` and `.wh...` would white out "." or ".." and are rejected, as are absolute paths that
// escape the root ("..") and empty names.

export type LayerEntryType = 'file' | 'dir' | 'symlink';
export interface LayerEntry {
  path: string;
  type: LayerEntryType;
  content?: string;
  linkname?: string;
}
export interface ViewEntry extends LayerEntry {
  /** 0-based index of the layer whose entry created or last replaced the path. */
  fromLayer: number;
}

export const WHITEOUT_PREFIX = '.wh.';
export const WHITEOUT_META_PREFIX = '.wh..wh.';
export const WHITEOUT_OPAQUE = '.wh..wh..opq';

export class LayerError extends Error {
  readonly layer: number;
  readonly entry: number;
  constructor(message: string, layer: number, entry: number) {
    super(`layer ${layer}, entry ${entry}: ${message}`);
    this.name = 'LayerError';
    this.layer = layer;
    this.entry = entry;
  }
}

/** A tar name → clean path without "./", leading or trailing "/" ("" = the root). */
export function cleanPath(raw: string, layer: number, entry: number): string {
  if (typeof raw !== 'string' || raw === '') throw new LayerError('entry has no path', layer, entry);
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new LayerError(`path ${JSON.stringify(raw)} leaves the root filesystem`, layer, entry);
    parts.push(part);
  }
  return parts.join('/');
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

interface Node { type: LayerEntryType; content?: string; linkname?: string; fromLayer: number }
type Tree = Map<string, Node>;

function removeTree(tree: Tree, path: string): string[] {
  const removed: string[] = [];
  const prefix = `${path}/`;
  for (const key of [...tree.keys()]) {
    if (key === path || key.startsWith(prefix)) {
      tree.delete(key);
      removed.push(key);
    }
  }
  return removed;
}
function removeChildren(tree: Tree, dir: string): string[] {
  const removed: string[] = [];
  const prefix = dir === '' ? '' : `${dir}/`;
  for (const key of [...tree.keys()]) {
    if (key.startsWith(prefix) && key !== dir) {
      tree.delete(key);
      removed.push(key);
    }
  }
  return removed;
}

/** What applying one layer did, for the engine's trace. */
export interface LayerStep {
  layer: number;
  opaque: { dir: string; hidden: string[] }[];
  whiteouts: { path: string; hidden: string[] }[];
  added: string[];
  replaced: string[];
}

function validateEntry(e: unknown, layer: number, index: number): LayerEntry {
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new LayerError('entry must be an object {path, type}', layer, index);
  const entry = e as LayerEntry;
  if (entry.type !== 'file' && entry.type !== 'dir' && entry.type !== 'symlink') {
    throw new LayerError(`type must be file, dir or symlink, got ${JSON.stringify(entry.type)}`, layer, index);
  }
  if (entry.type === 'symlink' && (typeof entry.linkname !== 'string' || entry.linkname === '')) {
    throw new LayerError('a symlink needs a linkname', layer, index);
  }
  if (entry.content !== undefined && typeof entry.content !== 'string') throw new LayerError('content must be a string', layer, index);
  return entry;
}

/** Applies the layers in order and records each step. Throws LayerError on an invalid archive. */
export function applyLayersTraced(layers: LayerEntry[][]): { view: ViewEntry[]; steps: LayerStep[] } {
  if (!Array.isArray(layers)) throw new TypeError('layers must be a list of layers');
  const tree: Tree = new Map();
  const steps: LayerStep[] = [];
  layers.forEach((layerEntries, li) => {
    if (!Array.isArray(layerEntries)) throw new LayerError('a layer must be a list of entries', li, 0);
    const step: LayerStep = { layer: li, opaque: [], whiteouts: [], added: [], replaced: [] };
    const regular: { path: string; entry: LayerEntry }[] = [];
    const opaque: string[] = [];
    const whiteouts: string[] = [];
    layerEntries.forEach((raw, ei) => {
      const entry = validateEntry(raw, li, ei);
      const path = cleanPath(entry.path, li, ei);
      if (path === '') {
        if (entry.type !== 'dir') throw new LayerError('the root can only be a directory', li, ei);
        return; // the root itself is not listed
      }
      const base = baseOf(path);
      // layer.md: no file or directory name may begin with .wh. (those are whiteout markers), so nothing lives under one
      if (path.split('/').slice(0, -1).some((p) => p.startsWith(WHITEOUT_PREFIX))) {
        throw new LayerError(`path ${JSON.stringify(entry.path)} has a directory named like a whiteout`, li, ei);
      }
      if (base.startsWith(WHITEOUT_PREFIX)) {
        if (entry.type !== 'file') throw new LayerError(`whiteout ${JSON.stringify(base)} must be a regular file`, li, ei);
        if (base === WHITEOUT_OPAQUE) {
          opaque.push(parentOf(path));
          return;
        }
        if (base.startsWith(WHITEOUT_META_PREFIX)) throw new LayerError(`unknown whiteout meta file ${JSON.stringify(base)}`, li, ei);
        const name = base.slice(WHITEOUT_PREFIX.length);
        if (name === '' || name === '.' || name === '..') throw new LayerError(`invalid whiteout name ${JSON.stringify(base)}`, li, ei);
        whiteouts.push(join(parentOf(path), name));
        return;
      }
      regular.push({ path, entry });
    });
    // Whiteouts (plain and opaque) act on the lower layers only, before this layer's own entries.
    for (const dir of opaque) step.opaque.push({ dir, hidden: removeChildren(tree, dir) });
    for (const path of whiteouts) step.whiteouts.push({ path, hidden: removeTree(tree, path) });
    for (const dir of opaque) {
      // the opaque directory itself exists in this layer (implied if no entry names it)
      if (dir !== '' && !tree.has(dir)) ensureParents(tree, join(dir, 'x'), li, step);
    }
    for (const { path, entry } of regular) {
      ensureParents(tree, path, li, step);
      const existing = tree.get(path);
      const node: Node = { type: entry.type, fromLayer: li };
      if (entry.type === 'file' && entry.content !== undefined) node.content = entry.content;
      if (entry.type === 'symlink') node.linkname = entry.linkname;
      if (existing) {
        // A non-directory over anything, or a directory over a non-directory, drops what was below.
        if (!(existing.type === 'dir' && entry.type === 'dir')) removeChildren(tree, path);
        step.replaced.push(path);
      } else step.added.push(path);
      tree.set(path, node);
    }
    steps.push(step);
  });
  const view: ViewEntry[] = [...tree.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, n]) => {
      const v: ViewEntry = { path, type: n.type, fromLayer: n.fromLayer };
      if (n.type === 'file' && n.content !== undefined) v.content = n.content;
      if (n.type === 'symlink') v.linkname = n.linkname;
      return v;
    });
  return { view, steps };
}

/** Implied parent directories: created in this layer if missing; a non-directory in the way is replaced. */
function ensureParents(tree: Tree, path: string, layer: number, step: LayerStep): void {
  const parts = path.split('/');
  let dir = '';
  for (let i = 0; i < parts.length - 1; i++) {
    dir = join(dir, parts[i]);
    const existing = tree.get(dir);
    if (existing?.type === 'dir') continue;
    if (existing) {
      removeChildren(tree, dir);
      step.replaced.push(dir);
    } else step.added.push(dir);
    tree.set(dir, { type: 'dir', fromLayer: layer });
  }
}

/** The merged filesystem of an image: every path, with the layer it comes from. */
export function applyLayers(layers: LayerEntry[][]): ViewEntry[] {
  return applyLayersTraced(layers).view;
}
