// Starts the site: `npm start`. Listens on PORT (default 3000) with data in
// DATA_DIR (default ./data). SIGTERM/SIGINT stop accepting connections, let
// in-flight requests finish, close the database and exit (forced after 10 s).

import { createServer } from 'node:http';
import { loadConfig } from './config.ts';
import { bootSite, type Site } from './boot.ts';
import { ContentError } from './content/content-error.ts';

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

const server = createServer(site.app);
server.requestTimeout = config.requestTimeoutMs;
server.headersTimeout = config.headersTimeoutMs;
server.keepAliveTimeout = 5_000;

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`kube-notebook: http://localhost:${port} (${site.content.chapters.length} lessons, data in ${config.dataDir})`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests, then exiting`);
  const force = setTimeout(() => {
    console.error('shutdown took longer than 10 s; exiting anyway');
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close(async () => {
    await site.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
