// ByteSlots and Fragment: pre-encoded parts spliced into a rendered page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { ByteSlots, Fragment, FragmentCache, type PageBody } from './render.ts';

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

test('joined fragments keep their holes: one token per hole, none where two fragments meet', () => {
  const a = Fragment.of(`<a v="${Fragment.CSRF_PLACEHOLDER}">`);
  const b = Fragment.of(`<b>`);
  const c = Fragment.of(`<c v="${Fragment.CSRF_PLACEHOLDER}"><d v="${Fragment.CSRF_PLACEHOLDER}">`);
  const joined = Fragment.concat([a, b, c]);
  assert.equal(joined.pieces.length, 4);
  const slots = new ByteSlots('T');
  assert.equal(text(slots.splice(`[${slots.marker(joined)}]`)), '[<a v="T"><b><c v="T"><d v="T">]');
  assert.equal(joined.byteLength, a.byteLength + b.byteLength + c.byteLength);
});

test('the fragment cache keeps what it made, and drops the oldest once over its byte bound', () => {
  const cache = new FragmentCache(100);
  let made = 0;
  const make = (size: number) => () => {
    made++;
    return Fragment.of('x'.repeat(size));
  };
  const first = cache.get('a', make(60));
  assert.equal(cache.get('a', make(60)), first, 'a hit is the same fragment');
  cache.get('b', make(30));
  assert.equal(cache.size, 2);
  cache.get('c', make(30)); // 120 bytes: 'a' goes
  assert.equal(cache.size, 2);
  cache.get('a', make(60));
  assert.equal(made, 4, "'a' was made again after it was dropped");
  cache.get('huge', make(500));
  assert.equal(cache.size, 1, 'an entry over the bound on its own is still kept, alone');
});
