// Conformance: the pkg/api/validate/content format checks against apimachinery's own tables.
// src (k8s.io/apimachinery v0.36.3): pkg/api/validate/content/{dns,identifier,kube,path,decimal_int}_test.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isCIdentifier,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainCaseless,
  isDecimalInteger,
  isLabelKey,
  isLabelValue,
  isPathSegmentName,
  isPathSegmentPrefix,
} from '../../../simulations/apimachinery/validate-content.ts';

const C = 'pkg/api/validate/content';
const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v);

function goodBad(file: string, fn: string, check: (v: string) => string[], good: string[], bad: string[]): void {
  for (const v of good) test(`${C}/${file} ${fn}: ${show(v)} is valid`, () => assert.deepEqual(check(v), []));
  for (const v of bad) test(`${C}/${file} ${fn}: ${show(v)} is invalid`, () => assert.notEqual(check(v).length, 0));
}

const labelGood = ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2'];
goodBad('dns_test.go', 'TestIsDNS1123Label', isDNS1123Label, [...labelGood, 'a'.repeat(63)], [
  '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
  '-', 'a-', '-a', '1-', '-1',
  '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
  '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
  ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  'a'.repeat(64),
]);

const subdomainGood = [
  ...labelGood,
  'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a',
  'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
  '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2',
  '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
  'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55',
];
const subdomainBadCommon = [
  '-', 'a-', '-a', '1-', '-1',
  '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
  '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
  ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
];
goodBad('dns_test.go', 'TestIsDNS1123Subdomain', isDNS1123Subdomain, [...subdomainGood, 'a'.repeat(253)], [
  '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
  ...subdomainBadCommon,
  'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A',
  'A.1', 'aB.1', 'A1.1', '1A.1',
  '0.A', '01.A', '012.A', '1A.a', '1a.A',
  'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
  'a@b', 'a,b', 'a_b', 'a;b',
  'a:b', 'a%b', 'a?b', 'a$b',
  'a'.repeat(254),
]);
goodBad(
  'dns_test.go',
  'TestIsDNS1123SubdomainCaseless',
  isDNS1123SubdomainCaseless,
  [
    ...subdomainGood,
    'A', 'AB', 'ABC', 'A1', 'A-1',
    'A.A', 'AB.A', 'ABC.A', 'A1.A', 'A-1.A',
    'A.B.C.D.E', 'AA.BB.CC.DD.EE',
    'a.B.c.d.e', 'aa.bB.cc.dd.ee',
    'a'.repeat(253),
    'A'.repeat(253),
  ],
  ['', ...subdomainBadCommon, 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', 'a'.repeat(254)],
);

goodBad(
  'identifier_test.go',
  'TestIsCIdentifier',
  isCIdentifier,
  ['a', 'ab', 'abc', 'a1', '_a', 'a_', 'a_b', 'a_1', 'a__1__2__b', '__abc_123', 'A', 'AB', 'AbC', 'A1', '_A', 'A_', 'A_B', 'A_1', 'A__1__2__B', '__123_ABC'],
  ['', '1', '123', '1a', '-', 'a-', '-a', '1-', '-1', '1_', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', '#a#'],
);

goodBad(
  'kube_test.go',
  'TestIsLabelKey',
  isLabelKey,
  [
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num',
    '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo',
    'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ],
  [
    'nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc',
    'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`,
  ],
);
goodBad(
  'kube_test.go',
  'TestIsLabelValue',
  isLabelValue,
  ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''],
  ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)],
);

// --- path_test.go: [case, name, expected text in the first message ("" = valid)] ---
const pathPrefixCases: [string, string, string][] = [
  ['empty', '', ''], // upstream: "this probably should fail"
  ['valid short', 'foo', ''],
  ['valid long', 'foo.bar.baz', ''],
  ['valid complex', 'sha256:ABCDEF012345@ABCDEF012345', ''],
  ['valid extended charset', 'Iñtërnâtiônàlizætiøn', ''],
  ['dot', '.', ''],
  ['dot leading', '.test', ''],
  ['dot dot', '..', ''],
  ['dot dot leading', '..test', ''],
  ['slash', 'foo/bar', '/'],
  ['percent', 'foo%bar', '%'],
];
const pathNameExpected: Record<string, string> = { dot: '.', 'dot dot': '..' };
for (const [name, value, want] of pathPrefixCases) {
  test(`${C}/path_test.go TestIsPathSegmentPrefix: ${name}`, () => {
    const msgs = isPathSegmentPrefix(value);
    if (want === '') assert.deepEqual(msgs, []);
    else assert.ok(msgs.length > 0 && msgs[0].includes(want), msgs.join('; '));
  });
  const nameWant = pathNameExpected[name] ?? want;
  test(`${C}/path_test.go TestIsPathSegmentName: ${name}`, () => {
    const msgs = isPathSegmentName(value);
    if (nameWant === '') assert.deepEqual(msgs, []);
    else assert.ok(msgs.length > 0 && msgs[0].includes(nameWant), msgs.join('; '));
  });
}

// --- decimal_int_test.go TestIsDecimalInteger: [name, input, shouldPass, errContains] ---
const decimalCases: [string, string, boolean, string?][] = [
  ['zero', '0', true], ['positive single digit 1', '1', true], ['positive single digit 2', '2', true],
  ['positive single digit 5', '5', true], ['positive single digit 9', '9', true], ['negative single digit', '-5', true],
  ['negative single digit 1', '-1', true], ['negative single digit 9', '-9', true],
  ['number starting with 1', '100', true], ['number starting with 2', '234', true], ['number starting with 3', '345', true],
  ['number starting with 4', '456', true], ['number starting with 5', '567', true], ['number starting with 6', '678', true],
  ['number starting with 7', '789', true], ['number starting with 8', '890', true], ['number starting with 9', '999', true],
  ['positive multi-digit', '123', true], ['negative multi-digit', '-456', true], ['negative starting with 1', '-100', true],
  ['negative starting with 9', '-987', true], ['large positive number', '9223372036854775807', true],
  ['large negative number', '-9223372036854775808', true], ['very long valid number', '12345678901234567890', true],
  ['all nines', '999999999999', true],
  ['negative zero', '-0', false], ['double zero', '00', false], ['triple zero', '000', false], ['many zeros', '0000000', false],
  ['leading zero single digit', '01', false], ['leading zero digit 2', '02', false], ['leading zero digit 9', '09', false],
  ['leading zero multi-digit', '0123', false], ['octal-like format', '0700', false], ['octal-like format 2', '0950', false],
  ['multiple leading zeros', '00123', false], ['negative with leading zero', '-01', false], ['negative with leading zeros', '-0123', false],
  ['negative double zero', '-00', false], ['plus sign', '+123', false], ['positive plus sign', '+5', false], ['plus zero', '+0', false],
  ['empty string', '', false, 'non-empty'], ['just minus sign', '-', false], ['just plus sign', '+', false], ['single space', ' ', false],
  ['multiple spaces', '   ', false], ['leading space', ' 123', false], ['trailing space', '123 ', false], ['space in middle', '12 3', false],
  ['spaces around', ' 123 ', false],
  ['decimal number', '12.3', false], ['decimal zero', '0.0', false], ['negative decimal', '-12.5', false], ['trailing dot', '123.', false],
  ['leading dot', '.123', false],
  ['alphabetic', 'abc', false], ['alphanumeric', '12a3', false], ['letter at start', 'a123', false], ['letter at end', '123a', false],
  ['uppercase letters', 'ABC', false], ['mixed case', '12A3', false],
  ['hexadecimal', '0x123', false], ['hex uppercase', '0X123', false], ['octal prefix', '0o777', false], ['binary prefix', '0b101', false],
  ['scientific notation', '1e5', false], ['scientific negative exp', '1e-5', false], ['scientific uppercase', '1E5', false],
  ['underscore separator', '1_000', false], ['comma separator', '1,000', false], ['period separator', '1.000', false],
  ['apostrophe separator', "1'000", false],
  ['double minus', '--123', false], ['double plus', '++123', false], ['plus minus', '+-123', false], ['minus plus', '-+123', false],
  ['minus at end', '123-', false], ['minus in middle', '12-3', false], ['plus at end', '123+', false], ['plus in middle', '12+3', false],
  ['tab character at start', '\t123', false], ['tab character at end', '123\t', false], ['newline character', '123\n', false],
  ['carriage return', '123\r', false], ['null character', '123\x00', false], ['vertical tab', '123\v', false], ['form feed', '123\f', false],
  ['parentheses', '(123)', false], ['brackets', '[123]', false], ['braces', '{123}', false],
  ['dollar sign', '$123', false], ['percent sign', '123%', false], ['hash', '#123', false], ['at sign', '@123', false],
  ['ampersand', '&123', false], ['asterisk', '*123', false], ['slash', '12/3', false], ['backslash', '12\\3', false],
  ['pipe', '12|3', false], ['semicolon', '12;3', false], ['colon', '12:3', false], ['question mark', '12?3', false],
  ['exclamation', '12!3', false], ['tilde', '~123', false], ['backtick', '`123', false], ['single quote', "'123'", false],
  ['double quote', '"123"', false],
  ['unicode minus', '−123', false], ['unicode digit', '１２３', false], ['arabic digits', '١٢٣', false],
  ['chinese characters', '一二三', false], ['superscript', '123⁴', false], ['subscript', '123₄', false],
];
for (const [name, input, shouldPass, errContains] of decimalCases) {
  test(`${C}/decimal_int_test.go TestIsDecimalInteger: ${name}`, () => {
    const errs = isDecimalInteger(input);
    if (shouldPass) assert.deepEqual(errs, []);
    else {
      assert.notEqual(errs.length, 0);
      if (errContains) assert.ok(errs.some((e) => e.includes(errContains)));
    }
  });
}
