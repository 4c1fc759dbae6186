// How lessons cite the source notes, and the links those citations become.
// Imports nothing: the Markdown renderer (note checks) and the lesson page
// (its sources) both use it.

/** A cited stretch of a note: lines from..to (1-based, inclusive). */
export interface NoteRef {
  note: string;
  from: number;
  to: number;
}

/** The page showing a cited stretch: `/notes/001?lines=394-399#L394`. */
export function noteHref({ note, from, to }: NoteRef): string {
  return `/notes/${note}?lines=${from === to ? from : `${from}-${to}`}#L${from}`;
}

/** "394-399" or "357" → [from, to]; undefined when it is not a range. */
export function parseRange(text: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from >= 1 && from <= to ? [from, to] : undefined;
}

/**
 * The line ranges a `sources` entry names, as links:
 * `"000: the scheduler (lines 59-70, 72)"` → refs 000:59-70 and 000:72.
 */
export function sourceRefs(source: string): NoteRef[] {
  const note = /^(\d{3}):/.exec(source)?.[1];
  if (!note) return [];
  const refs: NoteRef[] = [];
  for (const group of source.matchAll(/\(lines? ([\d, -]+)\)/g)) {
    for (const part of group[1].split(/,\s*/)) {
      const range = parseRange(part);
      if (range) refs.push({ note, from: range[0], to: range[1] });
    }
  }
  return refs;
}

const RANGES = String.raw`\d+(?:-\d+)?(?:(?:, |、)\d+(?:-\d+)?)*`;
/**
 * A citation inside a note check, in either language:
 * `(001, lines 394-399)`, `(line 173)` (the note named last), `(003)`;
 * `（001，第 394-399 行）`, `（第 82-85 行）`, `（003）`.
 */
const CITATION = new RegExp(
  [
    String.raw`\((\d{3})(?:, lines? (${RANGES}))?\)`,
    String.raw`\(lines? (${RANGES})\)`,
    String.raw`（(\d{3})(?:，第 (${RANGES}) 行)?）`,
    String.raw`（第 (${RANGES}) 行）`,
  ].join('|'),
  'g',
);

/** The refs of "394-399, 401" for note `note`. */
function rangesOf(note: string, text: string): NoteRef[] {
  return text
    .split(/, |、/)
    .map(parseRange)
    .filter((r): r is [number, number] => r !== undefined)
    .map(([from, to]) => ({ note, from, to }));
}

/** The page showing one or more stretches of a note, at the first: `/notes/001?lines=394-399#L394`. */
export function noteLinesHref(refs: NoteRef[]): string {
  const lines = refs.map(({ from, to }) => (from === to ? String(from) : `${from}-${to}`)).join(',');
  return `/notes/${refs[0].note}?lines=${lines}#L${refs[0].from}`;
}

/**
 * Turns the citations in a note check's rendered HTML into links to the lines
 * they cite. A citation without a note number refers to the note cited last in
 * the same callout. Citations are plain text in the HTML (digits, parentheses),
 * so they never fall inside a tag.
 */
export function linkNoteCitations(html: string): string {
  let last: string | undefined;
  return html.replace(CITATION, (whole, enNote, enLines, enBare, zhNote, zhLines, zhBare) => {
    const note: string | undefined = enNote ?? zhNote ?? last;
    const lines: string | undefined = enLines ?? enBare ?? zhLines ?? zhBare;
    if (!note) return whole;
    last = note;
    const open = whole.startsWith('（') ? '（' : '(';
    const close = open === '（' ? '）' : ')';
    const inner = whole.slice(1, -1);
    const refs = lines ? rangesOf(note, lines) : [];
    const href = refs.length > 0 ? noteLinesHref(refs) : `/notes/${note}`;
    return `${open}<a class="note-ref" href="${href}">${inner}</a>${close}`;
  });
}
