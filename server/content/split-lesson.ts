// Splits a lesson file into front matter, prose and cell blocks, keeping line
// numbers so every content error can say `file:line`.
//
// A cell is a top-level fenced block whose info string starts with `sim`,
// `quiz` or `challenge`; every other fenced block (```yaml, ````markdown ...) is prose, and
// what is inside it is never mistaken for a cell.

import { ContentError } from './content-error.ts';

export interface ProseBlock {
  kind: 'prose';
  text: string;
  line: number;
}

export interface SimBlock {
  kind: 'sim';
  engine: string;
  id: string;
  /** A scenario file beside the lesson, when the body is loaded from one. */
  file?: string;
  body: string;
  line: number;
}

export interface QuizBlock {
  kind: 'quiz';
  id: string;
  body: string;
  line: number;
  /** Line of the first body line (for YAML error positions). */
  bodyLine: number;
}

export interface ChallengeBlock {
  kind: 'challenge';
  engine: string;
  id: string;
  /** The start scenario in a file beside the lesson (else the body's `start:`). */
  file?: string;
  body: string;
  line: number;
  bodyLine: number;
}

export type LessonBlock = ProseBlock | SimBlock | QuizBlock | ChallengeBlock;

export interface SplitLesson {
  frontMatter: string;
  frontMatterLine: number;
  blocks: LessonBlock[];
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const CELL_ID = /^[a-z0-9][a-z0-9-]*$/;

export function splitLesson(text: string, file: string): SplitLesson {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---') throw new ContentError(file, 1, 'a lesson must start with front matter between "---" lines');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new ContentError(file, 1, 'front matter is not closed by a "---" line');
  const frontMatter = lines.slice(1, end).join('\n');

  const blocks: LessonBlock[] = [];
  let prose: string[] = [];
  let proseStart = end + 2;
  const flushProse = (nextLine: number) => {
    const textBlock = prose.join('\n');
    if (textBlock.trim() !== '') blocks.push({ kind: 'prose', text: textBlock, line: proseStart });
    prose = [];
    proseStart = nextLine;
  };

  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fence = FENCE.exec(line);
    if (!fence) {
      prose.push(line);
      continue;
    }
    const [, marker, info] = fence;
    const close = findClosingFence(lines, i + 1, marker);
    if (close < 0) throw new ContentError(file, lineNo, `fenced block opened with ${marker} is never closed`);
    const words = info.trim().split(/\s+/).filter(Boolean);
    const kind = words[0];
    if (kind !== 'sim' && kind !== 'quiz' && kind !== 'challenge') {
      // Ordinary code block: stays in the prose, untouched.
      prose.push(...lines.slice(i, close + 1));
      i = close;
      continue;
    }
    flushProse(close + 2);
    const body = lines.slice(i + 1, close).join('\n');
    const attrs = parseAttributes(words.slice(kind === 'quiz' ? 1 : 2), file, lineNo);
    const id = attrs.get('id');
    if (!id) throw new ContentError(file, lineNo, `a ${kind} cell needs id=<cell-id> in its info string`);
    if (!CELL_ID.test(id)) {
      throw new ContentError(file, lineNo, `cell id "${id}" must match [a-z0-9][a-z0-9-]*`);
    }
    if (kind === 'sim' || kind === 'challenge') {
      const engine = words[1];
      if (!engine || engine.includes('=')) {
        throw new ContentError(file, lineNo, `a ${kind} cell names its engine: \`\`\`${kind} <engine> id=<cell-id>`);
      }
      checkKnownAttributes(attrs, ['id', 'file'], file, lineNo);
      if (kind === 'sim') blocks.push({ kind: 'sim', engine, id, file: attrs.get('file'), body, line: lineNo });
      else blocks.push({ kind: 'challenge', engine, id, file: attrs.get('file'), body, line: lineNo, bodyLine: lineNo + 1 });
    } else {
      checkKnownAttributes(attrs, ['id'], file, lineNo);
      blocks.push({ kind: 'quiz', id, body, line: lineNo, bodyLine: lineNo + 1 });
    }
    i = close;
  }
  flushProse(lines.length + 1);
  return { frontMatter, frontMatterLine: 2, blocks };
}

function findClosingFence(lines: string[], from: number, marker: string): number {
  const pattern = new RegExp(`^${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  for (let j = from; j < lines.length; j++) if (pattern.test(lines[j])) return j;
  return -1;
}

function parseAttributes(words: string[], file: string, line: number): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new ContentError(file, line, `"${word}" in the info string is not key=value`);
    const key = word.slice(0, eq);
    if (attrs.has(key)) throw new ContentError(file, line, `"${key}" is given twice in the info string`);
    attrs.set(key, word.slice(eq + 1));
  }
  return attrs;
}

function checkKnownAttributes(attrs: Map<string, string>, known: string[], file: string, line: number): void {
  for (const key of attrs.keys()) {
    if (!known.includes(key)) {
      throw new ContentError(file, line, `unknown info-string attribute "${key}" (known: ${known.join(', ')})`);
    }
  }
}
