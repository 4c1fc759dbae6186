// ByteSlots and Fragment: pre-encoded parts spliced into a rendered page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { ByteSlots, Fragment, type PageBody } from './render.ts';

/** The page as sent without compression, after checking that the gzipped form says the same. */
function text(body: PageBody): string {
  const plain = body.identity();
  assert.deepEqual(gunzipSync(body.gzip()), plain, 'gzip and identity carry the same bytes');
  return plain.toString('utf8');
}

test('slots put their bytes where their markers were, multibyte text intact', () => {
  const slots = new ByteSlots('tok');
  const a = slots.marker(Buffer.from('<p>状态 → Running</p>'));
  const b = slots.marker(Buffer.from('<p>🚀</p>'));
  const page = slots.splice(`<main>${a}<hr>${b}</main>—end`);
  assert.equal(text(page), '<main><p>状态 → Running</p><hr><p>🚀</p></main>—end');
});

test('a fragment gets the token of the page it is spliced into, at every hole', () => {
  const fragment = Fragment.of(`<input value="${Fragment.CSRF_PLACEHOLDER}"><input value="${Fragment.CSRF_PLACEHOLDER}">`);
  for (const token of ['first.token', 'second.token']) {
    const slots = new ByteSlots(token);
    const html = text(slots.splice(`<form>${slots.marker(fragment)}</form>`));
    assert.equal(html, `<form><input value="${token}"><input value="${token}"></form>`);
  }
});

test('a page without slots is just its text; text that looks like a marker from elsewhere is left alone', () => {
  const slots = new ByteSlots();
  assert.equal(text(slots.splice('plain é')), 'plain é');
  const forged = '<!--kn-slot:000000000000:0-->';
  assert.equal(text(new ByteSlots().splice(forged)), forged, 'another nonce is not ours');
});
