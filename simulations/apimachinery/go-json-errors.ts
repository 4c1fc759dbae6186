// The error text Go's encoding/json gives for a JSON document it cannot
// unmarshal. Secret validation puts it in the message for a malformed
// .dockercfg or .dockerconfigjson, Node validation for a malformed taints
// annotation, so the learner sees what kube-apiserver prints.
// src: Go src/encoding/json/scanner.go (the scanner's state machine and its
//      "invalid character ... <context>" errors), decode.go (UnmarshalTypeError)

import { goQuote } from './go-strconv.ts';

/** scanner.go quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = goQuote(c);
  return `'${q.slice(1, -1)}'`;
}

class SyntaxError_ {
  constructor(readonly message: string) {}
}

const END = new SyntaxError_('unexpected end of JSON input');

function fail(c: string | undefined, context: string): never {
  if (c === undefined) throw END;
  throw new SyntaxError_(`invalid character ${quoteChar(c)} ${context}`);
}

/** A recursive scanner with the same error contexts as Go's state machine. */
class Scanner {
  private i = 0;
  private readonly chars: string[];
  constructor(text: string) {
    this.chars = Array.from(text);
  }
  private peek(): string | undefined {
    return this.chars[this.i];
  }
  private skipSpace(): void {
    while (this.i < this.chars.length && ' \t\r\n'.includes(this.chars[this.i])) this.i++;
  }
  document(): void {
    this.skipSpace();
    this.value();
    this.skipSpace();
    if (this.i < this.chars.length) fail(this.peek(), 'after top-level value');
  }
  private value(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === undefined) throw END;
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    fail(c, 'looking for beginning of value');
  }
  private object(): void {
    this.i++;
    this.skipSpace();
    if (this.peek() === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') fail(this.peek(), 'looking for beginning of object key string');
      this.string();
      this.skipSpace();
      if (this.peek() !== ':') fail(this.peek(), 'after object key');
      this.i++;
      this.value();
      this.skipSpace();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return;
      }
      fail(c, 'after object key:value pair');
    }
  }
  private array(): void {
    this.i++;
    this.skipSpace();
    if (this.peek() === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return;
      }
      fail(c, 'after array element');
    }
  }
  private string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw END;
      this.i++;
      if (c === '"') return;
      if (c === '\\') {
        const e = this.peek();
        if (e === undefined) throw END;
        this.i++;
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            const h = this.peek();
            if (h === undefined) throw END;
            if (!/[0-9a-fA-F]/.test(h)) fail(h, 'in \\u hexadecimal character escape');
            this.i++;
          }
        } else if (!'"\\/bfnrt'.includes(e)) {
          fail(e, 'in string escape code');
        }
      } else if (c < ' ') {
        fail(c, 'in string literal');
      }
    }
  }
  private digits(): number {
    let n = 0;
    while (this.peek() !== undefined && (this.peek() as string) >= '0' && (this.peek() as string) <= '9') {
      this.i++;
      n++;
    }
    return n;
  }
  private number(): void {
    if (this.peek() === '-') {
      this.i++;
      const c = this.peek();
      if (c === undefined) throw END;
      if (!(c >= '0' && c <= '9')) fail(c, 'in numeric literal');
    }
    if (this.peek() === '0') this.i++;
    else this.digits();
    if (this.peek() === '.') {
      this.i++;
      const c = this.peek();
      if (c === undefined) throw END;
      if (!(c >= '0' && c <= '9')) fail(c, 'after decimal point in numeric literal');
      this.digits();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      const c = this.peek();
      if (c === undefined) throw END;
      if (!(c >= '0' && c <= '9')) fail(c, 'in exponent of numeric literal');
      this.digits();
    }
  }
  private literal(word: string): void {
    this.i++;
    for (let k = 1; k < word.length; k++) {
      const c = this.peek();
      if (c === undefined) throw END;
      if (c !== word[k]) fail(c, `in literal ${word} (expecting ${quoteChar(word[k])})`);
      this.i++;
    }
  }
}

/** The syntax error json.Unmarshal reports for text, or null when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (e) {
    if (e instanceof SyntaxError_) return e.message;
    throw e;
  }
}

/** The JSON kind Go names in an UnmarshalTypeError ("string", "number", "array", "bool", "object"). */
export function goJsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * json.Unmarshal(text, &map[string]interface{}{}): the error text, or null.
 * `null` decodes fine (it leaves the map nil).
 */
export function goUnmarshalMapError(text: string): string | null {
  const syntax = goJsonSyntaxError(text);
  if (syntax !== null) return syntax;
  const v: unknown = JSON.parse(text);
  if (v === null || (typeof v === 'object' && !Array.isArray(v))) return null;
  return `json: cannot unmarshal ${goJsonKind(v)} into Go value of type map[string]interface {}`;
}
