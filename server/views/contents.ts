// The lesson's Contents (issue 13, point 10): its ## and ### headings with the
// cells under each, named by what they are (a quiz by its question, a
// simulation by its scenario) and marked done, missed or not tried yet.

import type { Lang, Lesson } from '../content/model.ts';
import { challengeStanding, type ChallengeState, type LatestAttempt } from '../db/store.ts';
import { translate } from '../i18n/strings.ts';

export type CellMark = 'done' | 'missed' | 'untried';

export interface ContentsCell {
  anchor: string;
  kind: 'sim' | 'quiz' | 'challenge';
  title: string;
  mark: CellMark;
  /** "done", "missed", "not tried yet", in the learner's language. */
  markLabel: string;
}

export interface ContentsSection {
  id?: string;
  text?: string;
  depth: number;
  cells: ContentsCell[];
}

const MARK_KEYS: Record<CellMark, string> = { done: 'toc.done', missed: 'toc.missed', untried: 'toc.untried' };

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string, max = 70): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Sections in lesson order; cells before the first heading go in a first
 * section without a heading. A quiz is done when its first attempt was right,
 * missed when it was not (even if a later answer was), untried without an
 * attempt; a simulation is done once the learner has run it.
 */
export function contentsModel(
  lesson: Lesson,
  lang: Lang,
  runCounts: ReadonlyMap<string, number>,
  attempts: ReadonlyMap<string, LatestAttempt>,
  challenges: ReadonlyMap<string, ChallengeState> = new Map(),
): ContentsSection[] {
  const byId = new Map(lesson.toc.map((entry) => [entry.id, entry]));
  const sections: ContentsSection[] = [{ depth: 2, cells: [] }];
  for (const cell of lesson.cells) {
    if (cell.kind === 'markdown') {
      for (const [, id] of cell.html.matchAll(/<h[23] id="([^"]+)">/g)) {
        const entry = byId.get(id);
        if (entry) sections.push({ id: entry.id, text: entry.text, depth: entry.depth, cells: [] });
      }
      continue;
    }
    const key = `${lesson.slug}/${cell.id}`;
    let mark: CellMark;
    let title: string;
    if (cell.kind === 'challenge') {
      // Solved before seeing the solution is done; having seen it is missed (to review).
      const standing = challengeStanding(challenges.get(key));
      mark = standing === 'solved' ? 'done' : standing === 'seen' ? 'missed' : 'untried';
      title = `⚑ ${shorten(plainText(cell.html.title))}`;
    } else if (cell.kind === 'quiz') {
      const attempt = attempts.get(key);
      mark = !attempt ? 'untried' : attempt.standing === 'right' ? 'done' : 'missed';
      title = `? ${shorten(plainText(cell.html.prompt))}`;
    } else {
      mark = runCounts.has(key) ? 'done' : 'untried';
      title = `▶ ${cell.engineTitle}: ${cell.id}`;
    }
    sections[sections.length - 1].cells.push({ anchor: `cell-${cell.id}`, kind: cell.kind, title, mark, markLabel: translate(lang, MARK_KEYS[mark]) });
  }
  return sections.filter((s) => s.id !== undefined || s.cells.length > 0);
}
