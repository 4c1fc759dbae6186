// Learners are anonymous: a random id in an HttpOnly, SameSite=Lax cookie,
// given on the first visit. Behind TLS the cookie is Secure and uses the
// __Host- prefix (bound to this host, path /, never set by a subdomain).
//
// The cookie is the id and its HMAC (`<id>.<mac>`, a key made on first start
// and kept in the database): an id the server did not give out is a new
// learner, so inventing ids buys no one a fresh set of per-learner limits
// (issue 14, finding 8). Cookies from before signing (a bare id) are honoured
// for learners the database knows, and signed from then on.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

export interface LearnerCookies {
  secure: boolean;
  /** The HMAC key (Store.serverSecret): the same across restarts, so cookies stay valid. */
  key: string;
  /** Whether a learner with this id has anything saved (for cookies from before signing). */
  knownLearner(id: string): boolean;
}

/** The cookie value for a learner id: the id and its MAC. */
export function signedLearnerId(id: string, key: string): string {
  return `${id}.${mac(id, key)}`;
}

function mac(id: string, key: string): string {
  return createHmac('sha256', key).update(`kn_learner:${id}`).digest('base64url').slice(0, 32);
}

/** The learner id a cookie value proves, if any. */
export function verifiedLearnerId(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const dot = value.indexOf('.');
  if (dot < 0) return undefined;
  const id = value.slice(0, dot);
  if (!ID.test(id)) return undefined;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(id, key));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

export function learnerMiddleware({ secure, key, knownLearner }: LearnerCookies) {
  const name = learnerCookieName(secure);
  return (req: Request, res: Response, next: NextFunction) => {
    const value = req.cookies?.[name];
    const signed = verifiedLearnerId(value, key);
    // A bare id is a cookie given before signing: kept for a learner with something saved.
    const legacy = signed === undefined && typeof value === 'string' && ID.test(value) && knownLearner(value) ? value : undefined;
    const existing = signed ?? legacy;
    if (existing !== undefined) {
      req.learnerId = existing;
      req.newLearner = false;
    } else {
      req.learnerId = newLearnerId();
      req.newLearner = true;
    }
    // Refresh on every response so an active learner's cookie never expires.
    res.cookie(name, signedLearnerId(req.learnerId, key), { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ONE_YEAR_MS });
    next();
  };
}
