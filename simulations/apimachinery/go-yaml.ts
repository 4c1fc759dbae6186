// YAML exactly as kubectl prints it: sigs.k8s.io/yaml.Marshal, i.e. JSON
// re-encoded by go-yaml v2 (gopkg.in/yaml.v2 encode.go, resolve.go,
// sorter.go, emitterc.go). `kubectl get -o yaml`, `kubectl diff` (LIVE and
// MERGED files) and mergepatch.ToYAMLOrError all go through it, so the diff
// lines a learner sees must match byte for byte:
//
// - keys sorted with go-yaml's "natural" order (digit runs compared as numbers),
// - block style, 2-space indentation, sequences inside mappings not indented,
// - empty maps and lists as {} and [],
// - strings plain when they would read back as strings, else quoted
//   ('single' by preference, "double" when they need escapes), and multi-line
//   strings as literal blocks (| / |- / |+),
// - long plain and quoted strings folded at spaces past column 80.
//
// Only JSON data is handled (maps, lists, strings, numbers, booleans, null).

import { formatFloatG, goKind } from './go-values.ts';
import type { JsonObject, JsonValue } from './go-values.ts';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

/**
 * sigs.k8s.io/yaml.Marshal of decoded JSON.
 *
 * @example goYamlMarshal({ b: [1], a: 'yes' }) // "a: \"yes\"\nb:\n- 1\n"
 */
export function goYamlMarshal(value: JsonValue): string {
  const w = new Writer();
  w.node(value, -1, { mappingContext: false, simpleKey: false, root: true });
  w.finish();
  return w.out;
}

interface Context {
  mappingContext: boolean;
  simpleKey: boolean;
  root?: boolean;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

class Writer {
  out = '';
  column = 0;
  /** The line holds only indentation so far (libyaml's `indention`). */
  indention = true;
  /** The last character written is whitespace (libyaml's `whitespace`). */
  whitespace = true;

  finish(): void {
    if (this.column !== 0 || this.out === '') this.putBreak();
  }

  put(s: string): void {
    this.out += s;
    this.column += codePointCount(s);
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: "\n" is a line break; other breaks (U+2028, ...) are copied and reset the column. */
  writeBreak(c: string): void {
    if (c === '\n') {
      this.putBreak();
    } else {
      this.out += c;
      this.column = 0;
    }
  }

  writeIndent(indent: number): void {
    const want = Math.max(indent, 0);
    if (!this.indention || this.column > want || (this.column === want && !this.whitespace)) this.putBreak();
    while (this.column < want) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Emits one node whose container is at `indent`. */
  node(value: JsonValue, indent: number, ctx: Context): void {
    const kind = goKind(value);
    if (kind === 'map') {
      const map = value as JsonObject;
      const keys = sortYamlKeys(Object.keys(map));
      if (keys.length === 0) return this.flowEmpty('{}');
      const keyIndent = indent < 0 ? 0 : indent + BEST_INDENT;
      keys.forEach((key) => {
        this.writeIndent(keyIndent);
        this.scalar(key, keyIndent, { mappingContext: true, simpleKey: true });
        this.indicator(':', false, false, false);
        this.node(map[key], keyIndent, { mappingContext: true, simpleKey: false });
      });
      return;
    }
    if (kind === 'slice') {
      const list = value as JsonValue[];
      if (list.length === 0) return this.flowEmpty('[]');
      // Sequences inside a mapping are "indentless" in go-yaml v2.
      const itemIndent = indent < 0 ? 0 : ctx.mappingContext && !this.indention ? indent : indent + BEST_INDENT;
      list.forEach((item) => {
        this.writeIndent(itemIndent);
        this.indicator('-', true, false, true);
        this.node(item, itemIndent, { mappingContext: false, simpleKey: false });
      });
      return;
    }
    this.scalar(value, indent, ctx);
  }

  private flowEmpty(text: string): void {
    this.indicator(text, true, false, false);
  }

  /** A scalar (key or value) emitted at container indent `indent`. */
  scalar(value: JsonValue, indent: number, ctx: Context): void {
    const { text, requested } = scalarText(value);
    const analysis = analyze(text);
    const style = selectStyle(requested, analysis, ctx.simpleKey);
    // libyaml increases the indent for the scalar itself (emit_scalar).
    const scalarIndent = indent < 0 ? 0 : indent + BEST_INDENT;
    const allowBreaks = !ctx.simpleKey;
    switch (style) {
      case 'plain':
        return this.plain(text, scalarIndent, allowBreaks);
      case 'single':
        return this.singleQuoted(text, scalarIndent, allowBreaks);
      case 'double':
        return this.doubleQuoted(text, scalarIndent, allowBreaks);
      case 'literal':
        return this.literal(text, scalarIndent);
    }
  }

  private plain(value: string, indent: number, allowBreaks: boolean): void {
    const n = value.length;
    if (!this.whitespace && n > 0) this.put(' ');
    let spaces = false;
    // libyaml writes character by character; only a space can become a line break, so the text
    // between spaces is written in one piece (the output is the same, without a string per character).
    let i = 0;
    while (i < n) {
      if (value.charCodeAt(i) === SPACE) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && value.charCodeAt(i + 1) !== SPACE) {
          this.writeIndent(indent);
        } else {
          this.put(' ');
        }
        spaces = true;
        i++;
      } else {
        let j = value.indexOf(' ', i);
        if (j < 0) j = n;
        this.put(i === 0 && j === n ? value : value.slice(i, j));
        spaces = false;
        i = j;
      }
      this.indention = false;
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    // As plain(): a run of characters that are neither a space, a break nor a quote is written in one piece.
    // Indexes are UTF-16 units; a space or a break is one unit, so "first" and "last" agree with code points.
    const n = value.length;
    let i = 0;
    while (i < n) {
      if (isSingleQuotedRunUnit(value.charCodeAt(i))) {
        let j = i + 1;
        while (j < n && isSingleQuotedRunUnit(value.charCodeAt(j))) j++;
        if (breaks) this.writeIndent(indent);
        this.put(i === 0 && j === n ? value : value.slice(i, j));
        this.indention = false;
        spaces = false;
        breaks = false;
        i = j;
        continue;
      }
      const c = value[i];
      i++;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i - 1 > 0 && i - 1 < n - 1 && value[i] !== ' ') {
          this.writeIndent(indent);
        } else {
          this.put(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent(indent);
    this.indicator("'", false, false, false);
  }

  private doubleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    // A run of characters written as they are (printable, no space, break, quote or backslash) goes
    // in one piece; anything else is looked at code point by code point, as libyaml does.
    const n = value.length;
    let u = 0;
    while (u < n) {
      if (isDoubleQuotedRunUnit(value.charCodeAt(u))) {
        let v = u + 1;
        while (v < n && isDoubleQuotedRunUnit(value.charCodeAt(v))) v++;
        this.put(u === 0 && v === n ? value : value.slice(u, v));
        spaces = false;
        u = v;
        continue;
      }
      const code = value.codePointAt(u)!;
      const c = String.fromCodePoint(code);
      const at = u;
      u += c.length;
      if (!isPrintable(code) || code === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        this.put(escapeFor(code));
        spaces = false;
      } else if (c === ' ') {
        // a space is one unit: "not the first and not the last character" in units too
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && at !== 0 && at !== n - 1) {
          this.writeIndent(indent);
          if (value[at + 1] === ' ') this.put('\\');
        } else {
          this.put(c);
        }
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
  }

  private literal(value: string, indent: number): void {
    this.indicator('|', true, false, false);
    this.put(blockScalarHints(value));
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of value) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent(indent);
          breaks = false;
        }
        this.put(c);
        this.indention = false;
      }
    }
    // The next key starts on a fresh line; libyaml records that the line is done.
    this.whitespace = true;
    this.indention = true;
    if (this.column !== 0) this.indention = false;
  }
}

function blockScalarHints(value: string): string {
  let hints = '';
  if (value.startsWith(' ') || isBreak(value[0] ?? '')) hints += String(BEST_INDENT);
  if (value.length === 0) return `${hints}-`;
  const last = value[value.length - 1];
  if (!isBreak(last)) return `${hints}-`;
  if (value.length === 1) return `${hints}+`;
  if (isBreak(value[value.length - 2])) return `${hints}+`;
  return hints;
}

function escapeFor(code: number): string {
  switch (code) {
    case 0x00: return '0';
    case 0x07: return 'a';
    case 0x08: return 'b';
    case 0x09: return 't';
    case 0x0a: return 'n';
    case 0x0b: return 'v';
    case 0x0c: return 'f';
    case 0x0d: return 'r';
    case 0x1b: return 'e';
    case 0x22: return '"';
    case 0x5c: return '\\';
    case 0x85: return 'N';
    case 0xa0: return '_';
    case 0x2028: return 'L';
    case 0x2029: return 'P';
    default: {
      const hex = code.toString(16).toUpperCase();
      if (code <= 0xff) return `x${hex.padStart(2, '0')}`;
      if (code <= 0xffff) return `u${hex.padStart(4, '0')}`;
      return `U${hex.padStart(8, '0')}`;
    }
  }
}

const SPACE = 0x20;

/** A UTF-16 unit singleQuoted writes as it is, with no decision to make: not a space, a break or a quote (surrogates included). */
function isSingleQuotedRunUnit(c: number): boolean {
  return c !== SPACE && c !== 0x27 && c !== 0x0a && c !== 0x0d && c !== 0x85 && c !== 0x2028 && c !== 0x2029;
}

/** A UTF-16 unit doubleQuoted writes as it is: printable (so no surrogate), not a space, break, BOM, quote or backslash. */
function isDoubleQuotedRunUnit(c: number): boolean {
  return (
    (c > SPACE && c <= 0x7e && c !== 0x22 && c !== 0x5c) ||
    (c >= 0xa0 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** [...s].length (code points; a lone surrogate counts as one) without making the array. */
function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function isBreak(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}

/** go-yaml v2's is_printable: note that NEL (U+0085), the BOM and everything beyond the BMP are not. */
function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

/** What go-yaml's encoder asks for: the text and a requested style. */
function scalarText(value: JsonValue): { text: string; requested: Style } {
  switch (goKind(value)) {
    case 'nil':
      return { text: 'null', requested: 'plain' };
    case 'bool':
      return { text: value ? 'true' : 'false', requested: 'plain' };
    case 'int64':
      return { text: String(value), requested: 'plain' };
    case 'float64': {
      const f = value as number;
      if (Number.isNaN(f)) return { text: '.nan', requested: 'plain' };
      if (!Number.isFinite(f)) return { text: f > 0 ? '.inf' : '-.inf', requested: 'plain' };
      return { text: formatFloatG(f), requested: 'plain' };
    }
    default: {
      const s = value as string;
      // encode.go stringv: plain only if the text would resolve back to a string.
      const canUsePlain = resolvesToString(s) && !isBase60Float(s);
      if (s.includes('\n')) return { text: s, requested: 'literal' };
      return { text: s, requested: canUsePlain ? 'plain' : 'double' };
    }
  }
}

interface Analysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
  readonly empty: boolean;
}

/**
 * analyzeScalar, memoized: the analysis is a pure function of the text, and a
 * marshalled object repeats its keys and many values ("name", "TCP", "IfNotPresent").
 * Bounded; long texts are not kept.
 */
function analyze(value: string): Analysis {
  if (value.length > 256) return analyzeScalar(value);
  const known = ANALYSES.get(value);
  if (known !== undefined) return known;
  const a = Object.freeze(analyzeScalar(value));
  if (ANALYSES.size >= 4096) ANALYSES.clear();
  ANALYSES.set(value, a);
  return a;
}
const ANALYSES = new Map<string, Analysis>();

/** yaml_emitter_analyze_scalar (block context only: flow_level is always 0 here). */
function analyzeScalar(value: string): Analysis {
  const chars = [...value];
  if (chars.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false, empty: true };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      else if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    const code = c.codePointAt(0)!;
    if (!isPrintable(code)) specialCharacters = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === ' ' || c === '\t' || isBreak(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed, empty: false };
}

/** yaml_emitter_select_scalar_style */
function selectStyle(requested: Style, a: Analysis, simpleKey: boolean): Style {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (a.empty && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

// --- resolve.go: would this text, written plain, read back as a string? ---

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

export function resolvesToString(s: string): boolean {
  const first = s[0];
  const hint = s === '' ? 'N' : hintOf(first);
  if (hint === '') return true;
  if (RESOLVE_MAP.has(s)) return false;
  if (hint === '.') return !isGoFloat(s);
  if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (isGoInt(plain)) return false;
    if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain) && isGoFloat(plain)) return false;
    if (/^0b[01]+$/.test(plain) || /^-0b[01]+$/.test(plain)) return false;
  }
  return true;
}

function hintOf(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

/** strconv.ParseInt(s, 0, 64) or ParseUint succeeds. */
function isGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  let n: bigint;
  if (/^0[xXoObB]/.test(body)) n = BigInt(body.toLowerCase().replace(/^0o/, '0o'));
  else if (body.length > 1 && body.startsWith('0')) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  if (m[1] === '-') return n <= 2n ** 63n;
  return n < 2n ** 64n;
}

/** strconv.ParseFloat(s, 64) succeeds (decimal, hex floats, inf/nan names, digit-separating underscores). */
function isGoFloat(text: string): boolean {
  if (text.includes('_') && !underscoreOK(text)) return false;
  const s = text.replace(/_/g, '');
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return true;
  if (/^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+$/.test(s)) return true;
  return /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s);
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(text: string): boolean {
  let s = text;
  let saw = '^';
  let i = 0;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1].toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-f]/i.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function isBase60Float(s: string): boolean {
  return s.includes(':') && /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** parseTimestamp: the four time.Parse layouts go-yaml accepts. */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const date = '([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})';
  const time = '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?';
  const layouts = [
    new RegExp(`^${date}[Tt]${time}(Z|[+-][0-9]{2}:[0-9]{2})$`),
    new RegExp(`^${date} ${time}$`),
    new RegExp(`^${date}$`),
  ];
  for (const layout of layouts) {
    const m = layout.exec(s);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) continue;
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) continue;
    return true;
  }
  return false;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// --- sorter.go: keyList.Less ---

export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

function yamlKeyLess(a: string, b: string): boolean {
  if (ASCII.test(a) && ASCII.test(b)) return asciiKeyLess(a, b);
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = /\p{L}/u.test(ar[i]);
    const bl = /\p{L}/u.test(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * yamlKeyLess for ASCII keys (nearly every key of a Kubernetes object), by
 * char code, without an array per comparison: in ASCII, \p{L} is [A-Za-z]
 * and \p{Nd} is [0-9], and every code point is one code unit.
 */
function asciiKeyLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ac = a.charCodeAt(i);
    const bc = b.charCodeAt(i);
    if (ac === bc) continue;
    const al = isAsciiLetter(ac);
    const bl = isAsciiLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === ZERO || bc === ZERO) {
      for (let j = i - 1; j >= 0 && isAsciiDigit(a.charCodeAt(j)); j--) {
        if (a.charCodeAt(j) !== ZERO) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < a.length && isAsciiDigit(a.charCodeAt(ai)); ai++) an = an * 10 + (a.charCodeAt(ai) - ZERO);
    let bi = i;
    for (; bi < b.length && isAsciiDigit(b.charCodeAt(bi)); bi++) bn = bn * 10 + (b.charCodeAt(bi) - ZERO);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return a.length < b.length;
}
const ZERO = 0x30;
function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isAsciiDigit(c: number): boolean {
  return c >= ZERO && c <= 0x39;
}

function isDigit(c: string): boolean {
  return /\p{Nd}/u.test(c);
}
