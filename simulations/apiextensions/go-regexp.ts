// The errors Go's regexp.Compile (RE2 syntax) gives for the mistakes people
// make in a CRD's `pattern`, worded as Go words them, and a JavaScript RegExp
// for matching. Go's parser has more errors than these; a pattern that
// JavaScript cannot compile and none of these rules explain gets Go's generic
// wording for the first rule that applies to JavaScript's complaint.
// src: go/src/regexp/syntax/parse.go (ErrMissingRepeatArgument, ErrMissingParen,
//      ErrUnexpectedParen, ErrMissingBracket, ErrInvalidPerlOp, ErrInvalidEscape,
//      ErrInvalidRepeatOp) and (*Error).Error: "error parsing regexp: " + code + ": `" + expr + "`"

export interface CompiledPattern {
  re: RegExp | null;
  error: string | null;
}

const cache = new Map<string, CompiledPattern>();

function goError(code: string, expr: string): string {
  return `error parsing regexp: ${code}: \`${expr}\``;
}

/** regexp.Compile(pattern): the Go error text, or a JavaScript RegExp that matches as RE2 would for common patterns. */
export function compileGoRegexp(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const out = compile(pattern);
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, out);
  return out;
}

function compile(pattern: string): CompiledPattern {
  const err = goCheck(pattern);
  if (err) return { re: null, error: err };
  try {
    return { re: new RegExp(pattern, 'u'), error: null };
  } catch {
    try {
      return { re: new RegExp(pattern), error: null };
    } catch {
      return { re: null, error: goError('invalid syntax', pattern) };
    }
  }
}

function goCheck(p: string): string | null {
  let depth = 0;
  let prevAtom = false; // whether a repetition operator here has something to repeat
  let prevRepeat = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return goError('trailing backslash at end of expression', '');
      if (/[1-9]/.test(n)) return goError('invalid escape sequence', `\\${n}`);
      i++;
      prevAtom = true;
      prevRepeat = '';
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      if (j >= p.length) return goError('missing closing ]', p.slice(i));
      i = j;
      prevAtom = true;
      prevRepeat = '';
      continue;
    }
    if (c === '(') {
      if (p.startsWith('(?=', i) || p.startsWith('(?!', i)) return goError('invalid or unsupported Perl syntax', p.slice(i, i + 3));
      if (p.startsWith('(?<=', i) || p.startsWith('(?<!', i)) return goError('invalid or unsupported Perl syntax', p.slice(i, i + 3));
      depth++;
      prevAtom = false;
      prevRepeat = '';
      continue;
    }
    if (c === ')') {
      if (depth === 0) return goError('unexpected )', p);
      depth--;
      prevAtom = true;
      prevRepeat = '';
      continue;
    }
    if (c === '|') {
      prevAtom = false;
      prevRepeat = '';
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (prevRepeat !== '' && !(c === '?' && !prevRepeat.endsWith('?'))) return goError('invalid nested repetition operator', prevRepeat + c);
      if (!prevAtom && prevRepeat === '') return goError('missing argument to repetition operator', c);
      prevRepeat += c;
      continue;
    }
    prevAtom = true;
    prevRepeat = '';
  }
  if (depth > 0) return goError('missing closing )', p);
  return null;
}
