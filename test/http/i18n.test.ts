// Every UI string exists in both languages, and every {{t "key"}} in the views is defined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickLanguage, STRINGS } from '../../server/i18n/strings.ts';

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
