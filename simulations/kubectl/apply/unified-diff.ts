// `diff -u -N` as GNU diffutils 3.x prints it, which is what `kubectl diff`
// runs by default (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go,
// DiffProgram). The line matching follows GNU diff itself so that hunks come
// out identical, not just equivalent:
//   - io.c find_identical_ends: only the region from 3 lines (the context)
//     before the first difference to 3 lines after the last is analysed;
//   - analyze.c discard_confusing_lines: lines with no match in the other file
//     (and runs of very common lines) are set aside before matching;
//   - gnulib diffseq.h compareseq/diag: Myers' O(ND) middle-snake search;
//   - analyze.c shift_boundaries: change runs slid to merge and align;
//   - analyze.c build_script, find_hunk and context.c print_unidiff_hunk.
// Checked against /usr/bin/diff in unified-diff.test.ts.

export interface UnifiedDiffFile {
  path: string;
  /** Printed after a tab, e.g. "2025-01-01 00:00:00.000000000 +0000". */
  mtime: string;
  text: string;
}

const CONTEXT = 3;

/**
 * The unified diff of two texts with GNU headers, or "" when they are equal.
 *
 * @example
 *   unifiedDiff({ path: 'a', mtime: 't', text: 'x\ny\n' }, { path: 'b', mtime: 't', text: 'x\nz\n' })
 *   // "--- a\tt\n+++ b\tt\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n"
 */
export function unifiedDiff(from: UnifiedDiffFile, to: UnifiedDiffFile): string {
  const a = splitLines(from.text);
  const b = splitLines(to.text);
  const changes = diffLines(a, b);
  if (changes.length === 0) return '';
  let out = `--- ${from.path}\t${from.mtime}\n+++ ${to.path}\t${to.mtime}\n`;
  let index = 0;
  while (index < changes.length) {
    // find_hunk: a hunk ends when 2*CONTEXT+1 unchanged lines follow.
    let last = index;
    while (last + 1 < changes.length) {
      const top0 = changes[last].line0 + changes[last].deleted;
      if (changes[last + 1].line0 - top0 >= 2 * CONTEXT + 1) break;
      last++;
    }
    out += hunk(changes.slice(index, last + 1), a, b);
    index = last + 1;
  }
  return out;
}

interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function hunk(changes: Change[], a: string[], b: string[]): string {
  const first = changes[0];
  const lastChange = changes[changes.length - 1];
  const first0 = Math.max(first.line0 - CONTEXT, 0);
  const first1 = Math.max(first.line1 - CONTEXT, 0);
  const last0 = Math.min(lastChange.line0 + lastChange.deleted + CONTEXT, a.length);
  const last1 = Math.min(lastChange.line1 + lastChange.inserted + CONTEXT, b.length);
  let out = `@@ -${range(first0, last0)} +${range(first1, last1)} @@\n`;
  let i = first0;
  let j = first1;
  let next = 0;
  while (i < last0 || j < last1) {
    const change = changes[next];
    if (!change || i < change.line0) {
      out += ` ${a[i]}\n`;
      i++;
      j++;
    } else {
      for (let k = 0; k < change.deleted; k++) out += `-${a[i++]}\n`;
      for (let k = 0; k < change.inserted; k++) out += `+${b[j++]}\n`;
      next++;
    }
  }
  return out;
}

/** print_unidiff_number_range: "l,count", "l" for one line, "l-1,0" for none. */
function range(start: number, end: number): string {
  const transA = start + 1;
  const transB = end;
  if (transB <= transA) return transB < transA ? `${transB},0` : `${transB}`;
  return `${transA},${transB - transA + 1}`;
}

/** The change script between two line lists, as GNU diff computes it. */
export function diffLines(a: string[], b: string[]): Change[] {
  // find_identical_ends, keeping CONTEXT horizon lines on each side.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  if (prefix === a.length && prefix === b.length) return [];
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const start = Math.max(prefix - CONTEXT, 0);
  const endA = a.length - Math.max(suffix - CONTEXT, 0);
  const endB = b.length - Math.max(suffix - CONTEXT, 0);
  const ra = a.slice(start, endA);
  const rb = b.slice(start, endB);

  // Equivalence classes (1-based, as GNU's equivs).
  const classes = new Map<string, number>();
  const eq = (line: string) => {
    let c = classes.get(line);
    if (c === undefined) {
      c = classes.size + 1;
      classes.set(line, c);
    }
    return c;
  };
  const ea = ra.map(eq);
  const eb = rb.map(eq);
  const changedA = new Uint8Array(ea.length + 2); // index i+1 ↔ line i; [0] and [n+1] are sentinels
  const changedB = new Uint8Array(eb.length + 2);

  const [undA, realA, undB, realB] = discardConfusingLines(ea, eb, changedA, changedB);
  compareseq(undA, undB, realA, realB, changedA, changedB);
  shiftBoundaries(ea, changedA, changedB);
  shiftBoundaries(eb, changedB, changedA);
  return buildScript(changedA, changedB, ea.length, eb.length).map((c) => ({
    line0: c.line0 + start,
    line1: c.line1 + start,
    deleted: c.deleted,
    inserted: c.inserted,
  }));
}

function discardConfusingLines(ea: number[], eb: number[], changedA: Uint8Array, changedB: Uint8Array): [number[], number[], number[], number[]] {
  const files = [ea, eb];
  const counts = files.map((f) => {
    const m = new Map<number, number>();
    for (const c of f) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  });
  const discarded = files.map((f) => new Uint8Array(f.length));
  for (let f = 0; f < 2; f++) {
    const end = files[f].length;
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem >>= 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      const nmatch = counts[1 - f].get(files[f][i]) ?? 0;
      if (nmatch === 0) discarded[f][i] = 1;
      else if (nmatch > many) discarded[f][i] = 2;
    }
  }
  for (let f = 0; f < 2; f++) {
    const discards = discarded[f];
    const end = files[f].length;
    for (let i = 0; i < end; i++) {
      if (discards[i] === 2) {
        discards[i] = 0;
      } else if (discards[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (discards[j] === 0) break;
          if (discards[j] === 2) provisional++;
        }
        while (j > i && discards[j - 1] === 2) {
          discards[--j] = 0;
          provisional--;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (discards[--j] === 2) discards[j] = 0;
        } else {
          let minimum = 1;
          let t = length >> 2;
          while (0 < (t >>= 2)) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (discards[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) discards[i + j] = 0;
          }
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && discards[i + j] === 1) break;
            if (discards[i + j] === 2) {
              consec = 0;
              discards[i + j] = 0;
            } else if (discards[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && discards[i - j] === 1) break;
            if (discards[i - j] === 2) {
              consec = 0;
              discards[i - j] = 0;
            } else if (discards[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const und: number[][] = [[], []];
  const real: number[][] = [[], []];
  const changed = [changedA, changedB];
  for (let f = 0; f < 2; f++) {
    for (let i = 0; i < files[f].length; i++) {
      if (discarded[f][i] === 0) {
        und[f].push(files[f][i]);
        real[f].push(i);
      } else {
        changed[f][i + 1] = 1;
      }
    }
  }
  return [und[0], real[0], und[1], real[1]];
}

/** gnulib diffseq.h compareseq + diag (find_minimal off; inputs here never reach the cost cut-off). */
function compareseq(xv: number[], yv: number[], realX: number[], realY: number[], changedX: Uint8Array, changedY: Uint8Array): void {
  const n = xv.length;
  const m = yv.length;
  const size = n + m + 3;
  const fd = new Array<number>(2 * size + 1).fill(0);
  const bd = new Array<number>(2 * size + 1).fill(0);
  const off = size;

  const rec = (xoffIn: number, xlimIn: number, yoffIn: number, ylimIn: number): void => {
    let xoff = xoffIn;
    let xlim = xlimIn;
    let yoff = yoffIn;
    let ylim = ylimIn;
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) {
      while (yoff < ylim) changedY[realY[yoff++] + 1] = 1;
    } else if (yoff === ylim) {
      while (xoff < xlim) changedX[realX[xoff++] + 1] = 1;
    } else {
      const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
      rec(xoff, xmid, yoff, ymid);
      rec(xmid, xlim, ymid, ylim);
    }
  };

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (;;) {
      if (fmin > dmin) fd[off + --fmin - 1] = -1;
      else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1];
        const thi = fd[off + d + 1];
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d] <= x) return [x, y];
      }
      if (bmin > dmin) bd[off + --bmin - 1] = Number.MAX_SAFE_INTEGER;
      else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = Number.MAX_SAFE_INTEGER;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1];
        const thi = bd[off + d + 1];
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]) return [x, y];
      }
    }
  };

  rec(0, n, 0, m);
}

/** analyze.c shift_boundaries, for file `equivs` with `changed` (1-based, sentinels at both ends). */
function shiftBoundaries(equivs: number[], changed: Uint8Array, otherChanged: Uint8Array): void {
  const iEnd = equivs.length;
  const ch = (i: number) => changed[i + 1];
  const setCh = (i: number, v: number) => {
    changed[i + 1] = v;
  };
  const och = (j: number) => otherChanged[j + 1];
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < iEnd && !ch(i)) {
      while (och(j++));
      i++;
    }
    if (i === iEnd) break;
    let start = i;
    while (ch(++i));
    while (och(j)) j++;
    let runlength: number;
    let corresponding: number;
    do {
      runlength = i - start;
      while (start && equivs[start - 1] === equivs[i - 1]) {
        setCh(--start, 1);
        setCh(--i, 0);
        while (ch(start - 1)) start--;
        while (och(--j));
      }
      corresponding = och(j - 1) ? i : iEnd;
      while (i !== iEnd && equivs[start] === equivs[i]) {
        setCh(start++, 0);
        setCh(i++, 1);
        while (ch(i)) i++;
        while (och(++j)) corresponding = i;
      }
    } while (runlength !== i - start);
    while (corresponding < i) {
      setCh(--start, 1);
      setCh(--i, 0);
      while (och(--j));
    }
  }
}

/** analyze.c build_script: runs of changed lines → changes, in order. */
function buildScript(changedA: Uint8Array, changedB: Uint8Array, lenA: number, lenB: number): Change[] {
  const script: Change[] = [];
  let i0 = lenA;
  let i1 = lenB;
  const c0 = (i: number) => changedA[i + 1];
  const c1 = (i: number) => changedB[i + 1];
  while (i0 >= 0 || i1 >= 0) {
    if (c0(i0 - 1) | c1(i1 - 1)) {
      const line0 = i0;
      const line1 = i1;
      while (c0(i0 - 1)) i0--;
      while (c1(i1 - 1)) i1--;
      script.unshift({ line0: i0, line1: i1, deleted: line0 - i0, inserted: line1 - i1 });
    }
    i0--;
    i1--;
  }
  return script;
}
