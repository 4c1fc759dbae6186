// Gzip for the responses that are big and mostly made ahead of time: lesson
// pages (a cached cell is compressed once, see views/gzip-pieces.ts) and the
// stylesheet and script. Everything else is small or per-learner and goes as it is.

import type { Request, Response } from 'express';

export interface Encodable {
  identity(): Buffer;
  gzip(): Buffer;
}

/** Sends the body gzipped when the client accepts gzip, else as it is; the Content-Type must be set already. */
export function sendEncoded(req: Request, res: Response, body: Encodable): void {
  res.vary('Accept-Encoding');
  if (req.acceptsEncodings('gzip') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.send(body.gzip());
  } else {
    res.send(body.identity());
  }
}
