import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerFormatError, grade, keyFor, normalizeAnswer, normalizeText, PredictKeyError, valuesEqual, type GradingKey } from './grader.ts';
import { readQuizSpec } from './quiz-schema.ts';

const tail = { explain: 'e', followUp: { question: 'q', answer: 'a' } };
const predict = (extra: Record<string, unknown>) => readQuizSpec('p', { type: 'predict', sim: 's', path: 'x', prompt: 'p', ...tail, ...extra });

describe('keys', () => {
  it('builds a predict choice key from the computed value', () => {
    const spec = predict({ choices: [{ value: 'node-1', explain: 'a' }, { value: 'node-2', explain: 'b' }, { value: null, label: 'Pending', explain: 'c' }] });
    assert.deepEqual(keyFor(spec, 'node-2'), { kind: 'choice', multiple: false, correct: [1] });
    assert.deepEqual(keyFor(spec, null), { kind: 'choice', multiple: false, correct: [2] });
    assert.throws(() => keyFor(spec, 'node-3'), PredictKeyError);
  });

  it('compares list values as sets', () => {
    const spec = predict({ choices: [{ value: ['a', 'b'], explain: 'x' }, { value: ['a'], explain: 'y' }] });
    assert.deepEqual(keyFor(spec, ['b', 'a']), { kind: 'choice', multiple: false, correct: [0] });
    assert.ok(valuesEqual([1, [2, 3]], [[3, 2], 1]));
    assert.ok(!valuesEqual(['a', 'a'], ['a', 'b']));
  });

  it('builds a select-multiple key from the elements of a computed list, refusing uncovered values', () => {
    const spec = predict({ select: 'multiple', choices: [{ value: 'a', explain: 'x' }, { value: 'b', explain: 'y' }, { value: 'c', explain: 'z' }] });
    assert.deepEqual(keyFor(spec, ['c', 'a']), { kind: 'choice', multiple: true, correct: [0, 2] });
    assert.throws(() => keyFor(spec, ['d']), /which no choice offers/);
    assert.throws(() => keyFor(spec, 'a'), /needs a list/);
  });

  it('builds text and number keys for input predictions; null reads as "none"', () => {
    assert.deepEqual(keyFor(predict({ input: 'text' }), 'Running'), { kind: 'text', answers: ['Running'], caseSensitive: false });
    assert.deepEqual(keyFor(predict({ input: 'text' }), null), { kind: 'text', answers: ['none', 'null'], caseSensitive: false });
    assert.deepEqual(keyFor(predict({ input: 'number', tolerance: 1 }), 42), { kind: 'number', answer: 42, tolerance: 1 });
    assert.throws(() => keyFor(predict({ input: 'number' }), '42'), /needs a number/);
  });
});

describe('grading', () => {
  const choice: GradingKey = { kind: 'choice', multiple: false, correct: [2] };
  const multi: GradingKey = { kind: 'choice', multiple: true, correct: [0, 3] };
  const text: GradingKey = { kind: 'text', answers: ['CrashLoopBackOff', 'crash loop back-off'], caseSensitive: false };
  const num: GradingKey = { kind: 'number', answer: 137, tolerance: 0 };
  const cases: [string, GradingKey, unknown, boolean][] = [
    ['the right index', choice, 2, true],
    ['the right index sent by a form as text', choice, '2', true],
    ['a wrong index', choice, 1, false],
    ['exactly the right set, any order', multi, [3, 0], true],
    ['a subset of the right set', multi, [0], false],
    ['a superset of the right set', multi, [0, 1, 3], false],
    ['a repeated index counts once', multi, [0, 0, 3], true],
    ['text in another case, wrapped in backticks, with a full stop', text, ' `crashloopbackoff`. ', true],
    ['an alternative answer with extra spaces', text, 'crash   loop back-off', true],
    ['a different word', text, 'Error', false],
    ['the number', num, 137, true],
    ['the number as text', num, ' 137 ', true],
    ['another number', num, 143, false],
  ];
  for (const [name, key, raw, expected] of cases) {
    it(`grades ${name} as ${expected ? 'right' : 'wrong'}`, () => {
      assert.equal(grade(key, normalizeAnswer(key, raw, 5)), expected);
    });
  }

  it('accepts a number within the tolerance', () => {
    const key: GradingKey = { kind: 'number', answer: 10, tolerance: 0.5 };
    assert.equal(grade(key, normalizeAnswer(key, 10.5, 0)), true);
    assert.equal(grade(key, normalizeAnswer(key, 10.6, 0)), false);
  });

  it('refuses answers of the wrong form', () => {
    const bad: [GradingKey, unknown][] = [[choice, 5], [choice, -1], [choice, 'two'], [choice, [1]], [multi, 'x'], [text, { a: 1 }], [text, 'x'.repeat(2001)], [num, 'abc'], [num, Infinity], [num, null]];
    for (const [key, raw] of bad) assert.throws(() => normalizeAnswer(key, raw, 5), AnswerFormatError, JSON.stringify(raw));
  });

  it('normalises text in NFKC, so full-width letters match', () => {
    assert.equal(normalizeText('ＯＯＭＫｉｌｌｅｄ', false), 'oomkilled');
  });
});
