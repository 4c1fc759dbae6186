// `npm run bench`: runs every test/bench/*.bench.ts and prints its figures.
// Targets are printed next to the figures, never asserted: timing belongs here, not in tests.
// `npm run bench -- scheduler` runs only the files whose name contains "scheduler".
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchResult {
  /** What was measured, e.g. "schedule 10,000 pods on 5,000 nodes". */
  name: string;
  /** The figure, with its unit, e.g. "7,412 pods/s". */
  value: string;
  /** The target as the issue states it, e.g. "≥ 6,800 pods/s". */
  target?: string;
  /** Whether the figure meets the target (printed, never asserted). */
  met?: boolean;
  /** Extra figures: ratios, peak memory. */
  notes?: string[];
}

export type Bench = () => Promise<BenchResult[]>;

async function main(): Promise<void> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const filter = process.argv[2] ?? '';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  let missed = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { bench?: Bench };
    if (typeof mod.bench !== 'function') continue;
    console.log(`\n## ${file}`);
    for (const r of await mod.bench()) {
      const verdict = r.met === undefined ? '' : r.met ? '  ✔ met' : '  ✘ MISSED';
      if (r.met === false) missed++;
      console.log(`- ${r.name}: ${r.value}${r.target ? `  (target ${r.target})` : ''}${verdict}`);
      for (const note of r.notes ?? []) console.log(`    ${note}`);
    }
  }
  console.log(`\n${files.length} bench files, ${missed} targets missed`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
