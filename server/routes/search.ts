// /search?q=…: a results page that needs no JavaScript. Whatever is typed,
// the answer is a page (an empty query, FTS5 syntax, a very long query, a query
// that matches nothing): the index only ever sees quoted terms.

import { Router } from 'express';
import type { Lang } from '../content/model.ts';
import { MAX_QUERY_CHARS, type SearchHit, type SearchIndex } from '../search/search-index.ts';
import type { Views } from '../views/render.ts';
import { plural, translate } from '../i18n/strings.ts';

/** Hits shown per section (lessons, notes). */
const SEARCH_LIMIT = 20;

export function searchRoutes({ search, views }: { search: SearchIndex; views: Views }): Router {
  const router = Router();
  router.get('/search', (req, res) => {
    const lang = res.locals.lang as Lang;
    const raw = typeof req.query.q === 'string' ? req.query.q : '';
    const query = raw.trim();
    const result = search.search(query, lang, SEARCH_LIMIT);
    const label = (hit: SearchHit) => (hit.kind === 'quiz' ? translate(lang, 'search.quiz') : hit.kind === 'sim' ? translate(lang, 'search.sim') : hit.kind === 'challenge' ? translate(lang, 'challenge.label') : undefined);
    const shown = query.slice(0, MAX_QUERY_CHARS);
    const total = result.lessons.length + result.notes.length;
    const count = (n: number) => (n === SEARCH_LIMIT ? translate(lang, 'search.best', { count: n }) : plural(lang, 'search.hits', n));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(
      views.page('search', {
        ...res.locals,
        title: query ? translate(lang, 'search.resultsFor', { query: shown }) : translate(lang, 'search.title'),
        searchQuery: shown,
        query: shown,
        searched: result.terms.length > 0,
        truncated: result.truncated ? translate(lang, 'search.truncated', { limit: MAX_QUERY_CHARS }) : undefined,
        total: result.lessons.length === SEARCH_LIMIT || result.notes.length === SEARCH_LIMIT ? undefined : plural(lang, 'search.hits', total),
        found: total > 0,
        lessons: result.lessons.map((hit) => {
          const kind = label(hit);
          return { ...hit, snippetHtml: hit.snippet, title: kind ? translate(lang, 'search.labelled', { label: kind, title: hit.title }) : hit.title };
        }),
        notes: result.notes.map((hit) => ({ ...hit, snippetHtml: hit.snippet, title: translate(lang, 'search.noteLine', { id: hit.where, n: hit.line }) })),
        // A full list is the best LIMIT hits of more, and says so.
        lessonCount: count(result.lessons.length),
        noteCount: count(result.notes.length),
      }),
    );
  });
  return router;
}
