// Renders lesson prose to HTML once, at start-up: marked for Markdown,
// highlight.js for code (on the server, so pages need no JavaScript), heading
// anchors for the table of contents, styled callouts, and link checks.
//
// Lesson Markdown is our own content, but the rendered HTML still goes out
// with {{{ }}}, so this renderer is the one place that decides what markup is
// allowed: raw HTML in Markdown is escaped, and links keep only safe schemes.

import { Marked, type Tokens } from 'marked';
import hljs from 'highlight.js/lib/core';
import yaml from 'highlight.js/lib/languages/yaml';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import go from 'highlight.js/lib/languages/go';
import plaintext from 'highlight.js/lib/languages/plaintext';
import shell from 'highlight.js/lib/languages/shell';
import ini from 'highlight.js/lib/languages/ini';
import diff from 'highlight.js/lib/languages/diff';
import { escapeHtml } from '../views/escape.ts';
import { linkNoteCitations } from './note-refs.ts';

export { escapeHtml };

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('sh', bash);
hljs.registerLanguage('shell', shell);
hljs.registerLanguage('console', shell);
hljs.registerLanguage('json', json);
hljs.registerLanguage('go', go);
hljs.registerLanguage('text', plaintext);
hljs.registerLanguage('plaintext', plaintext);
hljs.registerLanguage('ini', ini);
hljs.registerLanguage('toml', ini);
hljs.registerLanguage('diff', diff);

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

/** Callout labels (English and Chinese) and the class each gets. */
const CALLOUTS: [RegExp, string][] = [
  [/^(Note check|笔记纠错)[:：]?$/i, 'note-check'],
  [/^(Interview tip|面试提示)[:：]?$/i, 'interview-tip'],
  [/^(Try it|动手试试)[:：]?$/i, 'try-it'],
  [/^(Warning|注意)[:：]?$/i, 'warning'],
];

/** Only these link targets are rendered as links; anything else (javascript:, data:) becomes text. */
export function isSafeUrl(href: string): boolean {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return true;
  // Relative links and fragments: no scheme at all.
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//');
}

/** A heading's anchor id: lowercase words joined by dashes; CJK characters are kept. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z]+;|&#\d+;/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-') || 'section'
  );
}

export function highlightCode(code: string, lang: string | undefined): string {
  const language = lang && hljs.getLanguage(lang) ? lang : undefined;
  const html = language ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escapeHtml(code);
  const cls = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
  return `<pre><code${cls}>${html}</code></pre>`;
}

/**
 * A Markdown renderer for one lesson. Heading ids are unique across all the
 * prose of that lesson, and every `##`/`###` heading is collected for the TOC.
 */
export class LessonMarkdown {
  readonly toc: TocEntry[] = [];
  private readonly usedIds = new Set<string>();
  private readonly marked: Marked;

  constructor(reservedIds: Iterable<string> = []) {
    for (const id of reservedIds) this.usedIds.add(id);
    const self = this;
    this.marked = new Marked({
      gfm: true,
      async: false,
      renderer: {
        code({ text, lang }: Tokens.Code): string {
          return highlightCode(text, (lang ?? '').split(/\s+/)[0] || undefined);
        },
        html({ text }: Tokens.HTML | Tokens.Tag): string {
          return escapeHtml(text);
        },
        heading({ tokens, depth }: Tokens.Heading): string {
          const inner = this.parser.parseInline(tokens);
          const id = self.uniqueId(slugify(inner));
          if (depth === 2 || depth === 3) self.toc.push({ id, text: stripTags(inner), depth });
          return `<h${depth} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true" tabindex="-1">#</a>${inner}</h${depth}>\n`;
        },
        link({ href, title, tokens }: Tokens.Link): string {
          const inner = this.parser.parseInline(tokens);
          if (!isSafeUrl(href)) return inner;
          const external = /^https?:/i.test(href);
          const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
          const rel = external ? ' rel="noopener noreferrer" class="external"' : '';
          return `<a href="${escapeHtml(href)}"${titleAttr}${rel}>${inner}</a>`;
        },
        image({ href, text }: Tokens.Image): string {
          if (!isSafeUrl(href) || /^https?:/i.test(href)) return escapeHtml(text); // offline: no remote images
          return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}" loading="lazy">`;
        },
        blockquote({ tokens }: Tokens.Blockquote): string {
          const inner = this.parser.parse(tokens);
          const kind = calloutKind(tokens);
          // A note check links each citation of the notes to the lines it cites (/notes/001?lines=394-399#L394).
          if (kind === 'note-check') return `<aside class="callout callout-${kind}" role="note">\n${linkNoteCitations(inner)}</aside>\n`;
          if (kind) return `<aside class="callout callout-${kind}" role="note">\n${inner}</aside>\n`;
          return `<blockquote>\n${inner}</blockquote>\n`;
        },
      },
    });
  }

  render(markdown: string): string {
    return this.marked.parse(markdown) as string;
  }

  renderInline(markdown: string): string {
    return this.marked.parseInline(markdown) as string;
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }
}

function calloutKind(tokens: Tokens.Generic[]): string | undefined {
  const first = tokens[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const lead = (first as Tokens.Paragraph).tokens[0];
  if (!lead || lead.type !== 'strong') return undefined;
  const label = (lead as Tokens.Strong).text.trim();
  return CALLOUTS.find(([pattern]) => pattern.test(label))?.[1];
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
