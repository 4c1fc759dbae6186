// The runs of a lesson's built-in scenarios at start-up, done once per engine
// and input, and remembered across restarts of the same build.
//
// Engines are pure and deterministic (docs/ENGINES.md): the outcome of a run is
// a function of the engine's code, the packages it imports and the input. So a
// run needs doing again only when one of those changes. `npm start` names its
// build (scripts/start.mjs hashes the server bundle, which holds every engine,
// together with package-lock.json); outcomes are kept in a file named after
// that build, so a changed engine or package never reads an old outcome: it
// finds no file and runs everything. Tests and tools that load content without
// a build name run every scenario, every time.
//
// The file is only a cache (cache-file.ts): unreadable, truncated or from
// another Node, it is ignored and rewritten. It is V8's serialization (the
// structured clone a worker's answer travels as), so an outcome comes back
// exactly as it was made.

import { readCacheFile, writeCacheFile } from './cache-file.ts';
import type { Engine } from '../../simulations/shared/engine.ts';
import { executeSimulation, type RunOutcome } from '../sim-runtime/execute.ts';

export interface ScenarioRuns {
  /**
   * The outcome of running `input` on `engine` (without its view model when `view` is false,
   * as a challenge's checks need none): a copy of the only run made for them.
   */
  run(engine: Engine, input: string, options?: { view?: boolean }): RunOutcome;
  /** Writes new outcomes to the cache file, if there is one and anything was run. */
  save(): void;
  /** How many runs were answered from memory or from the file, and how many were made. */
  readonly counts: { reused: number; ran: number };
}

const FORMAT = 'scenario-outcomes 2';

/**
 * `file` is where outcomes of this build are kept between starts; without one,
 * outcomes are shared only within this load (a chapter's languages run the same scenarios).
 */
export function scenarioRuns(file?: string): ScenarioRuns {
  const outcomes = readCache(file);
  const handedOut = new Set<string>();
  let added = false;
  const counts = { reused: 0, ran: 0 };
  return {
    counts,
    run(engine, input, { view = true } = {}) {
      // The version is in the key as well as the build: a fixture engine in a test may share an id.
      const key = `${engine.id}\0${engine.version}\0${view ? 'view' : 'no-view'}\0${input}`;
      const known = outcomes.get(key);
      if (known) {
        counts.reused++;
        // The first cell gets the outcome itself; later ones a copy, as a worker's answer is one,
        // so no two cells share mutable objects. (Nothing changes an outcome while content loads,
        // so what save() writes is what was run.)
        if (!handedOut.has(key)) {
          handedOut.add(key);
          return known;
        }
        return structuredClone(known);
      }
      const outcome = executeSimulation(engine, input, { view });
      counts.ran++;
      outcomes.set(key, outcome);
      handedOut.add(key);
      // Only successes are kept on disk: a failing default scenario stops start-up anyway.
      if (outcome.ok) added = true;
      return outcome;
    },
    save() {
      if (!file || !added) return;
      const failed = writeCacheFile(file, FORMAT, [...outcomes].filter(([, o]) => o.ok));
      if (failed) console.error(`lesson scenarios will run again at the next start (cache not written: ${failed})`);
      else added = false;
    },
  };
}

function readCache(file: string | undefined): Map<string, RunOutcome> {
  const kept = file ? readCacheFile(file, FORMAT) : undefined;
  return Array.isArray(kept) ? new Map(kept as [string, RunOutcome][]) : new Map();
}
