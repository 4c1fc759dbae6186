// Boots the site for tests: fixture content and engines by default, an
// in-memory database unless a data folder is given, no port (supertest).

import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../server/config.ts';
import { bootSite, type Site } from '../../server/boot.ts';
import { openDatabase } from '../../server/db/open.ts';
import { engines as fixtureEngines } from './fixture-engines.ts';
import type { Engine } from '../../simulations/shared/engine.ts';
import { Store } from '../../server/db/store.ts';
import { signedLearnerId } from '../../server/http/learner.ts';

export const FIXTURE_CONTENT = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
export const FIXTURE_ENGINE_MODULE = new URL('./fixture-engines.ts', import.meta.url).href;

export interface TestSiteOptions {
  config?: Partial<Config>;
  /** Real content and engines instead of the fixtures. */
  real?: boolean;
  dataDir?: string;
  now?: () => Date;
  engines?: ReadonlyMap<string, Engine>;
}

export async function startTestSite(options: TestSiteOptions = {}): Promise<Site> {
  const config: Config = {
    ...loadConfig({}),
    workers: 1,
    simDeadlineMs: 2000,
    simHeapMb: 64,
    dataDir: options.dataDir ?? ':memory:',
    ...options.config,
  };
  return bootSite({
    config,
    engines: options.real ? undefined : (options.engines ?? fixtureEngines),
    engineModules: options.real ? undefined : [FIXTURE_ENGINE_MODULE],
    contentDir: options.real ? undefined : FIXTURE_CONTENT,
    db: openDatabase({ dataDir: config.dataDir }),
    now: options.now,
  });
}

/** The CSRF token and cookies of a page, for posting forms like a browser. */
export function csrfFrom(html: string): string {
  const match = /<meta name="csrf-token" content="([^"]+)">/.exec(html);
  if (!match) throw new Error('no csrf-token meta in the page');
  return match[1];
}

/** The `Cookie` header of learner `id` on this site, signed with the site's key as the site would. */
export function learnerCookie(site: Site, id: string): string {
  return `kn_learner=${signedLearnerId(id, new Store(site.db).serverSecret('learner-cookie-key'))}`;
}
