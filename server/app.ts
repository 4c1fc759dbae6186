// createApp: builds the Express app from its parts, without listening.
// supertest drives this directly; main.ts listens and shuts down.

import express, { type Request, type Response, type NextFunction } from 'express';
import cookieParser from 'cookie-parser';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import { Store } from './db/store.ts';
import type { ContentIndex } from './content/model.ts';
import type { NotesIndex } from './content/notes.ts';
import type { Engine } from '../simulations/shared/engine.ts';
import type { SimulationPool } from './sim-runtime/pool.ts';
import { Notebook } from './notebook.ts';
import type { Views } from './views/render.ts';
import { cookieName, learnerMiddleware, preferenceCookieOptions } from './http/learner.ts';
import { crossSiteGuard, csrf, securityHeaders } from './http/security.ts';
import { errorHandler, HttpError, NotFoundError } from './http/errors.ts';
import { pageRoutes } from './routes/pages.ts';
import { apiRoutes } from './routes/api.ts';
import { noteRoutes } from './routes/notes.ts';
import { searchRoutes } from './routes/search.ts';
import { SearchIndex } from './search/search-index.ts';
import { pickLanguage } from './i18n/strings.ts';
import { sendEncoded } from './http/encoding.ts';
import { splitLanguagePrefix } from './i18n/language-paths.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  content: ContentIndex;
  /** The source notes shown at /notes/ (none when their folder is absent). */
  notes?: NotesIndex;
  engines: ReadonlyMap<string, Engine>;
  pool: SimulationPool;
  views: Views;
  /** The clock for stored timestamps (tests pass a fixed one). */
  now?: () => Date;
}

export function createApp({ config, db, content, notes = { dir: '', notes: [], byId: new Map() }, engines, pool, views, now = () => new Date() }: AppDeps) {
  const app = express();
  const store = new Store(db, { attemptsKeptPerQuiz: config.attemptsKeptPerQuiz });
  const notebook = new Notebook({ content, store, pool, engines, now, viewRunsPerMinute: config.runsPerMinutePerLearner });
  // Built here, once: an in-memory FTS5 index of the lessons and notes, apart from the learner database.
  const search = new SearchIndex(content, notes);
  const csrfTools = csrf(store.serverSecret('csrf-secret'), config.secureCookies);

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false);
  app.set('query parser', 'simple');

  if (config.logRequests) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`);
      });
      next();
    });
  }

  app.use(securityHeaders());

  // Static assets first: no cookies, no body parsing, cached for a year (fingerprinted).
  app.get('/assets/{*path}', (req, res, next) => {
    const asset = views.assets.get(req.path);
    if (!asset) return next();
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', /\.[0-9a-f]{12}\./.test(asset.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    sendEncoded(req, res, { identity: () => asset.body, gzip: asset.gzipped });
  });
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/assets/favicon.svg'));
  app.get('/healthz', (_req, res) => res.json({ ok: true, lessons: content.chapters.length, simulations: pool.stats }));

  app.use(cookieParser());
  app.use(learnerMiddleware({ secure: config.secureCookies, key: store.serverSecret('learner-cookie-key'), knownLearner: (id) => store.learnerExists(id) }));
  app.use(crossSiteGuard());

  const langCookie = cookieName('kn_lang', config.secureCookies);
  const themeCookieName = cookieName('kn_theme', config.secureCookies);
  app.use((req: Request, res: Response, next: NextFunction) => {
    // `/zh/…` is the Chinese form of the page at `/…` (i18n/language-paths.ts): the routes see the
    // path without the prefix (req.originalUrl keeps it); opening it chooses Chinese for the learner.
    const prefixed = splitLanguagePrefix(req.url);
    if (prefixed.lang) {
      req.url = prefixed.url;
      if (req.method === 'GET' && req.cookies?.[langCookie] !== prefixed.lang) {
        res.cookie(langCookie, prefixed.lang, preferenceCookieOptions(config.secureCookies));
      }
    }
    res.locals.urlLang = prefixed.lang;
    const lang = prefixed.lang ?? pickLanguage(req.cookies?.[langCookie], req.get('accept-language'));
    const themeCookie = req.cookies?.[themeCookieName];
    const theme = themeCookie === 'light' || themeCookie === 'dark' ? themeCookie : 'system';
    res.locals.lang = lang;
    res.locals.theme = theme;
    res.locals.path = req.path;
    res.locals.returnTo = req.originalUrl.length < 500 ? req.originalUrl : '/';
    res.locals.isZh = lang === 'zh';
    res.setHeader('Content-Language', lang === 'zh' ? 'zh-CN' : 'en');
    res.setHeader('Vary', 'Cookie, Accept-Language');
    if (req.method === 'GET' && !req.path.startsWith('/api/')) {
      res.locals.csrfToken = csrfTools.token(req, res);
    }
    next();
  });
  // Bodies are read once the learner and the language are known, so a body over
  // the limit on a lesson form comes back as the lesson page in the learner's language.
  app.use(express.json({ limit: config.bodyLimitBytes, strict: false }));
  app.use(express.urlencoded({ limit: config.bodyLimitBytes, extended: false, parameterLimit: 200 }));

  const limitHandler = (message: string) => (req: Request, _res: Response, next: NextFunction) => {
    const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
    next(new HttpError(429, message, { 'Retry-After': String(seconds) }));
  };
  // A learner's own budget; a request without a learner's cookie is counted by its address at
  // the same rate: dropping the cookie buys nothing (issue 14, finding 8).
  const perLearner = (windowMs: number, limit: number, message: string) =>
    rateLimit({
      windowMs,
      limit,
      keyGenerator: (req) => (req.newLearner ? `cookieless:${ipKeyGenerator(req.ip ?? '')}` : `learner:${req.learnerId}`),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: limitHandler(message),
    });
  const perAddress = (windowMs: number, limit: number, message: string, skip?: (req: Request) => boolean) =>
    rateLimit({
      windowMs,
      limit,
      standardHeaders: false,
      legacyHeaders: false,
      // X-Forwarded-For is ignored on purpose unless TRUST_PROXY says a proxy sets it.
      validate: { xForwardedForHeader: false },
      handler: limitHandler(message),
      ...(skip ? { skip } : {}),
    });
  const runLimiters = [
    perLearner(60_000, config.runsPerMinutePerLearner, `too many simulation runs: at most ${config.runsPerMinutePerLearner} a minute per learner`),
    perAddress(60_000, config.runsPerMinutePerAddress, `too many simulation runs from this address: at most ${config.runsPerMinutePerAddress} a minute`),
  ];
  const answerLimiters = [perLearner(60_000, config.answersPerMinute, `too many answers: at most ${config.answersPerMinute} a minute per learner`)];
  const importLimiters = [perLearner(3_600_000, config.importsPerHour, `too many imports: at most ${config.importsPerHour} an hour per learner`)];

  // Quotas on what is stored (issue 14, finding 6). A learner is created by the first request
  // that saves something for a browser without our cookie: an address may create only so many.
  app.use(
    perAddress(3_600_000, config.newLearnersPerHourPerAddress, `too many new learners from this address: at most ${config.newLearnersPerHourPerAddress} an hour; keep your cookies to keep your progress`, (req) => req.method !== 'POST' || !req.newLearner || req.path === '/preferences' || req.path.startsWith('/api/simulations/')),
  );
  // And the database as a whole: past its budget, nothing new is written, and the learner is told why.
  const maxDatabaseBytes = config.maxDatabaseMb * 1024 * 1024;
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const writes = req.method === 'POST' && req.path !== '/preferences' && !req.path.startsWith('/api/simulations/');
    if (writes && maxDatabaseBytes > 0 && store.bytesUsed() > maxDatabaseBytes) {
      next(new HttpError(507, `this site's storage is full (${config.maxDatabaseMb} MiB): nothing new can be saved until the operator makes room; reading lessons still works`));
      return;
    }
    next();
  });

  app.use('/api', apiRoutes({ notebook, views, runLimiters, answerLimiters, importLimiters }));
  app.use(noteRoutes({ notes, views }));
  app.use(searchRoutes({ search, views }));
  const pages = pageRoutes({
    notebook,
    views,
    csrf: csrfTools,
    runLimiters,
    answerLimiters,
    importLimiters,
    secureCookies: config.secureCookies,
    bodyLimitBytes: config.bodyLimitBytes,
  });
  app.use(pages.router);
  app.use('/lessons/:slug/cells/:cellId/run', pages.runErrors);
  app.use('/lessons/:slug/challenges/:cellId/run', pages.runErrors);

  app.use((req: Request, _res: Response, next: NextFunction) => next(new NotFoundError(`no page at ${req.path}`)));
  app.use(errorHandler(views));
  return app;
}
