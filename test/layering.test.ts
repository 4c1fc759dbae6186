// Layers import one way: apimachinery → apiserver → shared component libraries
// (kubelet, kubectl, shared) → chapter engines → server → views. This test
// reads every import of every file under simulations/ and fails with the
// offending file and import.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const simulations = join(root, 'simulations');

/** Folders under simulations/ that every engine may use. */
const LIBRARIES = new Set(['apimachinery', 'apiserver', 'kubelet', 'kubectl', 'shared']);
/** What each library may import, besides itself. */
const LIBRARY_DEPENDENCIES: Record<string, readonly string[]> = {
  apimachinery: [],
  apiserver: ['apimachinery'],
  shared: ['apimachinery', 'apiserver'],
  kubectl: ['apimachinery', 'apiserver', 'shared'],
  kubelet: ['apimachinery', 'apiserver', 'shared', 'kubectl'],
};

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (entry.endsWith('.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Import {
  file: string;
  specifier: string;
  target: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2] ?? m[3];
    if (!specifier || !specifier.startsWith('.')) continue;
    out.push({ file, specifier, target: resolve(dirname(file), specifier) });
  }
  return out;
}

/** The folder directly under simulations/ a path is in ("" for simulations/index.ts itself), or undefined outside simulations/. */
function areaOf(path: string): string | undefined {
  const rel = relative(simulations, path);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length === 1 ? '' : parts[0];
}

/** Every import under simulations/ that breaks the layering, as "file: import". */
export function layeringViolations(): string[] {
  const problems: string[] = [];
  for (const file of walk(simulations)) {
    const isTest = file.endsWith('.test.ts');
    const from = areaOf(file) as string;
    for (const imp of importsOf(file)) {
      const to = areaOf(imp.target);
      const where = `${relative(root, imp.file)}: ${imp.specifier}`;
      if (to === undefined) {
        // Outside simulations/: only tests may reach test helpers; nothing may reach the server or views.
        const rel = relative(root, imp.target);
        if (!(isTest && rel.startsWith(`test${sep}`))) problems.push(`${where} (simulations/ may not import ${rel.split(sep)[0]}/)`);
        continue;
      }
      if (to === from) continue;
      if (from === '') continue; // simulations/index.ts and registry.ts gather every engine's public functions
      if (to === '') {
        if (isTest) continue; // a test may check the public functions where outside callers find them
        problems.push(`${where} (only the server imports simulations/index.ts and registry.ts)`);
        continue;
      }
      if (LIBRARIES.has(from)) {
        if (!LIBRARY_DEPENDENCIES[from].includes(to)) problems.push(`${where} (${from} may import only ${LIBRARY_DEPENDENCIES[from].join(', ') || 'nothing of ours'})`);
        continue;
      }
      // A chapter engine: libraries only, never another engine.
      if (!LIBRARIES.has(to)) problems.push(`${where} (a chapter engine may import only the shared libraries, not ${to}/)`);
    }
  }
  return problems;
}

test('simulations/ imports one way: apimachinery ← apiserver ← libraries ← chapter engines, and never the server', () => {
  assert.deepEqual(layeringViolations(), []);
});

test('the layering check itself finds a bad import (it reads every kind of import statement)', () => {
  const samples = [
    "import { a } from '../server/app.ts';",
    "export { b } from '../scheduler/engine.ts';",
    "import type { C } from '../x.ts';",
    "import '../side-effect.ts';",
    "const d = await import('../lazy.ts');",
  ];
  const found = samples.map((s) => [...s.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]));
  assert.deepEqual(found, [['../server/app.ts'], ['../scheduler/engine.ts'], ['../x.ts'], ['../side-effect.ts'], ['../lazy.ts']]);
});
