// The one error handler: typed errors become clear 4xx answers, in HTML or
// JSON as the client asked; anything else is a 500 with no internals shown.

import type { NextFunction, Request, Response } from 'express';
import { NotFoundError, ValidationError } from '../../simulations/shared/errors.ts';
import { AnswerFormatError } from '../quiz/grader.ts';
import type { Views } from '../views/render.ts';
import { translate } from '../i18n/strings.ts';

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

function classify(error: unknown): Classified {
  if (error instanceof ValidationError) return { status: 400, body: error.toJSON() };
  if (error instanceof AnswerFormatError) return { status: 400, body: { message: error.message } };
  if (error instanceof NotFoundError) return { status: 404, body: { message: error.message } };
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
    const { status, body, headers } = classify(error);
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
