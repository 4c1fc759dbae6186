// The one error handler: typed errors become clear 4xx answers, in HTML or
// JSON as the client asked; anything else is a 500 with no internals shown.

import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { ValidationError } from '../../simulations/shared/errors.ts';
import { AnswerFormatError } from '../quiz/grader.ts';
import type { RunFailure } from '../sim-runtime/execute.ts';
import type { Views } from '../views/render.ts';
import { translate } from '../i18n/strings.ts';

/** An unknown lesson, cell, engine or page: answered 404. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * A result held back until the learner has answered the predict quizzes that
 * read it, or has run the cell (server/cell-output.ts): answered 403, naming them.
 */
export class PredictFirstError extends Error {
  override readonly name = 'PredictFirstError';
  constructor(readonly quizzes: readonly string[]) {
    super(`predict first: this result answers the quizzes ${quizzes.join(', ')}; answer them, or run the cell, to see it`);
  }
}

/** An error with an HTTP status and a message safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A job the simulation pool refused or stopped (a deadline, the heap cap, a
 * busy pool) as the error the one handler answers, in JSON or HTML. A busy
 * pool is worth retrying in a moment, and says so.
 */
export function runFailureError(failure: RunFailure): HttpError {
  return new HttpError(failure.status, failure.error.message, failure.status === 503 ? { 'Retry-After': retryAfter(failure) } : {});
}

/** `Retry-After` for a refused run: the pool's estimate of its queue, at least a second. */
export function retryAfter(failure: RunFailure): string {
  return String(Math.max(1, failure.retryAfterSeconds ?? 1));
}

export function wantsJson(req: Request): boolean {
  if (req.path.startsWith('/api/')) return true;
  const accept = req.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

interface Classified {
  status: number;
  body: { message: string; line?: number; column?: number; path?: string };
  headers?: Record<string, string>;
}

// multer (the progress import form) reports its limits as a MulterError with a
// code and no status; each is the client's doing, so each is a 4xx. Sizes are
// 413 like body-parser's entity.too.large; counts and malformed names are 400.
const MULTER_ERRORS: Record<string, (field?: string) => Classified> = {
  LIMIT_FILE_SIZE: () => ({ status: 413, body: { message: 'the uploaded file is larger than 256 KiB' } }),
  LIMIT_FIELD_VALUE: (field) => ({ status: 413, body: { message: `the form field ${quoted(field)}is larger than 256 KiB` } }),
  LIMIT_PART_COUNT: () => ({ status: 400, body: { message: 'the form has too many parts' } }),
  LIMIT_FILE_COUNT: () => ({ status: 400, body: { message: 'too many files: upload one file' } }),
  LIMIT_FIELD_COUNT: () => ({ status: 400, body: { message: 'the form has too many fields' } }),
  LIMIT_FIELD_KEY: () => ({ status: 400, body: { message: 'a form field name is too long' } }),
  LIMIT_UNEXPECTED_FILE: (field) => ({ status: 400, body: { message: `unexpected file field ${quoted(field)}in the form` } }),
};

/** A client-chosen field name, shortened, for a message (escaped where it is rendered). */
function quoted(field: string | undefined): string {
  if (!field) return '';
  return `${JSON.stringify(field.length > 40 ? `${field.slice(0, 37)}...` : field)} `;
}

function classifyMulter(error: multer.MulterError): Classified {
  const known = MULTER_ERRORS[error.code];
  if (known) return known(error.field);
  // The rest (a missing, nested or invalid field name, an interrupted upload) are malformed forms.
  return { status: 400, body: { message: `the upload is not a valid form: ${error.message}` } };
}

// busboy (under multer) rejects a malformed multipart body with a plain Error;
// these are its messages (busboy 1.6: lib/index.js, lib/types/multipart.js).
const BUSBOY_MALFORMED = new Set([
  'Unexpected end of form',
  'Unexpected end of file',
  'Malformed part header',
  'Multipart: Boundary not found',
  'Malformed content type',
]);

function classify(error: unknown, req: Request): Classified {
  if (error instanceof multer.MulterError) return classifyMulter(error);
  if (error instanceof Error && BUSBOY_MALFORMED.has(error.message) && req.is('multipart/form-data')) {
    return { status: 400, body: { message: 'the upload is not a valid multipart form' } };
  }
  if (error instanceof ValidationError) return { status: 400, body: error.toJSON() };
  if (error instanceof AnswerFormatError) return { status: 400, body: { message: error.message } };
  if (error instanceof NotFoundError) return { status: 404, body: { message: error.message } };
  if (error instanceof PredictFirstError) return { status: 403, body: { message: error.message } };
  if (error instanceof HttpError) return { status: error.status, body: { message: error.message }, headers: error.headers };
  const e = error as { status?: number; statusCode?: number; type?: string; code?: string; message?: string };
  const status = e.status ?? e.statusCode;
  // body-parser and csrf-csrf errors carry a status; their messages are safe.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const messages: Record<string, string> = {
      'entity.too.large': 'the request body is larger than 256 KiB',
      'entity.parse.failed': 'the request body is not valid JSON',
      'encoding.unsupported': 'unsupported content encoding',
      'charset.unsupported': 'unsupported charset',
    };
    const message =
      (e.type && messages[e.type]) ??
      (e.code === 'EBADCSRFTOKEN' || /csrf/i.test(e.message ?? '') ? 'invalid or missing CSRF token: reload the page and try again' : e.message ?? 'bad request');
    return { status, body: { message } };
  }
  return { status: 500, body: { message: 'internal server error' } };
}

export function errorHandler(views: Views) {
  // Express recognises error handlers by their four parameters.
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body, headers } = classify(error, req);
    if (status >= 500) console.error(`[${req.method} ${req.originalUrl}]`, error);
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(status);
    if (wantsJson(req)) {
      res.json({ ok: false, error: body });
      return;
    }
    const lang = res.locals.lang ?? 'en';
    res.type('html').send(
      views.page(status === 404 ? 'not-found' : 'error', {
        ...res.locals,
        lang,
        title: translate(lang, status === 404 ? 'notFound.title' : 'error.title'),
        status,
        message: body.message,
      }),
    );
  };
}
