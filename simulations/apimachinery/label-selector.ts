// Label selectors from text and from the API: labels.Parse reads the string
// syntax (`app=web,tier in (a,b),!canary`, what `kubectl get -l` and the
// `labelSelector` query parameter carry); metav1.LabelSelectorAsSelector reads
// a v1 LabelSelector ({matchLabels, matchExpressions}). Both give labels.ts's
// Selector; a failure gives Selector.invalid(message) with upstream's message.
// src: staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Parser, Parse,
//      ParseToRequirements, ValidatedSelectorFromSet),
//      staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, LabelSelectorAsMap)

import { aggregateMessage, errorString, invalid } from './field-errors.ts';
import type { ErrorList, FieldErr } from './field-errors.ts';
import { Path } from './field-path.ts';
import { goQuote } from './go-strconv.ts';
import { compareGoStrings } from './go-values.ts';
import { asList, asObject, asString, asStringMap, setOwn } from './json.ts';
import { Selector, newRequirement, sortByKey } from './labels.ts';
import type { Labels, Operator, Requirement } from './labels.ts';
import { isLabelKey } from './validate-content.ts';

/** The lexer's tokens (selector.go Token). */
export type Token =
  | 'ErrorToken'
  | 'EndOfStringToken'
  | 'ClosedParToken'
  | 'CommaToken'
  | 'DoesNotExistToken'
  | 'DoubleEqualsToken'
  | 'EqualsToken'
  | 'GreaterThanToken'
  | 'IdentifierToken'
  | 'InToken'
  | 'LessThanToken'
  | 'NotEqualsToken'
  | 'NotInToken'
  | 'OpenParToken';

// string2token: every literal token but identifiers.
const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', 'ClosedParToken'],
  [',', 'CommaToken'],
  ['!', 'DoesNotExistToken'],
  ['==', 'DoubleEqualsToken'],
  ['=', 'EqualsToken'],
  ['>', 'GreaterThanToken'],
  ['in', 'InToken'],
  ['<', 'LessThanToken'],
  ['!=', 'NotEqualsToken'],
  ['notin', 'NotInToken'],
  ['(', 'OpenParToken'],
]);

/** selection operators as the parser's "expected" message lists them (binaryOperators). */
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

// Go reads bytes and uses 0 for "end of string", so a NUL in the text also
// ends a token. Only ASCII characters are special, so reading UTF-16 units
// gives the same tokens as reading UTF-8 bytes.
const END = '\0';

/** selector.go Lexer: one token per lex() call. */
export class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos < this.s.length) return this.s[this.pos++];
    return END;
  }

  private unread(): void {
    this.pos--;
  }

  private scanIDOrKeyword(): [Token, string] {
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    return [STRING_TO_TOKEN.get(buffer) ?? 'IdentifierToken', buffer];
  }

  // The longest run of special symbols that is a token ("!=" rather than "!").
  private scanSpecialSymbol(): [Token, string] {
    let last: [Token, string] | null = null;
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch)) {
        buffer += ch;
        const token = STRING_TO_TOKEN.get(buffer);
        if (token !== undefined) {
          last = [token, buffer];
        } else if (last !== null) {
          this.unread();
          break;
        }
      } else {
        this.unread();
        break;
      }
    }
    if (last === null) return ['ErrorToken', `error expected: keyword found '${buffer}'`];
    return last;
  }

  /** Lexer.Lex: the next token and its literal. */
  lex(): [Token, string] {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === END) return ['EndOfStringToken', ''];
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword();
  }
}

/** ParserContext: inside a value list, `in` and `notin` are identifiers. */
export type ParserContext = 'KeyAndOperator' | 'Values';

class ParseError extends Error {}

// A nil *field.Path prints "<nil>"; its children print as if it were absent.
function childOf(path: Path | null, name: string): Path {
  return path === null ? Path.of(name) : path.child(name);
}

function keyError(key: string, path: Path | null): FieldErr | null {
  const errs = isLabelKey(key);
  if (errs.length === 0) return null;
  const e = invalid(path ?? Path.ROOT, key, errs.join('; '));
  return path === null ? { ...e, field: '<nil>' } : e;
}

/** selector.go Parser over the scanned tokens. */
export class Parser {
  private readonly items: [Token, string][] = [];
  private position = 0;

  constructor(
    input: string,
    private readonly path: Path | null = null,
  ) {
    const lexer = new Lexer(input);
    for (;;) {
      const item = lexer.lex();
      this.items.push(item);
      if (item[0] === 'EndOfStringToken') break;
    }
  }

  /** The scanned tokens, EndOfStringToken last (Parser.scan). */
  get scannedItems(): readonly [Token, string][] {
    return this.items;
  }

  /** Parser.lookahead: the current token, not consumed. */
  lookahead(context: ParserContext): [Token, string] {
    const [tok, lit] = this.items[this.position];
    return [context === 'Values' && (tok === 'InToken' || tok === 'NotInToken') ? 'IdentifierToken' : tok, lit];
  }

  /** Parser.consume: the current token, then move on. */
  consume(context: ParserContext): [Token, string] {
    const [tok, lit] = this.items[this.position++];
    return [context === 'Values' && (tok === 'InToken' || tok === 'NotInToken') ? 'IdentifierToken' : tok, lit];
  }

  /** Parser.parse: the requirements in the order written, or throws with upstream's message. */
  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead('Values');
      switch (tok) {
        case 'IdentifierToken':
        case 'DoesNotExistToken': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            throw new ParseError(`unable to parse requirement: ${(e as Error).message}`);
          }
          requirements.push(r);
          const [t, l] = this.consume('Values');
          if (t === 'EndOfStringToken') return requirements;
          if (t !== 'CommaToken') throw new ParseError(`found '${l}', expected: ',' or 'end of string'`);
          const [t2, l2] = this.lookahead('Values');
          if (t2 !== 'IdentifierToken' && t2 !== 'DoesNotExistToken') throw new ParseError(`found '${l2}', expected: identifier after ','`);
          break;
        }
        case 'EndOfStringToken':
          return requirements;
        default:
          throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred !== null) return this.requirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'In' || operator === 'NotIn' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): sorted, unique.
    return this.requirement(key, operator, [...values].sort(compareGoStrings));
  }

  private requirement(key: string, operator: Operator, values: string[]): Requirement {
    const { requirement, errors } = newRequirement(key, operator, values, this.path ?? Path.ROOT);
    if (errors.length > 0) throw new ParseError(aggregateMessage(errors));
    return requirement;
  }

  // Exists when the key stands alone, DoesNotExist after '!', null when an operator follows.
  private parseKeyAndInferOperator(): [string, Operator | null] {
    let operator: Operator | null = null;
    let [tok, literal] = this.consume('Values');
    if (tok === 'DoesNotExistToken') {
      operator = 'DoesNotExist';
      [tok, literal] = this.consume('Values');
    }
    if (tok !== 'IdentifierToken') throw new ParseError(`found '${literal}', expected: identifier`);
    const err = keyError(literal, this.path);
    if (err !== null) throw new ParseError(errorString(err));
    const [next] = this.lookahead('Values');
    if ((next === 'EndOfStringToken' || next === 'CommaToken') && operator === null) operator = 'Exists';
    return [literal, operator];
  }

  /** Parser.parseOperator: a binary operator, or throws. */
  parseOperator(): Operator {
    const [tok, lit] = this.consume('KeyAndOperator');
    switch (tok) {
      case 'InToken':
        return 'In';
      case 'EqualsToken':
        return 'Equals';
      case 'DoubleEqualsToken':
        return 'DoubleEquals';
      case 'GreaterThanToken':
        return 'Gt';
      case 'LessThanToken':
        return 'Lt';
      case 'NotInToken':
        return 'NotIn';
      case 'NotEqualsToken':
        return 'NotEquals';
      default:
        throw new ParseError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  // "(a,b)"; "()" is the one empty value.
  private parseValues(): Set<string> {
    const [tok, lit] = this.consume('Values');
    if (tok !== 'OpenParToken') throw new ParseError(`found '${lit}' expected: '('`);
    const [next, nextLit] = this.lookahead('Values');
    switch (next) {
      case 'IdentifierToken':
      case 'CommaToken': {
        const s = this.parseIdentifiersList();
        // Upstream reports the token after '(' here, not the one that is not ')'.
        if (this.consume('Values')[0] !== 'ClosedParToken') throw new ParseError(`found '${nextLit}', expected: ')'`);
        return s;
      }
      case 'ClosedParToken':
        this.consume('Values');
        return new Set(['']);
      default:
        throw new ParseError(`found '${nextLit}', expected: ',', ')' or identifier`);
    }
  }

  // Comma-separated, possibly empty identifiers: "(,a)" and "(a,)" hold "".
  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume('Values');
      switch (tok) {
        case 'IdentifierToken': {
          s.add(lit);
          const [tok2, lit2] = this.lookahead('Values');
          if (tok2 === 'CommaToken') continue;
          if (tok2 === 'ClosedParToken') return s;
          throw new ParseError(`found '${lit2}', expected: ',' or ')'`);
        }
        case 'CommaToken': {
          if (s.size === 0) s.add('');
          const [tok2] = this.lookahead('Values');
          if (tok2 === 'ClosedParToken') {
            s.add('');
            return s;
          }
          if (tok2 === 'CommaToken') s.add('');
          break;
        }
        default:
          throw new ParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  // The one value after =, ==, !=, >, <; "" when nothing follows.
  private parseExactValue(): Set<string> {
    const [next] = this.lookahead('Values');
    if (next === 'EndOfStringToken' || next === 'CommaToken') return new Set(['']);
    const [tok, lit] = this.consume('Values');
    if (tok === 'IdentifierToken') return new Set([lit]);
    throw new ParseError(`found '${lit}', expected: identifier`);
  }
}

/**
 * labels.ParseToRequirements: the requirements sorted by key, or the error
 * message. `path` is field.WithPath's (null: Go's nil path).
 */
export function parseToRequirements(selector: string, path: Path | null = null): { requirements: Requirement[]; error: string | null } {
  try {
    return { requirements: sortByKey(new Parser(selector, path).parse()), error: null };
  } catch (e) {
    if (e instanceof ParseError) return { requirements: [], error: e.message };
    throw e;
  }
}

/**
 * labels.Parse: the selector, or Selector.invalid(message) (`.error` set)
 * when upstream returns an error.
 *
 * @example parse('x in (b,a),!y').toString() // "x in (a,b),!y"
 */
export function parse(selector: string, path: Path | null = null): Selector {
  const { requirements, error } = parseToRequirements(selector, path);
  return error !== null ? Selector.invalid(error) : Selector.of(requirements);
}

/** labels.ValidatedSelectorFromSet: `key=value` for each entry, validated; the first bad entry's errors. */
export function validatedSelectorFromSet(set: Labels): Selector {
  const requirements: Requirement[] = [];
  for (const key of Object.keys(set).sort(compareGoStrings)) {
    const { requirement, errors } = newRequirement(key, 'Equals', [set[key]]);
    if (errors.length > 0) return Selector.invalid(aggregateMessage(errors));
    requirements.push(requirement);
  }
  return Selector.of(requirements);
}

/** The problems NewRequirement found for the first failing entry, as field errors (for tests and callers that want fields). */
export function validatedSelectorFromSetErrors(set: Labels): ErrorList {
  for (const key of Object.keys(set).sort(compareGoStrings)) {
    const { errors } = newRequirement(key, 'Equals', [set[key]]);
    if (errors.length > 0) return errors;
  }
  return [];
}

const API_OPERATORS: Readonly<Record<string, Operator>> = { In: 'In', NotIn: 'NotIn', Exists: 'Exists', DoesNotExist: 'DoesNotExist' };

/**
 * metav1.LabelSelectorAsSelector over a v1 LabelSelector: absent (nil)
 * matches nothing, `{}` everything; matchLabels are `key=value`,
 * matchExpressions their operator; all sorted by key. Go ranges over
 * matchLabels in random order; keys are taken sorted here, so when several
 * are invalid the error is always the first key's.
 */
export function labelSelectorAsSelector(ps: unknown): Selector {
  const sel = asObject(ps);
  if (sel === undefined) return Selector.NOTHING;
  const matchLabels = asStringMap(sel.matchLabels);
  const labelKeys = Object.keys(matchLabels).sort(compareGoStrings);
  const expressions = asList(sel.matchExpressions);
  if (labelKeys.length + expressions.length === 0) return Selector.EVERYTHING;
  const requirements: Requirement[] = [];
  for (const key of labelKeys) {
    const { requirement, errors } = newRequirement(key, 'Equals', [matchLabels[key]]);
    if (errors.length > 0) return Selector.invalid(aggregateMessage(errors));
    requirements.push(requirement);
  }
  for (const item of expressions) {
    const expr = asObject(item) ?? {};
    const opText = asString(expr.operator);
    const op = Object.prototype.hasOwnProperty.call(API_OPERATORS, opText) ? API_OPERATORS[opText] : undefined;
    if (op === undefined) return Selector.invalid(`${goQuote(opText)} is not a valid label selector operator`);
    const values = asList(expr.values).map(asString);
    // append([]string(nil), values...) is nil when there are none.
    const { requirement, errors } = newRequirement(asString(expr.key), op, values.length === 0 ? null : values);
    if (errors.length > 0) return Selector.invalid(aggregateMessage(errors));
    requirements.push(requirement);
  }
  return Selector.EVERYTHING.add(requirements);
}

/**
 * metav1.LabelSelectorAsMap: the selector as plain labels when it is only
 * matchLabels and single-value In expressions; otherwise the labels gathered
 * so far and the error. Absent gives null.
 */
export function labelSelectorAsMap(ps: unknown): { labels: Record<string, string> | null; error: string | null } {
  const sel = asObject(ps);
  if (sel === undefined) return { labels: null, error: null };
  const labels: Record<string, string> = { ...asStringMap(sel.matchLabels) };
  for (const item of asList(sel.matchExpressions)) {
    const expr = asObject(item) ?? {};
    const op = asString(expr.operator);
    const values = asList(expr.values).map(asString);
    switch (op) {
      case 'In':
        if (values.length !== 1) {
          return { labels, error: `operator ${goQuote(op)} without a single value cannot be converted into the old label selector format` };
        }
        setOwn(labels, asString(expr.key), values[0]);
        break;
      case 'NotIn':
      case 'Exists':
      case 'DoesNotExist':
        return { labels, error: `operator ${goQuote(op)} cannot be converted into the old label selector format` };
      default:
        return { labels, error: `${goQuote(op)} is not a valid selector operator` };
    }
  }
  return { labels, error: null };
}
