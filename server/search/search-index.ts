// Full-text search over the lessons (prose by section, quiz prompts and their
// follow-up questions, simulation cells) in both languages, and the source
// notes, line by line. Built once at start-up into an in-memory SQLite FTS5
// table, apart from the learner database; a request runs one query.
//
// Chinese has no spaces between words, and FTS5's trigram tokenizer needs
// three characters, so a two-character query such as 调度 would find nothing.
// Instead, every run of CJK characters is indexed as its overlapping bigrams
// (调度器 → "调度 度器"), as Lucene's CJKAnalyzer does, and a query's CJK run
// becomes the phrase of its bigrams: 调度 matches the token 调度, 调度器 the
// phrase "调度 度器". Latin words go through FTS5's porter stemmer and match
// as prefixes (schedul* finds scheduler and scheduling). Ranking is bm25, a
// title match counting ten times a body match. Snippets are cut from the
// original text here, escaped, and only then given their <mark> tags.

import Database from 'better-sqlite3';
import type { ContentIndex, Lang, Lesson } from '../content/model.ts';
import { LANGS, lessonFor } from '../content/model.ts';
import type { NotesIndex } from '../content/notes.ts';
import { escapeHtml } from '../views/escape.ts';
import { lessonPath } from '../i18n/language-paths.ts';

export interface SearchHit {
  kind: 'lesson' | 'quiz' | 'sim' | 'challenge' | 'note';
  href: string;
  /** Plain text: the section heading, the quiz prompt, the sim cell's id ("001:398" for a note line). */
  title: string;
  /** Where: the lesson's title, or the note's number. */
  where: string;
  /** A note's line. */
  line?: number;
  /** Escaped HTML with the matches in <mark>. */
  snippet: string;
}

export interface SearchResult {
  /** The terms searched for, after dropping what cannot be searched. */
  terms: string[];
  lessons: SearchHit[];
  notes: SearchHit[];
  /** The query was cut to MAX_QUERY_CHARS. */
  truncated: boolean;
}

export const MAX_QUERY_CHARS = 200;
const MAX_TERMS = 12;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/u;
const TERM = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

/** The text as the index sees it: each CJK run as its overlapping bigrams. */
export function bigrams(text: string): string {
  return text.replace(new RegExp(CJK.source, 'gu'), (run) => ` ${cjkTokens([...run]).join(' ')} `);
}

function cjkTokens(chars: string[]): string[] {
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * The words of a query a learner typed, and the FTS5 expression for them.
 * Everything but letters and digits is dropped, so FTS5 syntax (quotes, `*`,
 * `NEAR`, `:`, parentheses) never reaches the parser: each term is a quoted string.
 *
 * @example
 *   ftsQuery('kube-scheduler 调度') // → { terms: ['kube', 'scheduler', '调度'], match: '"kube"* "scheduler"* "调度"' }
 */
export function ftsQuery(query: string): { terms: string[]; match: string } {
  const terms: string[] = [];
  for (const [word] of query.matchAll(TERM)) {
    const chars = [...word];
    if (chars.length < 2) continue; // one letter or one character matches too much to help
    if (!terms.includes(word.toLowerCase())) terms.push(word.toLowerCase());
    if (terms.length === MAX_TERMS) break;
  }
  const match = terms
    .map((term) => (CJK.test(term) ? `"${cjkTokens([...term]).join(' ')}"` : `"${term}"*`))
    .join(' ');
  return { terms, match };
}

/** HTML to the text a reader sees (for indexing rendered prose). */
export function htmlToText(html: string): string {
  return html
    .replace(/<a class="anchor"[^>]*>#<\/a>/g, '')
    .replace(/<(?:br|\/p|\/li|\/h\d|\/pre|\/tr)[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** What a term looks like in the text, for marking it: a CJK run as it is, a word by its stem-ish prefix. */
function termPattern(term: string): string {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (CJK.test(term)) return escaped(term);
  const stem = term.length > 5 ? term.slice(0, Math.max(4, term.length - 3)) : term;
  return `(?<![\\p{L}\\p{N}])${escaped(stem)}[\\p{L}\\p{N}]*`;
}

/**
 * About `width` characters of `text` around the first match of a term,
 * escaped, each match wrapped in <mark>.
 */
export function snippet(text: string, terms: string[], width = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (terms.length === 0) return escapeHtml(flat.slice(0, width));
  const pattern = new RegExp(terms.map(termPattern).join('|'), 'giu');
  const first = pattern.exec(flat);
  pattern.lastIndex = 0;
  const chars = [...flat];
  // Work in code points so a cut never splits a character.
  const firstAt = first ? [...flat.slice(0, first.index)].length : 0;
  const start = Math.max(0, Math.min(firstAt - Math.floor(width / 3), chars.length - width));
  const end = Math.min(chars.length, start + width);
  const piece = chars.slice(start, end).join('');
  let html = '';
  let last = 0;
  for (const m of piece.matchAll(pattern)) {
    html += escapeHtml(piece.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  html += escapeHtml(piece.slice(last));
  return `${start > 0 ? '…' : ''}${html}${end < chars.length ? '…' : ''}`;
}

interface Doc {
  lang: Lang | '*';
  kind: SearchHit['kind'];
  href: string;
  title: string;
  where: string;
  body: string;
  line?: number;
}

/** A lesson's searchable pieces: prose by section, each quiz, each simulation cell. */
function lessonDocs(lesson: Lesson, lang: Lang): Doc[] {
  const docs: Doc[] = [];
  const href = (anchor: string) => lessonPath(lang, lesson.slug, `#${anchor}`);
  const where = lesson.title;
  let section = { anchor: '', title: lesson.title };
  for (const cell of lesson.cells) {
    if (cell.kind === 'markdown') {
      // Split at ## and ### headings: a hit lands on its section.
      const parts = cell.html.split(/(?=<h[23] id=")/);
      for (const part of parts) {
        const heading = /^<h[23] id="([^"]+)">([\s\S]*?)<\/h[23]>/.exec(part);
        if (heading) section = { anchor: heading[1], title: htmlToText(heading[2]) };
        const body = htmlToText(heading ? part.slice(heading[0].length) : part);
        if (body === '' && !heading) continue;
        docs.push({ lang, kind: 'lesson', href: href(heading ? heading[1] : section.anchor || cell.id), title: section.title, where, body });
      }
    } else if (cell.kind === 'quiz') {
      const h = cell.html;
      const body = [h.prompt, ...h.choices.map((c) => c.text), h.followUpQuestion].map(htmlToText).join('\n');
      docs.push({ lang, kind: 'quiz', href: href(`cell-${cell.id}`), title: htmlToText(h.prompt), where, body });
    } else if (cell.kind === 'challenge') {
      const h = cell.html;
      const body = [h.title, h.task, ...h.objectives].map(htmlToText).join('\n');
      docs.push({ lang, kind: 'challenge', href: href(`cell-${cell.id}`), title: htmlToText(h.title), where, body });
    } else {
      // A scenario's comments say what it sets up.
      const comments = cell.input.split('\n').filter((l) => /^\s*#/.test(l)).map((l) => l.replace(/^\s*#\s?/, '')).join('\n');
      // Titled by its id only: the engine's name ("kube-scheduler") would make every cell of a chapter match its topic.
      docs.push({ lang, kind: 'sim', href: href(`cell-${cell.id}`), title: cell.id, where: `${where} · ${cell.engineTitle}`, body: comments || cell.id });
    }
  }
  return docs;
}

export class SearchIndex {
  private built: { readonly db: Database.Database; readonly query: Database.Statement; readonly docs: readonly Doc[] } | undefined;

  // Built on the first search, not at start-up: about 0.1 s of CPU that the first page of a
  // freshly started site should not wait for (npm run bench, cold start).
  constructor(
    private readonly content: ContentIndex,
    private readonly notes: NotesIndex,
  ) {}

  private index(): NonNullable<SearchIndex['built']> {
    if (this.built) return this.built;
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, lang UNINDEXED, kind UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')`);
    const insert = db.prepare('INSERT INTO docs (rowid, title, body, lang, kind) VALUES (?, ?, ?, ?, ?)');
    const docs: Doc[] = [];
    for (const chapter of this.content.chapters) {
      // A chapter not yet translated is searched in English from the Chinese pages too, as it is shown.
      for (const lang of LANGS) docs.push(...lessonDocs(lessonFor(chapter, lang), lang));
    }
    for (const note of this.notes.notes) {
      for (const line of note.lines) {
        if (line.text.trim() === '') continue;
        docs.push({ lang: '*', kind: 'note', href: `/notes/${note.id}?lines=${line.n}#L${line.n}`, title: `${note.id}:${line.n}`, where: note.id, line: line.n, body: line.text });
      }
    }
    db.transaction(() => {
      docs.forEach((doc, i) => insert.run(i, bigrams(doc.title), bigrams(doc.body), doc.lang, doc.kind === 'note' ? 'note' : 'lesson'));
    })();
    const query = db.prepare(`SELECT rowid AS id FROM docs WHERE docs MATCH ? AND (lang = ? OR lang = '*') AND kind = ? ORDER BY bm25(docs, 10.0, 1.0) LIMIT ?`);
    this.built = { db, query, docs };
    return this.built;
  }

  get size(): number {
    return this.index().docs.length;
  }

  /** The best lesson and note hits for what a learner typed, in their language. */
  search(raw: string, lang: Lang, limit = 20): SearchResult {
    const truncated = raw.length > MAX_QUERY_CHARS;
    const { terms, match } = ftsQuery(raw.slice(0, MAX_QUERY_CHARS));
    if (terms.length === 0) return { terms, lessons: [], notes: [], truncated };
    const { query, docs } = this.index();
    const run = (kind: 'lesson' | 'note') =>
      (query.all(match, lang, kind, limit) as { id: number }[]).map(({ id }) => {
        const doc = docs[id];
        return { kind: doc.kind, href: doc.href, title: doc.title, where: doc.where, line: doc.line, snippet: snippet(doc.body, terms) };
      });
    return { terms, lessons: run('lesson'), notes: run('note'), truncated };
  }

  close(): void {
    this.built?.db.close();
    this.built = undefined;
  }
}
