// `npm start`: serves on PORT (default 3000) with data in DATA_DIR (default
// ./data); the SQLite file is created and migrated on first start. A broken
// lesson stops start-up with file:line and what is wrong.

import { loadConfig } from './config.ts';
import { bootSite, type Site } from './boot.ts';
import { ContentError } from './content/content-error.ts';
import { serve } from './serve.ts';

const config = loadConfig();
let site: Site;
try {
  site = await bootSite({ config });
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`Content error, the site cannot start:\n  ${error.message}`);
    process.exit(1);
  }
  throw error;
}

serve(site, config, (port) => {
  console.log(`kube-notebook: http://localhost:${port} (${site.content.chapters.length} lessons, data in ${config.dataDir})`);
});
