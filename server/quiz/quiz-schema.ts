// The quiz cell schema (docs/CONTENT.md), validated strictly: unknown fields
// and missing required fields are errors, nothing is silently defaulted.

export type QuizType = 'single' | 'multiple' | 'short' | 'numeric' | 'predict';

export interface QuizChoice {
  /** What the learner sees (Markdown inline): `text`, or a predict choice's `label` or value. */
  text: string;
  /** For predict choices: the value the engine may compute. */
  value?: unknown;
  /** For single/multiple: whether this choice is right. */
  correct?: boolean;
  /** Why this choice is right or wrong (Markdown). */
  explain: string;
}

export interface FollowUp {
  question: string;
  answer: string;
}

interface QuizCommon {
  id: string;
  prompt: string;
  explain: string;
  followUp: FollowUp;
}

export type QuizSpec =
  | (QuizCommon & { type: 'single' | 'multiple'; choices: QuizChoice[] })
  | (QuizCommon & { type: 'short'; answers: string[]; caseSensitive: boolean })
  | (QuizCommon & { type: 'numeric'; answer: number; tolerance: number; unit?: string })
  | (QuizCommon & {
      type: 'predict';
      sim: string;
      path: string;
      select: 'single' | 'multiple' | 'none';
      choices?: QuizChoice[];
      input?: 'text' | 'number';
      tolerance: number;
      unit?: string;
    });

/** A schema problem, with the field that has it. */
export class QuizSchemaError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(o: Obj, field: string, path = field): string {
  const v = o[field];
  // YAML reads `answer: 137.` as a number; as text it is still text.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v.trim() === '') throw new QuizSchemaError(path, 'must be a non-empty string');
  return v;
}

function optionalNumber(o: Obj, field: string): number | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new QuizSchemaError(field, 'must be a number');
  return v;
}

function only(o: Obj, allowed: string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) {
      throw new QuizSchemaError(path ? `${path}.${key}` : key, `unknown field (allowed here: ${allowed.join(', ')})`);
    }
  }
}

function followUp(o: Obj): FollowUp {
  const f = o.followUp;
  if (!isObj(f)) throw new QuizSchemaError('followUp', 'required: { question, answer }, the question an interviewer asks next');
  only(f, ['question', 'answer'], 'followUp');
  return { question: str(f, 'question', 'followUp.question'), answer: str(f, 'answer', 'followUp.answer') };
}

function choiceList(o: Obj, kind: 'flagged' | 'valued'): QuizChoice[] {
  const raw = o.choices;
  if (!Array.isArray(raw) || raw.length < 2) throw new QuizSchemaError('choices', 'must be a list of at least 2 choices');
  return raw.map((c, i) => {
    const path = `choices[${i}]`;
    if (!isObj(c)) throw new QuizSchemaError(path, 'must be a mapping');
    if (kind === 'flagged') {
      only(c, ['text', 'correct', 'explain'], path);
      if (c.correct !== undefined && c.correct !== true) throw new QuizSchemaError(`${path}.correct`, 'is either true or absent');
      return { text: str(c, 'text', `${path}.text`), correct: c.correct === true, explain: str(c, 'explain', `${path}.explain`) };
    }
    only(c, ['value', 'label', 'explain'], path);
    if (!('value' in c)) throw new QuizSchemaError(`${path}.value`, 'required: the value the simulation may compute');
    const value = c.value;
    if (isObj(value)) throw new QuizSchemaError(`${path}.value`, 'must be a string, number, boolean, null or a list');
    const label = c.label === undefined ? displayValue(value) : str(c, 'label', `${path}.label`);
    return { text: label, value, explain: str(c, 'explain', `${path}.explain`) };
  });
}

/** How a predict value reads to a learner: null is "none", lists are comma-separated. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : value.map(displayValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Validates a parsed quiz body. `id` comes from the info string. */
export function readQuizSpec(id: string, body: unknown): QuizSpec {
  if (!isObj(body)) throw new QuizSchemaError('', 'a quiz body is a YAML mapping');
  const type = body.type;
  const common = ['type', 'prompt', 'explain', 'followUp'];
  const base = () => ({ id, prompt: str(body, 'prompt'), explain: str(body, 'explain'), followUp: followUp(body) });
  switch (type) {
    case 'single':
    case 'multiple': {
      only(body, [...common, 'choices'], '');
      const choices = choiceList(body, 'flagged');
      const correct = choices.filter((c) => c.correct).length;
      if (type === 'single' && correct !== 1) throw new QuizSchemaError('choices', `a single-choice quiz has exactly one correct choice, found ${correct}`);
      if (type === 'multiple' && correct < 1) throw new QuizSchemaError('choices', 'a multiple-choice quiz has at least one correct choice');
      return { ...base(), type, choices };
    }
    case 'short': {
      only(body, [...common, 'answers', 'caseSensitive'], '');
      const answers = body.answers;
      if (!Array.isArray(answers) || answers.length === 0 || answers.some((a) => typeof a !== 'string' && typeof a !== 'number')) {
        throw new QuizSchemaError('answers', 'must be a non-empty list of accepted answers');
      }
      if (body.caseSensitive !== undefined && typeof body.caseSensitive !== 'boolean') {
        throw new QuizSchemaError('caseSensitive', 'must be true or false');
      }
      return { ...base(), type, answers: answers.map(String), caseSensitive: body.caseSensitive === true };
    }
    case 'numeric': {
      only(body, [...common, 'answer', 'tolerance', 'unit'], '');
      const answer = optionalNumber(body, 'answer');
      if (answer === undefined) throw new QuizSchemaError('answer', 'required: a number');
      const tolerance = optionalNumber(body, 'tolerance') ?? 0;
      if (tolerance < 0) throw new QuizSchemaError('tolerance', 'must not be negative');
      const unit = body.unit === undefined ? undefined : str(body, 'unit');
      return { ...base(), type, answer, tolerance, unit };
    }
    case 'predict': {
      only(body, [...common, 'sim', 'path', 'choices', 'select', 'input', 'tolerance', 'unit'], '');
      const sim = str(body, 'sim');
      const path = str(body, 'path');
      const hasChoices = body.choices !== undefined;
      if (hasChoices === (body.input !== undefined)) {
        throw new QuizSchemaError('choices', 'a predict quiz has either choices or input: text|number');
      }
      if (body.input !== undefined && body.input !== 'text' && body.input !== 'number') {
        throw new QuizSchemaError('input', 'must be "text" or "number"');
      }
      if (body.select !== undefined && body.select !== 'single' && body.select !== 'multiple') {
        throw new QuizSchemaError('select', 'must be "single" or "multiple"');
      }
      if (body.select !== undefined && !hasChoices) throw new QuizSchemaError('select', 'only applies with choices');
      const tolerance = optionalNumber(body, 'tolerance') ?? 0;
      if (tolerance < 0) throw new QuizSchemaError('tolerance', 'must not be negative');
      if (body.tolerance !== undefined && body.input !== 'number') throw new QuizSchemaError('tolerance', 'only applies with input: number');
      const unit = body.unit === undefined ? undefined : str(body, 'unit');
      return {
        ...base(),
        type,
        sim,
        path,
        select: hasChoices ? ((body.select as 'single' | 'multiple' | undefined) ?? 'single') : 'none',
        choices: hasChoices ? choiceList(body, 'valued') : undefined,
        input: body.input as 'text' | 'number' | undefined,
        tolerance,
        unit,
      };
    }
    default:
      throw new QuizSchemaError('type', 'must be one of single, multiple, short, numeric, predict');
  }
}

/** The choices of a quiz, whatever its type (none for short and numeric). */
export function choicesOf(spec: QuizSpec): QuizChoice[] {
  return spec.type === 'single' || spec.type === 'multiple' || spec.type === 'predict' ? (spec.choices ?? []) : [];
}
