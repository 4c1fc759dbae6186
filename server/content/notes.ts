// The source notes (../shared/notes, NNN_<hash>.txt, in Chinese) as pages:
// read and rendered once at start-up, line by line, so a lesson's "note check"
// can link to the very lines it quotes (/notes/001#L394). The notes live beside
// the project, not in it: when the folder is absent (a clean clone), there are
// simply no notes and /notes/ says so (404).
//
// Each line is rendered on its own as inline Markdown with the lessons' marked
// setup (raw HTML escaped, unsafe links dropped): the notes are Markdown-ish
// text whose line numbers the lessons cite, so the line is the unit.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LessonMarkdown } from './markdown.ts';

export interface NoteLine {
  n: number;
  text: string;
  html: string;
}

export interface Note {
  /** "001": how the lessons cite it, and its URL (/notes/001). */
  id: string;
  file: string;
  lines: NoteLine[];
  /** The README's "what it is" for this file, when it has one. */
  about?: string;
}

export interface NotesIndex {
  dir: string;
  notes: Note[];
  byId: Map<string, Note>;
}

const NOTE_FILE = /^(\d{3})_[0-9a-z]+\.txt$/;

export function loadNotes(dir: string): NotesIndex {
  const notes: Note[] = [];
  if (existsSync(dir)) {
    const about = readmeDescriptions(join(dir, 'README.md'));
    const markdown = new LessonMarkdown();
    for (const file of readdirSync(dir).sort()) {
      const match = NOTE_FILE.exec(file);
      if (!match) continue;
      const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');
      const lines = text.split('\n').map((line, i) => ({ n: i + 1, text: line, html: line.trim() === '' ? '' : markdown.renderInline(line) }));
      notes.push({ id: match[1], file, lines, about: about.get(file) });
    }
  }
  return { dir, notes, byId: new Map(notes.map((n) => [n.id, n])) };
}

/** "| 000_b4….txt | what it is | topics |" rows of the notes' README. */
function readmeDescriptions(file: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const m of readFileSync(file, 'utf8').matchAll(/^\|\s*(\d{3}_[0-9a-z]+\.txt)\s*\|\s*([^|]+?)\s*\|/gm)) out.set(m[1], m[2]);
  return out;
}

export { noteHref, parseRange, sourceRefs, type NoteRef } from './note-refs.ts';
