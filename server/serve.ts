// Listens with the request timeouts of Config and shuts down cleanly:
// SIGTERM/SIGINT stop accepting connections, in-flight requests finish, the
// pool and the database close, and the process exits (forced after 10 s).

import { createServer, type Server } from 'node:http';
import type { Config } from './config.ts';
import type { Site } from './boot.ts';
import { startEventLoopReport } from './event-loop-report.ts';

export function serve(site: Site, config: Config, onListening?: (port: number) => void): Server {
  // Node checks request and header timeouts every connectionsCheckingInterval
  // (30 s by default); check every second so a slow client is cut off on time.
  const server = createServer(
    {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(config.headersTimeoutMs, config.requestTimeoutMs),
      connectionsCheckingInterval: 1_000,
      keepAliveTimeout: 5_000,
    },
    site.app,
  );

  // A port already taken (or not allowed) is a setup problem, not a crash: say
  // which port and what to do, without a stack trace.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges this process lacks';
      console.error(`kube-notebook: cannot listen on ${config.host}:${config.port}: the port ${why}. Set PORT to another port, e.g. PORT=3001 npm start`);
      void site.close().finally(() => process.exit(1));
      return;
    }
    throw err;
  });

  server.listen(config.port, config.host, () => {
    const address = server.address();
    onListening?.(typeof address === 'object' && address ? address.port : config.port);
  });

  const stopReport = config.logEventLoopDelayMs > 0 ? startEventLoopReport(config.logEventLoopDelayMs) : undefined;

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then exiting`);
    const force = setTimeout(() => {
      console.error('shutdown took longer than 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      stopReport?.();
      await site.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return server;
}
