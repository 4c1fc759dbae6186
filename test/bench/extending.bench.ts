// `npm run bench -- extending` (issue 23): pruning, defaulting and validating 10,000 custom objects
// against a 200-property schema (target: under 1 s), through the same functions the API server path uses.
import { performance } from 'node:perf_hooks';
import { applyDefaults, pruneNonNullableNullsWithoutDefaults } from '../../simulations/apiextensions/defaulting.ts';
import { prune } from '../../simulations/apiextensions/pruning.ts';
import { validateAgainstSchema } from '../../simulations/apiextensions/openapi-validation.ts';
import type { JSONSchemaProps } from '../../simulations/apiextensions/schema-types.ts';
import type { BenchResult } from './run.ts';

/** 200 properties of five kinds, with defaults, bounds, enums, patterns and a nested object. */
export function schema200(): JSONSchemaProps {
  const properties: Record<string, JSONSchemaProps> = {};
  for (let i = 0; i < 200; i++) {
    switch (i % 5) {
      case 0: properties[`s${i}`] = { type: 'string', maxLength: 64, pattern: '^[a-z0-9-]*$' }; break;
      case 1: properties[`n${i}`] = { type: 'integer', minimum: 0, maximum: 1000, default: 1 }; break;
      case 2: properties[`e${i}`] = { type: 'string', enum: ['a', 'b', 'c'], default: 'a' }; break;
      case 3: properties[`l${i}`] = { type: 'array', maxItems: 10, items: { type: 'string' } }; break;
      default: properties[`o${i}`] = { type: 'object', properties: { x: { type: 'integer' }, y: { type: 'string', default: 'y' } } };
    }
  }
  return { type: 'object', properties: { spec: { type: 'object', properties } } };
}

export function objects(n: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < n; k++) {
    const spec: Record<string, unknown> = {};
    for (let i = 0; i < 200; i += 2) {
      switch (i % 5) {
        case 0: spec[`s${i}`] = `name-${k}`; break;
        case 1: spec[`n${i}`] = k % 1001; break;
        case 2: spec[`e${i}`] = 'b'; break;
        case 3: spec[`l${i}`] = ['x', 'y']; break;
        default: spec[`o${i}`] = { x: k };
      }
    }
    spec.unknown = 'pruned';
    out.push({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: `w-${k}` }, spec });
  }
  return out;
}

export function runAll(schema: JSONSchemaProps, objs: Record<string, unknown>[]): { pruned: number; errors: number } {
  let pruned = 0;
  let errors = 0;
  for (const o of objs) {
    pruneNonNullableNullsWithoutDefaults(o, schema);
    applyDefaults(o, schema);
    pruned += prune(o, schema, true).length;
    errors += validateAgainstSchema(schema, o).length;
  }
  return { pruned, errors };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Wall and CPU milliseconds of fn (CPU time is the figure compared with the target: the machine is shared). */
function measure<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  return { value, wallMs: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)) };
}

export async function bench(): Promise<BenchResult[]> {
  const schema = schema200();
  runAll(schema, objects(1000)); // warm up
  const objs = objects(10_000);
  const m = measure(() => runAll(schema, objs));
  return [
    {
      name: 'prune, default and validate 10,000 custom objects of a 200-property schema',
      value: `${m.cpuMs.toFixed(0)} ms CPU (${m.wallMs.toFixed(0)} ms wall)`,
      target: '< 1 s',
      met: m.cpuMs < 1000,
      notes: [`${m.value.pruned.toLocaleString('en-US')} fields pruned, ${m.value.errors} validation errors`],
    },
  ];
}
