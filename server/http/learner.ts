// Learners are anonymous: a random id in an HttpOnly, SameSite=Lax cookie,
// given on the first visit. Behind TLS the cookie is Secure and uses the
// __Host- prefix (bound to this host, path /, never set by a subdomain).

import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    learnerId: string;
    /** True when the learner cookie was created by this request. */
    newLearner: boolean;
  }
}

const ID = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** A cookie's name: behind TLS with the __Host- prefix (Secure, path /, this host only). */
export function cookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

/** How a preference (language, theme) is kept: a year, on this site only, out of scripts' reach. */
export function preferenceCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: ONE_YEAR_MS };
}

export function learnerCookieName(secure: boolean): string {
  return cookieName('kn_learner', secure);
}

export function newLearnerId(): string {
  return randomBytes(16).toString('base64url');
}

export function learnerMiddleware(secure: boolean) {
  const name = learnerCookieName(secure);
  return (req: Request, res: Response, next: NextFunction) => {
    const existing = req.cookies?.[name];
    if (typeof existing === 'string' && ID.test(existing)) {
      req.learnerId = existing;
      req.newLearner = false;
    } else {
      req.learnerId = newLearnerId();
      req.newLearner = true;
    }
    // Refresh on every response so an active learner's cookie never expires.
    res.cookie(name, req.learnerId, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ONE_YEAR_MS });
    next();
  };
}
