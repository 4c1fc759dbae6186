// Go's sort.SliceStable (sort/zsortfunc.go: stable_func, insertionSort_func,
// symMerge_func, rotate_func), ported index for index. Upstream's
// normalizeSliceOrder passes it a Less that is not a strict order (it answers
// true whenever an item is missing from the order list), so the exact
// algorithm decides the result and a generic stable sort would not.

/**
 * Sorts `list` in place with Go's stable algorithm and `less(i, j)` over the
 * current positions, and returns it.
 *
 * @example sliceStable([3, 1, 2], (l, i, j) => l[i] < l[j]) // [1, 2, 3]
 */
export function sliceStable<T>(list: T[], less: (list: T[], i: number, j: number) => boolean): T[] {
  const data = {
    less: (i: number, j: number) => less(list, i, j),
    swap: (i: number, j: number) => {
      const t = list[i];
      list[i] = list[j];
      list[j] = t;
    },
  };
  const n = list.length;
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(data, a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(data, a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(data, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(data, a, m, n);
    blockSize *= 2;
  }
  return list;
}

interface LessSwap {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

function insertionSort(data: LessSwap, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1);
  }
}

function symMerge(data: LessSwap, a: number, m: number, b: number): void {
  if (m - a === 1) {
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (data.less(h, a)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) data.swap(k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!data.less(m, h)) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) data.swap(k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!data.less(p - c, c)) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(data, start, m, end);
  if (a < start && start < mid) symMerge(data, a, start, mid);
  if (mid < end && end < b) symMerge(data, mid, end, b);
}

function rotate(data: LessSwap, a: number, m: number, b: number): void {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      swapRange(data, m - i, m, j);
      i -= j;
    } else {
      swapRange(data, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(data, m - i, m, i);
}

function swapRange(data: LessSwap, a: number, b: number, n: number): void {
  for (let i = 0; i < n; i++) data.swap(a + i, b + i);
}

/**
 * Sorts strings in place by UTF-16 code unit (what `list.sort()` does), and
 * returns the list. Validators sort every map's keys to report in a stable
 * order, and the maps are small (a ResourceList has two or three keys):
 * Array.prototype.sort allocates a work array per call, an insertion sort
 * allocates nothing.
 *
 * @example sortStrings(['memory', 'cpu']) // ['cpu', 'memory']
 */
export function sortStrings(list: string[]): string[] {
  const n = list.length;
  if (n > 16) return list.sort();
  for (let i = 1; i < n; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && list[j] > x) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
