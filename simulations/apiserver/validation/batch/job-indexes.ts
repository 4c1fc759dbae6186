// Indexed Jobs write sets of indexes as "0,2-4,7": succeededIndexes in a
// success policy, status.completedIndexes and status.failedIndexes.
// src: pkg/apis/batch/validation/validation.go (validateIndexesFormat,
//      parseIndexInterval, validateFailedIndexesNotOverlapCompleted)

/** strconv.Atoi: the int, or null (syntax or int64 range). */
function atoi(s: string): number | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return Number(n);
}

/** parseIndexInterval: "x" or "x-y" with x < y < completions. */
function parseIndexInterval(intervalStr: string, completions: number): { x: number; y: number } | { error: string } {
  const limits = intervalStr.split('-');
  if (limits.length > 2) return { error: `the fragment ${JSON.stringify(intervalStr)} violates the requirement that an index interval can have at most two parts separated by '-'` };
  const x = atoi(limits[0]);
  if (x === null) return { error: `cannot convert string to integer for index: ${JSON.stringify(limits[0])}` };
  if (x >= completions) return { error: `too large index: ${JSON.stringify(limits[0])}` };
  if (limits.length > 1) {
    const y = atoi(limits[1]);
    if (y === null) return { error: `cannot convert string to integer for index: ${JSON.stringify(limits[1])}` };
    if (y >= completions) return { error: `too large index: ${JSON.stringify(limits[1])}` };
    if (x >= y) return { error: `non-increasing order, previous: ${x}, current: ${y}` };
    return { x, y };
  }
  return { x, y: x };
}

/**
 * validateIndexesFormat: the number of indexes, or the parse error.
 *
 * @example validateIndexesFormat('0,1-3,5,7-10', 12) // { total: 9 }
 */
export function validateIndexesFormat(indexesStr: string, completions: number): { total: number; error: null } | { total: 0; error: string } {
  if (indexesStr.length === 0) return { total: 0, error: null };
  let last: number | null = null;
  let total = 0;
  for (const intervalStr of indexesStr.split(',')) {
    const r = parseIndexInterval(intervalStr, completions);
    if ('error' in r) return { total: 0, error: r.error };
    if (last !== null && last >= r.x) return { total: 0, error: `non-increasing order, previous: ${last}, current: ${r.x}` };
    total += r.y - r.x + 1;
    last = r.y;
  }
  return { total, error: null };
}

/** validateFailedIndexesNotOverlapCompleted: the overlap error, or null (unparsable intervals are skipped). */
export function validateFailedIndexesNotOverlapCompleted(completedIndexesStr: string, failedIndexesStr: string, completions: number): string | null {
  if (completedIndexesStr.length === 0 || failedIndexesStr.length === 0) return null;
  const completed = completedIndexesStr.split(',');
  const failed = failedIndexesStr.split(',');
  let cPos = 0;
  let fPos = 0;
  let c = parseIndexInterval(completed[cPos], completions);
  let f = parseIndexInterval(failed[fPos], completions);
  while (cPos < completed.length && fPos < failed.length) {
    if ('error' in c) {
      cPos++;
      if (cPos < completed.length) c = parseIndexInterval(completed[cPos], completions);
    } else if ('error' in f) {
      fPos++;
      if (fPos < failed.length) f = parseIndexInterval(failed[fPos], completions);
    } else {
      if (c.x <= f.y && f.x <= c.y) return `failedIndexes and completedIndexes overlap at index: ${Math.max(c.x, f.x)}`;
      if (c.x <= f.x) {
        cPos++;
        if (cPos < completed.length) c = parseIndexInterval(completed[cPos], completions);
      } else {
        fPos++;
        if (fPos < failed.length) f = parseIndexInterval(failed[fPos], completions);
      }
    }
  }
  return null;
}
