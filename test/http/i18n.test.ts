// Every UI string exists in both languages, and every {{t "key"}} in the views is defined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plural, pickLanguage, STRINGS } from '../../server/i18n/strings.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = join(dir, e);
    return statSync(full).isDirectory() ? templates(full) : full.endsWith('.hbs') ? [full] : [];
  });
}

test('English and Chinese have the same UI string keys', () => {
  assert.deepEqual(Object.keys(STRINGS.zh).sort(), Object.keys(STRINGS.en).sort());
});

test('every {{t "key"}} used in views and engine partials is defined', () => {
  const files = [...templates(join(root, 'views')), ...templates(join(root, 'simulations'))];
  const missing: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\{\{t "([^"]+)"/g)) {
      if (!(m[1] in STRINGS.en)) missing.push(`${file.slice(root.length)}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the language comes from the cookie first, then Accept-Language, then English', () => {
  assert.equal(pickLanguage('zh', 'en-US'), 'zh');
  assert.equal(pickLanguage(undefined, 'zh-CN,zh;q=0.9,en;q=0.8'), 'zh');
  assert.equal(pickLanguage(undefined, 'en;q=0.9,zh-TW;q=0.95'), 'zh');
  assert.equal(pickLanguage(undefined, 'fr-FR,en;q=0.5'), 'en');
  assert.equal(pickLanguage('xx', 'de'), 'en');
});

test('every {{plural "key" n}} has the forms Intl.PluralRules picks, in both languages (issue 13, point 12)', () => {
  const files = [...templates(join(root, 'views')), ...templates(join(root, 'simulations'))];
  const keys = new Set(['progress.imported.cells', 'progress.imported.answers']);
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/\{\{plural "([^"]+)"/g)) keys.add(m[1]);
  assert.ok(keys.has('quiz.attempts') && keys.has('sim.runs'));
  const missing: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const forms = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en').resolvedOptions().pluralCategories;
    for (const key of keys) for (const form of forms) if (!(`${key}.${form}` in STRINGS[lang])) missing.push(`${lang}: ${key}.${form}`);
  }
  assert.deepEqual(missing, []);
});

test('counts read as words: one attempt, two attempts; 一 and 二 alike in Chinese', () => {
  const cases: [Parameters<typeof plural>, string][] = [
    [['en', 'quiz.attempts', 1], '1 attempt'],
    [['en', 'quiz.attempts', 2], '2 attempts'],
    [['en', 'quiz.attempts', 0], '0 attempts'],
    [['en', 'sim.runs', 1], '1 run'],
    [['en', 'sim.runs', 1200], '1,200 runs'],
    [['en', 'progress.imported.cells', 1], '1 edited cell'],
    [['zh', 'quiz.attempts', 1], '1 次作答'],
    [['zh', 'quiz.attempts', 2], '2 次作答'],
  ];
  for (const [args, want] of cases) assert.equal(plural(...args), want, args.join(' '));
});
