// Request security: headers (helmet, strict CSP), cross-site request refusal,
// CSRF tokens for HTML forms, and JSON-only API writes.
//
// CSRF defence in depth:
// 1. Any state-changing request that the browser marks `Sec-Fetch-Site:
//    cross-site`, or whose Origin is not this site, is refused with 403.
// 2. HTML forms (urlencoded or multipart) must carry a CSRF token bound to the
//    learner (double-submit cookie, csrf-csrf).
// 3. The JSON API accepts writes only as `application/json`, which a cross-site
//    form cannot send without a CORS preflight this server never grants.

import helmet from 'helmet';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false, // set by the TLS terminator, which knows whether TLS is on
  });
}

/** Refuses state-changing requests that come from another site. */
export function crossSiteGuard(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site') {
      return next(new HttpError(403, 'cross-site requests are not allowed'));
    }
    const origin = req.get('origin');
    if (origin !== undefined && origin !== 'null') {
      const host = req.get('host');
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (!host || originHost !== host) return next(new HttpError(403, 'requests from another origin are not allowed'));
    } else if (origin === 'null') {
      return next(new HttpError(403, 'requests from an opaque origin are not allowed'));
    }
    next();
  };
}

/** JSON API writes must be JSON (see 3. above). */
export function requireJson(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!req.is('application/json')) {
      return next(new HttpError(415, 'the API accepts only Content-Type: application/json'));
    }
    next();
  };
}

export interface Csrf {
  /** Middleware for HTML form posts: rejects a missing or wrong token with 403. */
  protect: RequestHandler;
  /** A token for the page being rendered (also sets the CSRF cookie). */
  token(req: Request, res: Response): string;
}

export function csrf(secret: string, secure: boolean): Csrf {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => req.learnerId,
    cookieName: secure ? '__Host-kn_csrf' : 'kn_csrf',
    cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? req.get('x-csrf-token');
    },
    errorConfig: { statusCode: 403, message: 'invalid or missing CSRF token: reload the page and try again', code: 'EBADCSRFTOKEN' },
  });
  return {
    protect: doubleCsrfProtection,
    token: (req, res) => generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false }),
  };
}
