// A real server process on the fixture content and engines, for tests that
// need a port, signals and a database file: `tsx test/support/fixture-server.ts`
// with PORT and DATA_DIR set. Prints "listening <port>" when ready.

import { loadConfig } from '../../server/config.ts';
import { bootSite } from '../../server/boot.ts';
import { serve } from '../../server/serve.ts';
import { engines } from './fixture-engines.ts';
import { FIXTURE_CONTENT, FIXTURE_ENGINE_MODULE } from './site.ts';

const config = { ...loadConfig(), workers: 1 };
const site = await bootSite({ config, engines, engineModules: [FIXTURE_ENGINE_MODULE], contentDir: FIXTURE_CONTENT });
serve(site, config, (port) => console.log(`listening ${port}`));
