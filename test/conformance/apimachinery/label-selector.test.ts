// Conformance: labels.Parse, NewRequirement, Requirement/Selector matching and
// printing, LabelSelectorAsSelector/AsMap, against apimachinery's own tables.
// src (k8s.io/apimachinery v0.36.3): pkg/labels/selector_test.go, pkg/apis/meta/v1/helpers_test.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Lexer,
  Parser,
  labelSelectorAsMap,
  labelSelectorAsSelector,
  parse,
  validatedSelectorFromSet,
  validatedSelectorFromSetErrors,
} from '../../../simulations/apimachinery/label-selector.ts';
import type { Token } from '../../../simulations/apimachinery/label-selector.ts';
import { Selector, newRequirement, safeSort } from '../../../simulations/apimachinery/labels.ts';
import type { Operator, Requirement } from '../../../simulations/apimachinery/labels.ts';
import { compareGoStrings } from '../../../simulations/apimachinery/go-values.ts';

const SEL = 'pkg/labels/selector_test.go';
const HELPERS = 'pkg/apis/meta/v1/helpers_test.go';

/** getRequirement: NewRequirement over sets.NewString(vals...).List() (sorted, unique). */
function req(key: string, op: Operator, vals: string[] | null = null): Requirement {
  const list = vals === null ? [] : [...new Set(vals)].sort(compareGoStrings);
  const { requirement, errors } = newRequirement(key, op, list);
  assert.deepEqual(errors, [], `getRequirement(${key}) should be valid`);
  return requirement;
}

// The zero Requirement{} (key "", operator ""), which the upstream tables use for a bad entry.
const ZERO_REQ = { key: '', operator: '' as Operator, values: [] } as Requirement;

// --- TestSelectorParse ---
const goodStrings = ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'];
for (const s of goodStrings) {
  test(`${SEL} TestSelectorParse: ${JSON.stringify(s)} parses and restrings without spaces`, () => {
    const sel = parse(s);
    assert.equal(sel.error, null);
    assert.equal(sel.toString(), s.replaceAll(' ', ''));
  });
}
for (const s of ['x=a||y=b', 'x==a==b', '!x=a', 'x<a']) {
  test(`${SEL} TestSelectorParse: ${JSON.stringify(s)} is an error`, () => assert.notEqual(parse(s).error, null));
}

test(`${SEL} TestDeterministicParse`, () => {
  assert.equal(parse('x=a,a=x').toString(), parse('a=x,x=a').toString());
});

test(`${SEL} TestEverything`, () => {
  assert.equal(Selector.EVERYTHING.matches({ x: 'y' }), true);
  assert.equal(Selector.EVERYTHING.isEmpty, true);
});

// --- TestSelectorMatches ---
const labelset = { foo: 'bar', baz: 'blah' };
const matchCases: [string, Record<string, string>, boolean][] = [
  ['', { x: 'y' }, true],
  ['x=y', { x: 'y' }, true],
  ['x=y,z=w', { x: 'y', z: 'w' }, true],
  ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
  ['notin=in', { notin: 'in' }, true], // in and notin in exactMatch
  ['x', { x: 'z' }, true],
  ['!x', { y: 'z' }, true],
  ['x>1', { x: '2' }, true],
  ['x<1', { x: '0' }, true],
  ['x=z', {}, false],
  ['x=y', { x: 'z' }, false],
  ['x=y,z=w', { x: 'w', z: 'w' }, false],
  ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
  ['x', { y: 'z' }, false],
  ['!x', { x: 'z' }, false],
  ['x>1', { x: '0' }, false],
  ['x<1', { x: '2' }, false],
  ['foo=bar', labelset, true],
  ['baz=blah', labelset, true],
  ['foo=bar,baz=blah', labelset, true],
  ['foo=blah', labelset, false],
  ['baz=bar', labelset, false],
  ['foo=bar,foobar=bar,baz=blah', labelset, false],
];
for (const [s, ls, want] of matchCases) {
  test(`${SEL} TestSelectorMatches: ${JSON.stringify(s)} ${want ? 'matches' : 'does not match'} ${JSON.stringify(ls)}`, () => {
    const sel = parse(s);
    assert.equal(sel.error, null);
    assert.equal(sel.matches(ls), want);
  });
}

// --- TestSetMatches (SelectorFromSet) ---
for (const set of [{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }] as Record<string, string>[]) {
  test(`${SEL} TestSetMatches: ${JSON.stringify(set)} matches ${JSON.stringify(labelset)}`, () => {
    assert.equal(Selector.fromSet(set).matches(labelset), true);
  });
}

test(`${SEL} TestNilMapIsValid / TestSetIsEmpty`, () => {
  assert.equal(Selector.fromSet({}).isEmpty, true);
  assert.equal(Selector.of([]).isEmpty, true); // NewSelector()
});

// --- TestLexer ---
const lexerCases: [string, Token][] = [
  ['', 'EndOfStringToken'],
  [',', 'CommaToken'],
  ['notin', 'NotInToken'],
  ['in', 'InToken'],
  ['=', 'EqualsToken'],
  ['==', 'DoubleEqualsToken'],
  ['>', 'GreaterThanToken'],
  ['<', 'LessThanToken'],
  // Lex returns the longest valid token found
  ['!', 'DoesNotExistToken'],
  ['!=', 'NotEqualsToken'],
  ['(', 'OpenParToken'],
  [')', 'ClosedParToken'],
  // Non-"special" characters are part of an identifier
  ['~', 'IdentifierToken'],
  ['||', 'IdentifierToken'],
];
for (const [s, want] of lexerCases) {
  test(`${SEL} TestLexer: ${JSON.stringify(s)} is ${want}`, () => {
    const [tok, lit] = new Lexer(s).lex();
    assert.equal(tok, want);
    assert.equal(lit, s);
  });
}

// --- TestLexerSequence ---
const sequenceCases: [string, Token[]][] = [
  ['key in ( value )', ['IdentifierToken', 'InToken', 'OpenParToken', 'IdentifierToken', 'ClosedParToken']],
  ['key notin ( value )', ['IdentifierToken', 'NotInToken', 'OpenParToken', 'IdentifierToken', 'ClosedParToken']],
  ['key in ( value1, value2 )', ['IdentifierToken', 'InToken', 'OpenParToken', 'IdentifierToken', 'CommaToken', 'IdentifierToken', 'ClosedParToken']],
  ['key', ['IdentifierToken']],
  ['!key', ['DoesNotExistToken', 'IdentifierToken']],
  ['()', ['OpenParToken', 'ClosedParToken']],
  ['x in (),y', ['IdentifierToken', 'InToken', 'OpenParToken', 'ClosedParToken', 'CommaToken', 'IdentifierToken']],
  ['== != (), = notin', ['DoubleEqualsToken', 'NotEqualsToken', 'OpenParToken', 'ClosedParToken', 'CommaToken', 'EqualsToken', 'NotInToken']],
  ['key>2', ['IdentifierToken', 'GreaterThanToken', 'IdentifierToken']],
  ['key<1', ['IdentifierToken', 'LessThanToken', 'IdentifierToken']],
];
for (const [s, want] of sequenceCases) {
  test(`${SEL} TestLexerSequence: ${JSON.stringify(s)}`, () => {
    const lexer = new Lexer(s);
    const tokens: Token[] = [];
    for (;;) {
      const [tok] = lexer.lex();
      if (tok === 'EndOfStringToken') break;
      tokens.push(tok);
    }
    assert.deepEqual(tokens, want);
  });
}

// --- TestParserLookahead ---
const lookaheadCases: [string, Token[]][] = [
  ...sequenceCases.map(([s, t]): [string, Token[]] => [s, [...t, 'EndOfStringToken']]),
  ['', ['EndOfStringToken']],
];
for (const [s, want] of lookaheadCases) {
  test(`${SEL} TestParserLookahead: ${JSON.stringify(s)}`, () => {
    const p = new Parser(s);
    assert.deepEqual(
      p.scannedItems.map(([t]) => t),
      want,
    );
    for (;;) {
      const ahead = p.lookahead('KeyAndOperator');
      const consumed = p.consume('KeyAndOperator');
      if (ahead[0] === 'EndOfStringToken') break;
      assert.deepEqual(ahead, consumed);
    }
  });
}

// --- TestParseOperator ---
const binary = 'in, notin, =, ==, !=, gt, lt';
const operatorCases: [string, string | null][] = [
  ['in', null],
  ['=', null],
  ['==', null],
  ['>', null],
  ['<', null],
  ['notin', null],
  ['!=', null],
  ['!', `found '!', expected: ${binary}`],
  ['exists', `found 'exists', expected: ${binary}`],
  ['(', `found '(', expected: ${binary}`],
];
for (const [token, wantErr] of operatorCases) {
  test(`${SEL} TestParseOperator: ${JSON.stringify(token)}`, () => {
    const p = new Parser(token);
    if (wantErr === null) p.parseOperator();
    else assert.throws(() => p.parseOperator(), { message: wantErr });
  });
}

// --- TestRequirementConstructor (Detail ignored, as upstream's cmp option does) ---
const a254 = 'a'.repeat(254);
const constructorCases: { key: string; op: Operator; vals: string[] | null; want: { type: string; field: string; badValue: unknown }[] }[] = [
  { key: 'x1', op: 'In', vals: null, want: [{ type: 'FieldValueInvalid', field: 'values', badValue: [] }] },
  { key: 'x2', op: 'NotIn', vals: [], want: [{ type: 'FieldValueInvalid', field: 'values', badValue: [] }] },
  { key: 'x3', op: 'In', vals: ['foo'], want: [] },
  { key: 'x4', op: 'NotIn', vals: ['foo'], want: [] },
  { key: 'x5', op: 'Equals', vals: ['foo', 'bar'], want: [{ type: 'FieldValueInvalid', field: 'values', badValue: ['bar', 'foo'] }] },
  { key: 'x6', op: 'Exists', vals: null, want: [] },
  { key: 'x7', op: 'DoesNotExist', vals: null, want: [] },
  { key: 'x8', op: 'Exists', vals: ['foo'], want: [{ type: 'FieldValueInvalid', field: 'values', badValue: ['foo'] }] },
  { key: 'x9', op: 'In', vals: ['bar'], want: [] },
  { key: 'x10', op: 'In', vals: ['bar'], want: [] },
  { key: 'x11', op: 'Gt', vals: ['1'], want: [] },
  { key: 'x12', op: 'Lt', vals: ['6'], want: [] },
  { key: 'x13', op: 'Gt', vals: null, want: [{ type: 'FieldValueInvalid', field: 'values', badValue: [] }] },
  { key: 'x14', op: 'Gt', vals: ['bar'], want: [{ type: 'FieldValueInvalid', field: 'values[0]', badValue: 'bar' }] },
  { key: 'x15', op: 'Lt', vals: ['bar'], want: [{ type: 'FieldValueInvalid', field: 'values[0]', badValue: 'bar' }] },
  { key: a254, op: 'Exists', vals: null, want: [{ type: 'FieldValueInvalid', field: 'key', badValue: a254 }] },
  { key: 'x16', op: 'Equals', vals: [a254], want: [{ type: 'FieldValueInvalid', field: 'values[0][x16]', badValue: a254 }] },
  { key: 'x17', op: 'Equals', vals: ['a b'], want: [{ type: 'FieldValueInvalid', field: 'values[0][x17]', badValue: 'a b' }] },
  { key: 'x18', op: 'unsupportedOp' as Operator, vals: null, want: [{ type: 'FieldValueNotSupported', field: 'operator', badValue: 'unsupportedOp' }] },
];
for (const c of constructorCases) {
  test(`${SEL} TestRequirementConstructor: ${c.key.slice(0, 20)}`, () => {
    // rc.Vals.List(): a nil set lists as an empty (non-nil) slice.
    const { errors } = newRequirement(c.key, c.op, c.vals === null ? [] : [...c.vals].sort(compareGoStrings));
    assert.deepEqual(
      errors.map((e) => ({ type: e.type, field: e.field, badValue: e.badValue })),
      c.want,
    );
  });
}

// --- TestToString ---
const toStringCases: [Requirement[], string][] = [
  [[req('x', 'In', ['abc', 'def']), req('y', 'NotIn', ['jkl']), req('z', 'Exists')], 'x in (abc,def),y notin (jkl),z'],
  [[req('x', 'NotIn', ['abc', 'def']), req('y', 'NotEquals', ['jkl']), req('z', 'DoesNotExist')], 'x notin (abc,def),y!=jkl,!z'],
  [[req('x', 'In', ['abc', 'def']), ZERO_REQ], 'x in (abc,def),'], // empty req for the trailing ','
  [[req('x', 'NotIn', ['abc']), req('y', 'In', ['jkl', 'mno']), req('z', 'NotIn', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
  [[req('x', 'Equals', ['abc']), req('y', 'DoubleEquals', ['jkl']), req('z', 'NotEquals', ['a']), req('z', 'Exists')], 'x=abc,y==jkl,z!=a,z'],
  [[req('x', 'Gt', ['2']), req('y', 'Lt', ['8']), req('z', 'Exists')], 'x>2,y<8,z'],
];
for (const [reqs, want] of toStringCases) {
  test(`${SEL} TestToString: ${want}`, () => assert.equal(Selector.of(reqs).toString(), want));
}

// --- TestRequirementSelectorMatching ---
const reqMatchCases: [Record<string, string>, Requirement[], boolean][] = [
  [{ x: 'foo', y: 'baz' }, [ZERO_REQ], false],
  [{ x: 'foo', y: 'baz' }, [req('x', 'In', ['foo']), req('y', 'NotIn', ['alpha'])], true],
  [{ x: 'foo', y: 'baz' }, [req('x', 'In', ['foo']), req('y', 'In', ['alpha'])], false],
  [{ y: '' }, [req('x', 'NotIn', ['']), req('y', 'Exists')], true],
  [{ y: '' }, [req('x', 'DoesNotExist'), req('y', 'Exists')], true],
  [{ y: '' }, [req('x', 'NotIn', ['']), req('y', 'DoesNotExist')], false],
  [{ y: 'baz' }, [req('x', 'In', [''])], false],
  [{ z: '2' }, [req('z', 'Gt', ['1'])], true],
  [{ z: 'v2' }, [req('z', 'Gt', ['1'])], false],
];
reqMatchCases.forEach(([set, reqs, want], i) => {
  test(`${SEL} TestRequirementSelectorMatching [${i}]`, () => assert.equal(Selector.of(reqs).matches(set), want));
});

// --- TestSetSelectorParser: [input, expected requirements (null: not compared), compare, valid] ---
const parserCases: [string, Requirement[] | null, boolean, boolean][] = [
  ['', [], true, true],
  ['\rx', [req('x', 'Exists')], true, true],
  ['this-is-a-dns.domain.com/key-with-dash', [req('this-is-a-dns.domain.com/key-with-dash', 'Exists')], true, true],
  ['this-is-another-dns.domain.com/key-with-dash in (so,what)', [req('this-is-another-dns.domain.com/key-with-dash', 'In', ['so', 'what'])], true, true],
  ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'NotIn', ['10.10.100.1', 'tick.tack.clock'])], true, true],
  ['foo  in\t (abc)', [req('foo', 'In', ['abc'])], true, true],
  ['x notin\n (abc)', [req('x', 'NotIn', ['abc'])], true, true],
  ['x  notin\t\t\t(abc,def)', [req('x', 'NotIn', ['abc', 'def'])], true, true],
  ['x in (abc,def)', [req('x', 'In', ['abc', 'def'])], true, true],
  ['x in (abc,)', [req('x', 'In', ['abc', ''])], true, true],
  ['x in (abc,abc)', [req('x', 'In', ['abc'])], true, true],
  ['x in ()', [req('x', 'In', [''])], true, true],
  ['x in (a,,)', [req('x', 'In', ['a', ''])], true, true],
  ['x in (a,,,)', [req('x', 'In', ['a', ''])], true, true],
  ['x in (a,,,,,,)', [req('x', 'In', ['a', ''])], true, true],
  ['x in (a,,a,,a,,a,,)', [req('x', 'In', ['a', ''])], true, true],
  ['x notin (abc,,def),bar,z in (),w', [req('bar', 'Exists'), req('w', 'Exists'), req('x', 'NotIn', ['abc', '', 'def']), req('z', 'In', [''])], true, true],
  ['x,y in (a)', null, false, true],
  ['x=a', [req('x', 'Equals', ['a'])], true, true],
  ['x>1', [req('x', 'Gt', ['1'])], true, true],
  ['x<7', [req('x', 'Lt', ['7'])], true, true],
  ['x=a,y!=b', [req('x', 'Equals', ['a']), req('y', 'NotEquals', ['b'])], true, true],
  ['x=a,y!=b,z in (h,i,j)', [req('x', 'Equals', ['a']), req('y', 'NotEquals', ['b']), req('z', 'In', ['h', 'i', 'j'])], true, true],
  ['x=a||y=b', null, false, false],
  ['x,,y', null, true, false],
  [',x,y', null, true, false],
  ['x nott in (y)', null, true, false],
  ['x notin ( )', [req('x', 'NotIn', [''])], true, true],
  ['x notin (, a)', [req('x', 'NotIn', ['', 'a'])], true, true],
  ['a in (xyz),', null, true, false],
  ['a in (xyz)b notin ()', null, true, false],
  ['a ', [req('a', 'Exists')], true, true],
  ['a in (x,y,notin, z,in)', [req('a', 'In', ['in', 'notin', 'x', 'y', 'z'])], true, true], // operator 'in' inside list of identifiers
  ['a in (xyz abc)', null, false, false], // no comma
  ['a notin(', null, true, false], // bad formed
  ['a (', null, false, false], // cpar
  ['(', null, false, false], // opar
];
for (const [input, out, compare, valid] of parserCases) {
  test(`${SEL} TestSetSelectorParser: ${JSON.stringify(input)} ${valid ? 'parses' : 'is an error'}`, () => {
    const sel = parse(input);
    assert.equal(sel.error === null, valid, sel.error ?? '');
    if (valid && compare) assert.deepEqual(sel.requirements, out);
  });
}

// --- TestAdd ---
test(`${SEL} TestAdd: keyInOperator`, () => {
  const sel = Selector.of([]).add([req('key', 'In', ['value'])]);
  assert.deepEqual(sel.requirements, [{ key: 'key', operator: 'In', values: ['value'] }]);
});
test(`${SEL} TestAdd: keyEqualsOperator`, () => {
  const sel = Selector.of([{ key: 'key', operator: 'In', values: ['value'] }]).add([req('key2', 'Equals', ['value2'])]);
  assert.deepEqual(sel.requirements, [
    { key: 'key', operator: 'In', values: ['value'] },
    { key: 'key2', operator: 'Equals', values: ['value2'] },
  ]);
});

// --- TestSafeSort ---
const safeSortCases: [string, string[], string[]][] = [
  ['nil strings', [], []],
  ['ordered strings', ['bar', 'foo'], ['bar', 'foo']],
  ['unordered strings', ['foo', 'bar'], ['bar', 'foo']],
  ['duplicated strings', ['foo', 'bar', 'foo', 'bar'], ['bar', 'bar', 'foo', 'foo']],
];
for (const [name, input, want] of safeSortCases) {
  test(`${SEL} TestSafeSort: ${name}`, () => {
    const copy = [...input];
    assert.deepEqual(safeSort(input), want);
    assert.deepEqual(input, copy);
  });
}

// --- TestSetSelectorString (ValidatedSetSelector prints as SelectorFromSet does) ---
const setStringCases: [Record<string, string>, string][] = [
  [{}, ''],
  [{ app: 'foo' }, 'app=foo'],
  [{ app: 'foo', a: 'b' }, 'a=b,app=foo'],
];
for (const [set, want] of setStringCases) {
  test(`${SEL} TestSetSelectorString: ${JSON.stringify(want)}`, () => assert.equal(Selector.fromSet(set).toString(), want));
}

// --- TestRequiresExactMatch ---
const exactCases: [string, Requirement[], string, string | undefined][] = [
  ['keyInOperatorExactMatch', [{ key: 'key', operator: 'In', values: ['value'] }], 'key', 'value'],
  ['keyInOperatorNotExactMatch', [{ key: 'key', operator: 'In', values: ['value', 'value2'] }], 'key', undefined],
  [
    'keyInOperatorNotExactMatch (second key)',
    [
      { key: 'key', operator: 'In', values: ['value', 'value1'] },
      { key: 'key2', operator: 'In', values: ['value2'] },
    ],
    'key2',
    'value2',
  ],
  ['keyEqualOperatorExactMatch', [{ key: 'key', operator: 'Equals', values: ['value'] }], 'key', 'value'],
  ['keyDoubleEqualOperatorExactMatch', [{ key: 'key', operator: 'DoubleEquals', values: ['value'] }], 'key', 'value'],
  ['keyNotEqualOperatorExactMatch', [{ key: 'key', operator: 'NotEquals', values: ['value'] }], 'key', undefined],
  [
    'keyEqualOperatorExactMatchFirst',
    [
      { key: 'key', operator: 'In', values: ['value'] },
      { key: 'key2', operator: 'In', values: ['value2'] },
    ],
    'key',
    'value',
  ],
];
for (const [name, reqs, label, want] of exactCases) {
  test(`${SEL} TestRequiresExactMatch: ${name}`, () => assert.equal(Selector.of(reqs).requiresExactMatch(label), want));
}

// --- TestValidatedSelectorFromSet ---
test(`${SEL} TestValidatedSelectorFromSet: Simple Set, no error`, () => {
  const sel = validatedSelectorFromSet({ key: 'val' });
  assert.equal(sel.error, null);
  assert.deepEqual(sel.requirements, [{ key: 'key', operator: 'Equals', values: ['val'] }]);
});
test(`${SEL} TestValidatedSelectorFromSet: Invalid Set, value too long`, () => {
  const long = 'axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui';
  assert.notEqual(validatedSelectorFromSet({ Key: long }).error, null);
  assert.deepEqual(
    validatedSelectorFromSetErrors({ Key: long }).map((e) => ({ type: e.type, field: e.field, badValue: e.badValue })),
    [{ type: 'FieldValueInvalid', field: 'values[0][Key]', badValue: long }],
  );
});

// --- TestRequirementEqual (Requirement.Equal: key, operator and values in order) ---
const eqCases: [string, Requirement, Requirement, boolean][] = [
  ['same requirements should be equal', { key: 'key', operator: 'Equals', values: ['foo', 'bar'] }, { key: 'key', operator: 'Equals', values: ['foo', 'bar'] }, true],
  ['requirements with different keys should not be equal', { key: 'key1', operator: 'Equals', values: ['foo', 'bar'] }, { key: 'key2', operator: 'Equals', values: ['foo', 'bar'] }, false],
  ['requirements with different operators should not be equal', { key: 'key', operator: 'Equals', values: ['foo', 'bar'] }, { key: 'key', operator: 'In', values: ['foo', 'bar'] }, false],
  ['requirements with different values should not be equal', { key: 'key', operator: 'Equals', values: ['foo', 'bar'] }, { key: 'key', operator: 'Equals', values: ['foobar'] }, false],
];
for (const [name, x, y, want] of eqCases) {
  test(`${SEL} TestRequirementEqual: ${name}`, () => {
    let equal = true;
    try {
      assert.deepStrictEqual(x, y);
    } catch {
      equal = false;
    }
    assert.equal(equal, want);
  });
}

// --- TestMatchesNothing ---
const nothingCases: [string, Selector, boolean][] = [
  ['MatchNothing should match Nothing()', Selector.NOTHING, true],
  ['MatchNothing should not match Everything()', Selector.EVERYTHING, false],
  ['MatchNothing should not match empty set', Selector.fromSet({}), false],
  ['MatchNothing should not match non-empty set', Selector.fromSet({ key: 'value' }), false],
  ['MatchNothing should not match empty selector', parse(''), false],
  ['MatchNothing should not match non-empty selector - exists', parse('a'), false],
  ['MatchNothing should not match non-empty selector - not exists', parse('!a'), false],
  ['MatchNothing should not match non-empty selector - equals', parse('a=b'), false],
  ['MatchNothing should not match non-empty selector - not equals', parse('a!=b'), false],
  ['MatchNothing should not match non-empty selector - in', parse('a in (b)'), false],
  ['MatchNothing should not match non-empty selector - notin', parse('a notin (b)'), false],
  ['MatchNothing should not match non-empty selector - conflict exists and not exists', parse('a,!a'), false],
  ['MatchNothing should not match non-empty selector - conflict equals and not equals', parse('a=b,a!=b'), false],
  ['MatchNothing should not match non-empty selector - conflict in and notin', parse('a in (b),a notin (b)'), false],
];
for (const [name, sel, want] of nothingCases) {
  test(`${SEL} TestMatchesNothing: ${name}`, () => assert.equal(sel.isNothing, want));
}

// --- helpers_test.go TestLabelSelectorAsSelector (compared as fmt.Sprint of the selectors) ---
const matchLabels = { foo: 'bar' };
const matchExpressions = [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }];
const asSelectorCases: [string, unknown, string | null][] = [
  ['nil', undefined, ''],
  ['empty', {}, ''],
  ['matchLabels', { matchLabels }, 'foo=bar'],
  ['matchExpressions', { matchExpressions }, 'baz in (norf,qux)'],
  ['both', { matchLabels, matchExpressions }, 'baz in (norf,qux),foo=bar'],
  ['Exists with values', { matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] }, null],
];
for (const [name, input, want] of asSelectorCases) {
  test(`${HELPERS} TestLabelSelectorAsSelector: ${name}`, () => {
    const before = JSON.stringify(input);
    const sel = labelSelectorAsSelector(input);
    assert.equal(JSON.stringify(input), before, 'the input is not modified');
    if (want === null) {
      assert.notEqual(sel.error, null);
    } else {
      assert.equal(sel.error, null);
      assert.equal(sel.toString(), parse(want).toString());
      assert.equal(sel.toString(), want);
    }
  });
}
test(`${HELPERS} TestLabelSelectorAsSelector: nil is Nothing, empty is Everything`, () => {
  assert.equal(labelSelectorAsSelector(undefined).isNothing, true);
  assert.equal(labelSelectorAsSelector({}).isEmpty, true);
});

// --- helpers_test.go TestLabelSelectorAsMap ---
const exprs = (operator: string, values: string[]) => [{ key: 'baz', operator, values }];
const asMapCases: [unknown, Record<string, string> | null, string][] = [
  [undefined, null, ''],
  [{ matchLabels }, { foo: 'bar' }, ''],
  [{ matchLabels, matchExpressions: exprs('In', ['norf']) }, { foo: 'bar', baz: 'norf' }, ''],
  [{ matchExpressions: exprs('In', ['norf']) }, { baz: 'norf' }, ''],
  [{ matchLabels, matchExpressions: exprs('In', ['norf', 'qux']) }, { foo: 'bar' }, 'without a single value cannot be converted'],
  [{ matchExpressions: exprs('NotIn', ['norf', 'qux']) }, {}, 'cannot be converted'],
  [{ matchLabels, matchExpressions: exprs('Exists', []) }, { foo: 'bar' }, 'cannot be converted'],
  [{ matchExpressions: exprs('DoesNotExist', []) }, {}, 'cannot be converted'],
];
asMapCases.forEach(([input, want, errString], i) => {
  test(`${HELPERS} TestLabelSelectorAsMap [${i}]`, () => {
    const { labels, error } = labelSelectorAsMap(input);
    if (errString === '') assert.equal(error, null);
    else assert.ok(error?.includes(errString), error ?? 'no error');
    assert.deepEqual(labels, want);
  });
});
