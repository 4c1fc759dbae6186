// gzip assembled from pieces: whatever mix of precompressed, stored and
// on-the-spot pieces, zlib's own gunzip (which checks the CRC and the length in
// the trailer) gives back exactly the concatenated bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { crc32Combine, gzipPieces, precompressed, precompressedChain, type Piece } from './gzip-pieces.ts';

/** Deterministic bytes that compress like text: HTML-ish words from a seed. */
function bytes(length: number, seed: string): Buffer {
  const words = ['<td>', 'Running', '</td>', ' ', 'kubectl', '\n', '状态', 'CrashLoopBackOff', '🚀', createHash('sha256').update(seed).digest('hex')];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const word = words[(i * 7 + seed.length) % words.length];
    out.push(word);
    size += Buffer.byteLength(word);
  }
  return Buffer.from(out.join('')).subarray(0, length);
}

test('crc32Combine(crc(A), crc(B), |B|) is crc(A‖B), zlib crc32.c crc32_combine', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
      const combined = crc32Combine(crc32(a), crc32(b), b.length);
      assert.equal(combined, crc32(Buffer.concat([a, b])));
    }),
  );
  // Lengths past 2^16 and 2^20, where stored blocks split and the powers of x grow.
  for (const length of [65_535, 65_536, 200_000, 1_048_577]) {
    const a = bytes(1000, 'a');
    const b = bytes(length, `b${length}`);
    assert.equal(crc32Combine(crc32(a), crc32(b), b.length), crc32(Buffer.concat([a, b])), `|B| = ${length}`);
  }
});

test('a page of precompressed, small and large per-request pieces gunzips to the same bytes', () => {
  const pieces: Piece[] = [
    { raw: bytes(300, 'head') }, // stored block
    precompressed(bytes(120_000, 'cell-1')),
    { raw: Buffer.from('csrf.token-value') },
    { raw: Buffer.alloc(0) },
    precompressed(Buffer.alloc(0)),
    { raw: bytes(70_000, 'learner cell') }, // compressed on the spot
    precompressed(bytes(10, 'tiny')),
    { raw: bytes(2047, 'just under') },
  ];
  const gz = gzipPieces(pieces);
  assert.deepEqual(gunzipSync(gz), Buffer.concat(pieces.map((p) => p.raw)));
  assert.ok(gz.length < 60_000, `compressed: ${gz.length} bytes for ${Buffer.concat(pieces.map((p) => p.raw)).length}`);
  // Bytes that do not compress, sent as stored blocks, round-trip too.
  const random = { raw: Buffer.from(Array.from({ length: 1_500 }, (_, i) => (i * 131 + 7) % 256)) };
  assert.deepEqual(gunzipSync(gzipPieces([random, random, random])), Buffer.concat([random.raw, random.raw, random.raw]));
  assert.deepEqual(gunzipSync(gzipPieces([])), Buffer.alloc(0), 'nothing at all is a valid empty gzip');
});

test('any split of any bytes into any kinds of pieces gunzips to those bytes', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ data: fc.uint8Array({ maxLength: 5000 }), ahead: fc.boolean() }), { maxLength: 8 }),
      (parts) => {
        const pieces = parts.map(({ data, ahead }) => (ahead ? precompressed(Buffer.from(data)) : { raw: Buffer.from(data) }));
        assert.deepEqual(gunzipSync(gzipPieces(pieces)), Buffer.concat(pieces.map((p) => p.raw)));
      },
    ),
    { numRuns: 60 },
  );
});

test('a chain compressed with the preceding pieces as dictionary gunzips to the pieces with the real gaps between them', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom('<td>', 'Running', '</td>', ' ', '状态', 'a', 'b', '"', '\n') , maxLength: 400 }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 80 }),
      fc.string({ minLength: 1, maxLength: 1 }),
      (texts, gapBytes, filler) => {
        const pieces = texts.map((t) => Buffer.from(t));
        const chain = precompressedChain(pieces, gapBytes);
        // The real gap: any bytes of that length (a token), here one repeated character.
        const gap = Buffer.alloc(gapBytes, filler.charCodeAt(0) % 256 || 1);
        const sent: Piece[] = chain.flatMap((piece, i) => (i === 0 ? [piece] : [{ raw: gap }, piece]));
        assert.deepEqual(gunzipSync(gzipPieces(sent)), Buffer.concat(sent.map((p) => p.raw)));
      },
    ),
    { numRuns: 80 },
  );
});

test('chaining compresses a page of repeated cells much better than pieces alone, and falls back on NUL bytes', () => {
  const cell = (i: number) => Buffer.from(`<section class="cell cell-quiz" id="cell-q${i}"><form class="quiz-form" method="post"><input type="hidden" name="_csrf" value="`);
  const rest = Buffer.from('"><button type="submit" class="button">Check</button></form></section>\n');
  const pieces = Array.from({ length: 40 }, (_, i) => (i === 0 ? cell(0) : Buffer.concat([rest, cell(i)])));
  const token = Buffer.from('x'.repeat(64));
  const send = (chain: Piece[]) => gzipPieces(chain.flatMap((piece, i) => (i === 0 ? [piece] : [{ raw: token }, piece])));
  const chained = send(precompressedChain(pieces, token.length));
  const alone = send(pieces.map((p) => precompressed(p)));
  assert.deepEqual(gunzipSync(chained), gunzipSync(alone));
  assert.ok(chained.length * 2 < alone.length, `chained ${chained.length} vs alone ${alone.length}`);
  const withNul = [Buffer.from('a\0b'), Buffer.from('c')];
  assert.deepEqual(gunzipSync(gzipPieces([precompressedChain(withNul, 2)[0], { raw: Buffer.from('zz') }, precompressedChain(withNul, 2)[1]])), Buffer.from('a\0bzzc'));
});
