// Builds every part of the server from a Config: database, content (parsed and
// run once), simulation pool, views, and the app. main.ts, the tests and the
// benchmarks all start the site this way.

import { ROOT_DIR, rootPath } from './paths.ts';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/open.ts';
import { scenarioRuns } from './content/scenario-runs.ts';
import { loadContentCached, type ContentCache } from './content/content-cache.ts';
import { join } from 'node:path';
import { loadNotes, type NotesIndex } from './content/notes.ts';
import type { ContentIndex } from './content/model.ts';
import { SimulationPool, DEFAULT_ENGINE_MODULES } from './sim-runtime/pool.ts';
import { bundleWorker } from './sim-runtime/bundle.ts';
import { createViews, type Views } from './views/render.ts';
import { bundleEditor } from './views/editor-bundle.ts';
import { createApp } from './app.ts';
import type { Engine } from '../simulations/shared/engine.ts';
import { engines as registryEngines } from '../simulations/registry.ts';


export interface BootOptions {
  config: Config;
  /** Engines to serve; defaults to the registry. Tests add fixture engines. */
  engines?: ReadonlyMap<string, Engine>;
  /** Module URLs the workers load engines from; must match `engines`. */
  engineModules?: string[];
  contentDir?: string;
  now?: () => Date;
  /** Use this database instead of opening config.dataDir. */
  db?: Db;
}

export interface Site {
  app: ReturnType<typeof createApp>;
  /** Resolves when every simulation worker has started. */
  ready: Promise<void>;
  db: Db;
  pool: SimulationPool;
  content: ContentIndex;
  notes: NotesIndex;
  views: Views;
  close(): Promise<void>;
}

/**
 * Where `npm start` keeps what start-up made, between starts of one build (scripts/start.mjs
 * names the build): the lessons as loaded, and the outcomes of their scenarios
 * (content/content-cache.ts, content/scenario-runs.ts). Nowhere for tests, tools and fixture engines.
 */
function startupCache(options: BootOptions): ContentCache | undefined {
  const build = process.env.KUBE_NOTEBOOK_BUILD;
  if (!build || !/^[0-9a-f]{16}$/.test(build) || options.engines) return undefined;
  return { dir: rootPath('node_modules', '.cache', 'kube-notebook'), build };
}

export async function bootSite(options: BootOptions): Promise<Site> {
  const { config } = options;
  const engines = options.engines ?? registryEngines;
  // esbuild bundles the worker in its own process while this thread loads the content.
  const workerUrl = bundleWorker(options.engineModules ?? DEFAULT_ENGINE_MODULES);
  // And the lesson page's code editor (read back from its cache when nothing changed).
  // A failed build costs the editor only: lesson pages keep the textarea (and the browser tests say so).
  const editorBundle = bundleEditor(rootPath('views')).catch((error: Error) => {
    console.error(`the code editor could not be bundled, lesson pages keep the plain textarea: ${error.message}`);
    return undefined;
  });
  const cache = startupCache(options);
  const content = loadContentCached(
    {
      contentDir: options.contentDir ?? rootPath('content'),
      engines,
      rootDir: ROOT_DIR,
      runs: scenarioRuns(cache && join(cache.dir, `outcomes-${cache.build}.bin`)),
    },
    cache,
  );
  const notes = loadNotes(config.notesDir);
  const views = createViews({
    viewsDir: rootPath('views'),
    simulationsDir: rootPath('simulations'),
    editorBundle: await editorBundle,
  });
  const db = options.db ?? openDatabase({ dataDir: config.dataDir });
  const pool = new SimulationPool({
    size: config.workers,
    deadlineMs: config.simDeadlineMs,
    heapMb: config.simHeapMb,
    workerUrl: await workerUrl,
  });
  // Pages are served at once; simulation runs wait in the pool's queue until the workers are up.
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ config, db, content, notes, engines, pool, views, now: options.now });
  } catch (error) {
    // E.g. a database the store cannot use: stop the workers, or they keep the process alive.
    await pool.close();
    throw error;
  }
  return {
    app,
    ready: pool.ready(),
    db,
    pool,
    content,
    notes,
    views,
    async close() {
      await pool.close();
      if (db.open) db.close();
    },
  };
}
