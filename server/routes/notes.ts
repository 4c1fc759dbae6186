// The source notes as pages: /notes/ lists them, /notes/001 shows one, line by
// line, each line an anchor (#L394) that the lessons' note checks link to;
// `?lines=394-399,401` marks the cited lines (without JavaScript).

import { Router, type Response } from 'express';
import type { NotesIndex } from '../content/notes.ts';
import { parseRange } from '../content/note-refs.ts';
import type { Views } from '../views/render.ts';
import { NotFoundError } from '../http/errors.ts';
import type { Lang } from '../content/model.ts';
import { plural, translate } from '../i18n/strings.ts';

export interface NoteDeps {
  notes: NotesIndex;
  views: Views;
}

/** "394-399,401" → the set of marked lines; anything malformed or huge marks nothing. */
export function markedLines(value: unknown, lineCount: number): Set<number> {
  const marked = new Set<number>();
  if (typeof value !== 'string' || value.length > 200) return marked;
  for (const part of value.split(',').slice(0, 20)) {
    const range = parseRange(part);
    if (!range) continue;
    for (let n = range[0]; n <= Math.min(range[1], lineCount); n++) marked.add(n);
  }
  return marked;
}

export function noteRoutes({ notes, views }: NoteDeps): Router {
  const router = Router();
  const render = (res: Response, page: string, model: Record<string, unknown>) => {
    res.type('html').send(views.page(page, { ...res.locals, ...model }));
  };
  const noNotes = () => new NotFoundError(`the source notes are not on this server (looked in ${notes.dir || 'no folder'}; set NOTES_DIR)`);

  router.get('/notes/', (_req, res) => {
    if (notes.notes.length === 0) throw noNotes();
    const lang = res.locals.lang as Lang;
    render(res, 'notes', {
      title: translate(lang, 'notes.title'),
      notes: notes.notes.map((n) => ({ id: n.id, file: n.file, about: n.about, lines: plural(lang, 'notes.lines', n.lines.length) })),
    });
  });

  router.get('/notes/:name', (req, res) => {
    const name = String(req.params.name);
    // The file's own name works too, and lands on the short address.
    const file = /^(\d{3})_[0-9a-z]+\.txt$/.exec(name);
    if (file && notes.byId.get(file[1])?.file === name) {
      const query = req.originalUrl.indexOf('?');
      return res.redirect(301, `/notes/${file[1]}${query >= 0 ? req.originalUrl.slice(query) : ''}`);
    }
    const note = notes.byId.get(name);
    if (!note) throw notes.notes.length === 0 ? noNotes() : new NotFoundError(`no note "${name}" (the notes are ${notes.notes.map((n) => n.id).join(', ')})`);
    const lang = res.locals.lang as Lang;
    const marked = markedLines(req.query.lines, note.lines.length);
    const first = Math.min(...marked);
    render(res, 'note', {
      title: translate(lang, 'notes.note', { id: note.id }),
      note: { id: note.id, file: note.file, about: note.about },
      count: plural(lang, 'notes.lines', note.lines.length),
      marked: marked.size > 0 ? { first, last: Math.max(...marked) } : undefined,
      lines: note.lines.map((l) => ({ n: l.n, html: l.html, marked: marked.has(l.n) })),
    });
  });

  return router;
}
