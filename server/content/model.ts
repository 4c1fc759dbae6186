// The parsed, validated and pre-rendered content: built once at start-up,
// read by every request. Nothing here is re-parsed while serving.

import type { RunSuccess } from '../sim-runtime/execute.ts';
import type { GradingKey } from '../quiz/grader.ts';
import type { QuizSpec } from '../quiz/quiz-schema.ts';
import type { TocEntry } from './markdown.ts';
import type { ChallengeSpec } from '../challenge/challenge-schema.ts';
import type { ChallengeReport } from '../challenge/grade.ts';
import type { KubeObject } from '../../simulations/shared/yaml.ts';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

export interface MarkdownCell {
  kind: 'markdown';
  id: string;
  html: string;
}

export interface SimCell {
  kind: 'sim';
  id: string;
  engine: string;
  engineTitle: string;
  /** The default scenario (YAML). */
  input: string;
  /** The default scenario's output and its view model, computed at start-up. */
  defaultOutput: RunSuccess;
  /** The version of the engine that computed `defaultOutput` (rendered outputs are cached under it). */
  engineVersion: string;
  line: number;
}

export interface QuizHtml {
  prompt: string;
  explain: string;
  followUpQuestion: string;
  followUpAnswer: string;
  choices: { text: string; explain: string }[];
}

export interface QuizCell {
  kind: 'quiz';
  id: string;
  spec: QuizSpec;
  /** Server-side only: never sent to the page before an attempt. */
  key: GradingKey;
  /** For predict quizzes: the value the engine computed. */
  computed?: unknown;
  html: QuizHtml;
  line: number;
}

export interface ChallengeHtml {
  title: string;
  task: string;
  objectives: string[];
  hints: string[];
  solutionExplain: string;
}

/**
 * A troubleshooting challenge: a broken start, objectives over the engine's
 * result, constraints on the learner's edit, hints, a solution. Checked at
 * start-up: the start fails an objective, the solution passes everything.
 */
export interface ChallengeCell {
  kind: 'challenge';
  id: string;
  engine: string;
  engineTitle: string;
  engineVersion: string;
  spec: ChallengeSpec;
  /** The broken scenario the learner starts from (YAML). */
  start: string;
  /** The start's objects by kind/namespace/name, for the constraints' diff. */
  startObjects: Map<string, KubeObject>;
  /** The start's own grading (the kept fields' values, for the rules' wording). */
  startReport: ChallengeReport;
  /** The reference solution (YAML), shown with its explanation. */
  solution: string;
  html: ChallengeHtml;
  line: number;
}

export type Cell = MarkdownCell | SimCell | QuizCell | ChallengeCell;

export interface Lesson {
  slug: string;
  number: number;
  lang: Lang;
  file: string;
  title: string;
  summary: string;
  order: number;
  sources: string[];
  tags: string[];
  cells: Cell[];
  toc: TocEntry[];
}

export interface Chapter {
  slug: string;
  number: number;
  lessons: Map<Lang, Lesson>;
}

export interface ContentIndex {
  /** Chapters with at least an English lesson, in curriculum order. */
  chapters: Chapter[];
  bySlug: Map<string, Chapter>;
}

/** The lesson in the requested language, or the English one. */
export function lessonFor(chapter: Chapter, lang: Lang): Lesson {
  return chapter.lessons.get(lang) ?? chapter.lessons.get('en')!;
}
