// Go's strconv.Quote, which fmt's %q uses: how field errors print a bad string
// value (`Invalid value: "Bad_Name"`).
// src: Go src/strconv/quote.go (appendQuotedWith, appendEscapedRune), unicode.IsPrint

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * strconv.Quote(s).
 *
 * @example goQuote('a"b\n') // "\"a\\\"b\\n\""   goQuote('é') // "\"é\""   goQuote('\u0007') // "\"\\a\""
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') {
      out += `\\${ch}`;
    } else if (r < 0x80) {
      if (r >= 0x20 && r < 0x7f) out += ch;
      else out += asciiEscape(r);
    } else if (r >= 0xd800 && r <= 0xdfff) {
      // A lone surrogate cannot come from valid UTF-8: Go would hold U+FFFD (utf8.RuneError).
      out += '\\ufffd';
    } else if (PRINTABLE.test(ch)) {
      out += ch;
    } else if (r < 0x10000) {
      out += `\\u${r.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${r.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

function asciiEscape(r: number): string {
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
    default:
      return `\\x${r.toString(16).padStart(2, '0')}`;
  }
}
