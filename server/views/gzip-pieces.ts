// A gzip response assembled from pieces compressed ahead of time.
//
// A lesson page is mostly cells that look the same to every learner; they are
// rendered once (render.ts, Fragment). Gzipping the whole ~240 KiB page on
// every request would cost more than rendering it, so each cached piece is
// compressed once, as raw DEFLATE ended with a sync flush: that leaves the
// stream byte-aligned and not final, so independently compressed pieces can
// follow one another (RFC 1951: a decoder reads block after block until one
// has BFINAL set). The per-request bytes (the CSRF token, the header, a
// learner's own cells) go in as stored blocks, or compressed on the spot when
// they are large. The gzip trailer needs the CRC-32 of the whole page: each
// piece's CRC is computed once and combined with zlib's crc32_combine,
// transcribed below, so the page is never scanned again.

import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Bytes of a page, with their compressed form when it was made ahead of time. */
export interface Piece {
  readonly raw: Buffer;
  /** Raw DEFLATE, sync-flushed (not final), of `raw`. */
  readonly deflated?: Buffer;
  /** CRC-32 of `raw`. */
  readonly crc?: number;
}

/** Compresses a piece once, for pieces sent many times. */
export function precompressed(raw: Buffer, dictionary?: Buffer): Piece {
  return {
    raw,
    deflated: deflateRawSync(raw, {
      level: constants.Z_BEST_COMPRESSION,
      finishFlush: constants.Z_SYNC_FLUSH,
      ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
    }),
    crc: crc32(raw),
  };
}

const WINDOW_BYTES = 32 * 1024;

/**
 * Compresses pieces that are always sent in this order with `gapBytes` of other
 * bytes (a CSRF token) between each two. Each piece after the first is
 * compressed with what precedes it as the dictionary, the gaps as NUL bytes of
 * their length: in the sent stream the decoder's window holds the same bytes at
 * the same distances, the real gap included, and since no piece contains a NUL
 * byte no match can reach into a gap. That keeps most of the compression a
 * single pass over the whole text would get. Pieces with a NUL byte fall back
 * to independent compression.
 */
export function precompressedChain(pieces: readonly Buffer[], gapBytes: number): Piece[] {
  if (pieces.some((piece) => piece.includes(0))) return pieces.map((piece) => precompressed(piece));
  const gap = Buffer.alloc(gapBytes);
  const out: Piece[] = [];
  let window = Buffer.alloc(0);
  for (const piece of pieces) {
    out.push(precompressed(piece, window));
    window = Buffer.concat([window, piece, gap]);
    if (window.length > WINDOW_BYTES) window = window.subarray(window.length - WINDOW_BYTES);
  }
  return out;
}

// Per-request bytes below this size are sent as stored blocks: starting a zlib
// stream costs more than the few bytes compression would save.
const COMPRESS_FROM_BYTES = 2048;
const STORED_MAX = 0xffff;
// RFC 1952 header: magic, CM=8 (deflate), no flags, no mtime, XFL 0, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
// A final, empty block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** RFC 1951 §3.2.4 stored (uncompressed) blocks, not final, for byte-aligned output. */
function storedBlocks(raw: Buffer, out: Buffer[]): void {
  for (let at = 0; at < raw.length; at += STORED_MAX) {
    const chunk = raw.subarray(at, at + STORED_MAX);
    const header = Buffer.alloc(5);
    header[0] = 0x00; // BFINAL=0, BTYPE=00, padded to the byte
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    out.push(header, chunk);
  }
}

/** The pieces, in order, as one gzip member. */
export function gzipPieces(pieces: readonly Piece[]): Buffer {
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const { raw } = piece;
    if (raw.length === 0) continue;
    if (piece.deflated) {
      out.push(piece.deflated);
    } else if (raw.length >= COMPRESS_FROM_BYTES) {
      out.push(deflateRawSync(raw, { level: constants.Z_BEST_SPEED, finishFlush: constants.Z_SYNC_FLUSH }));
    } else {
      storedBlocks(raw, out);
    }
    crc = crc32Combine(crc, piece.crc ?? crc32(raw), raw.length);
    size += raw.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 0x1_0000_0000, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}

// crc32_combine from zlib's crc32.c (1.2.12 and later): the CRC of A‖B from
// crc(A), crc(B) and |B|, by multiplying crc(A) by x^(8·|B|) modulo the CRC
// polynomial (reflected, as the CRC is).
const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  if (a === 0) return 0;
  let m = 0x8000_0000;
  let p = 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? ((b >>> 1) ^ POLY) >>> 0 : b >>> 1;
  }
  return p >>> 0;
}

// X2N[k] = x^(2^k) modulo the polynomial.
const X2N: number[] = [];
for (let p = 0x4000_0000, k = 0; k < 32; k++) {
  X2N.push(p);
  p = multModP(p, p);
}

/** x^(n·2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x8000_0000;
  while (n > 0) {
    if (n % 2 === 1) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** The CRC-32 of A followed by B, given crc(A), crc(B) and B's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
