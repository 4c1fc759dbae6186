// Conformance: the Is* checks of pkg/util/validation against apimachinery's own tables.
// src (k8s.io/apimachinery v0.36.3): pkg/util/validation/validation_test.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateMessage, invalid, required } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainWithUnderscore,
  isDomainPrefixedKey,
  isDomainPrefixedPath,
  isFullyQualifiedDomainName,
  isFullyQualifiedName,
  isHTTPHeaderName,
  isInRange,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  isWildcardDNS1123Subdomain,
  maxLenError,
  regexError,
} from '../../../simulations/apimachinery/validation.ts';

const U = 'pkg/util/validation/validation_test.go';

/** good values must give no message, bad ones at least one. */
function goodBad(fn: string, check: (v: string) => string[], good: string[], bad: string[]): void {
  for (const v of good) test(`${U} ${fn}: ${JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v)} is valid`, () => assert.deepEqual(check(v), []));
  for (const v of bad) test(`${U} ${fn}: ${JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v)} is invalid`, () => assert.notEqual(check(v).length, 0));
}

goodBad(
  'TestIsDNS1123Label',
  isDNS1123Label,
  ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)],
  [
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
    'a'.repeat(64),
  ],
);

goodBad(
  'TestIsDNS1123Subdomain',
  isDNS1123Subdomain,
  [
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a',
    'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
    '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2',
    '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55',
    'a'.repeat(253),
  ],
  [
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
    'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A',
    'A.1', 'aB.1', 'A1.1', '1A.1',
    '0.A', '01.A', '012.A', '1A.a', '1a.A',
    'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
    'a@b', 'a,b', 'a_b', 'a;b',
    'a:b', 'a%b', 'a?b', 'a$b',
    'a'.repeat(254),
  ],
);

goodBad(
  'TestIsDNS1035Label',
  isDNS1035Label,
  ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)],
  [
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
    'a'.repeat(64),
  ],
);

for (const v of [1, 2, 1000, 16384, 32768, 65535]) test(`${U} TestIsValidPortNum: ${v} is valid`, () => assert.deepEqual(isValidPortNum(v), []));
for (const v of [0, -1, 65536, 100000]) test(`${U} TestIsValidPortNum: ${v} is invalid`, () => assert.notEqual(isValidPortNum(v).length, 0));

for (const [v, lo, hi] of [[1, 0, 10], [5, 5, 20], [25, 10, 25]]) {
  test(`${U} TestIsInRange: ${v} in [${lo}, ${hi}]`, () => assert.deepEqual(isInRange(v, lo, hi), []));
}
for (const [v, lo, hi] of [[1, 2, 10], [5, -4, 2], [25, 100, 120]]) {
  test(`${U} TestIsInRange: ${v} not in [${lo}, ${hi}]`, () => assert.notEqual(isInRange(v, lo, hi).length, 0));
}

for (const [fn, check] of [['TestIsValidGroupID', isValidGroupID], ['TestIsValidUserID', isValidUserID]] as const) {
  for (const v of [0, 1, 1000, 65535, 2147483647]) test(`${U} ${fn}: ${v} is valid`, () => assert.deepEqual(check(v), []));
  for (const v of [-1, -1003, 2147483648, 4147483647]) test(`${U} ${fn}: ${v} is invalid`, () => assert.notEqual(check(v).length, 0));
}

goodBad(
  'TestIsValidPortName',
  isValidPortName,
  ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
  ['longerthan15characters', '', 'a'.repeat(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'],
);

goodBad(
  'TestIsQualifiedName',
  isQualifiedName,
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
  'TestIsValidLabelValue',
  isValidLabelValue,
  ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''],
  ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)],
);

goodBad(
  'TestIsHTTPHeaderName',
  isHTTPHeaderName,
  [
    'Accept-Encoding', 'Host', 'If-Modified-Since', 'X-Forwarded-For',
    'a', 'ab', 'abc', 'a1', '-a', 'a-', 'a-b', 'a-1', 'a--1--2--b', '--abc-123',
    'A', 'AB', 'AbC', 'A1', '-A', 'A-', 'A-B', 'A-1', 'A--1--2--B', '--123-ABC',
  ],
  [
    'Host:', 'X-Forwarded-For:', 'X-@Home',
    '', '_', 'a_', '_a', '1_', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', '#a#', '^', ',', ';', '=', '<',
    '?', '@', '{',
  ],
);

goodBad(
  'TestIsValidPercent',
  isValidPercent,
  ['0%', '00000%', '1%', '01%', '99%', '100%', '101%'],
  ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%'],
);

goodBad(
  'TestIsConfigMapKey',
  isConfigMapKey,
  ['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17'],
  ['.', '..', '..bad', 'b*d', 'bad!&bad'],
);

goodBad('TestIsWildcardDNS1123Subdomain', isWildcardDNS1123Subdomain, ['*.example.com', '*.bar.com', '*.foo.bar.com'], ['*.*.bar.com', '*.foo.*.com', '*bar.com', 'f*.bar.com', '*']);

const emptyPath = Path.of('');
goodBad(
  'TestIsFullyQualifiedDomainName',
  (v) => isFullyQualifiedDomainName(emptyPath, v).map((e) => e.detail || e.type),
  [
    'a.com', 'k8s.io', 'dev.k8s.io', 'dev.k8s.io.', 'foo.example.com', 'this.is.a.really.long.fqdn', 'bbc.co.uk',
    '10.0.0.1', // DNS labels can start with numbers and there is no requirement for letters.
    'hyphens-are-good.k8s.io', `${'a'.repeat(63)}.k8s.io`,
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(54)}.k8s.io`,
  ],
  [
    '.', '...', '.io', 'com', '.com', 'Dev.k8s.io', '.foo.example.com', '*.example.com', '*.bar.com', '*.foo.bar.com',
    'underscores_are_bad.k8s.io', 'foo@bar.example.com', 'http://foo.example.com', `${'a'.repeat(64)}.k8s.io`,
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(55)}.k8s.io`,
  ],
);

goodBad(
  'TestIsFullyQualifiedName',
  (v) => isFullyQualifiedName(emptyPath, v).map((e) => e.detail || e.type),
  ['dev.k8s.io', 'foo.example.com', 'this.is.a.really.long.fqdn', 'bbc.co.uk', '10.0.0.1', 'hyphens-are-good.k8s.io', `${'a'.repeat(246)}.k8s.io`],
  [
    '...', 'dev.k8s.io.', '.io', 'Dev.k8s.io', 'k8s.io', '*.example.com', '*.bar.com', '*.foo.bar.com',
    'underscores_are_bad.k8s.io', 'foo@bar.example.com', 'http://foo.example.com', `${'a'.repeat(247)}.k8s.io`,
  ],
);
const fqnMessages: [string, string, string][] = [
  ['name needs to be fully qualified, i.e., contains at least 2 dots', 'k8s.io', 'should be a domain with at least three segments separated by dots'],
  ['name should not include scheme', 'http://foo.k8s.io', 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters'],
  ['email should be invalid', 'example@foo.k8s.io', 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters'],
  ['name cannot be empty', '', 'Required value'],
  ['name must conform to RFC 1123', 'A.B.C', 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters'],
];
for (const [name, target, want] of fqnMessages) {
  test(`${U} TestIsFullyQualifiedName: ${name}`, () => {
    const msg = aggregateMessage(isFullyQualifiedName(emptyPath, target));
    assert.ok(msg.includes(want), msg);
  });
}

goodBad(
  'TestIsDomainPrefixedPath',
  (v) => isDomainPrefixedPath(emptyPath, v).map((e) => e.detail || e.type),
  [
    'a/b', 'a/b/c/d', 'a.com/foo', 'a.b.c.d/foo', 'k8s.io/foo/bar', 'k8s.io/FOO/BAR', 'dev.k8s.io/more/path',
    'this.is.a.really.long.fqdn/even/longer/path/just/because', 'bbc.co.uk/path/goes/here', '10.0.0.1/foo',
    'hyphens-are-good.k8s.io/and-in-paths-too', `${'a'.repeat(240)}.k8s.io/a`, `k8s.io/${'a'.repeat(240)}`,
  ],
  [
    '.', '...', '/b', 'com', '.com', 'a.b.c.d/foo?a=b', 'a.b.c.d/foo#a', 'Dev.k8s.io', '.foo.example.com', '*.example.com',
    'example.com/foo{}[]@^`', 'underscores_are_bad.k8s.io', 'underscores_are_bad.k8s.io/foo', 'foo@bar.example.com',
    'foo@bar.example.com/foo', `${'a'.repeat(247)}.k8s.io`,
  ],
);

goodBad(
  'TestIsRelaxedEnvVarName',
  isRelaxedEnvVarName,
  [
    '-', ':', '_', '+a', '>a', '<a', 'a.', 'a..', '*a', '%a', '?a', 'a:a', 'a_a', 'aAz', '~a', '|a',
    'a0a', 'a9', '/a', 'a ', '#a', '0a', '0 a', "'a", '(a', '@a',
  ],
  ['', '=', 'a=', '1=a', 'a=b', '#%=&&', `${String.fromCodePoint(1)}abc`, `${String.fromCodePoint(130)}abc`, 'Ç ç', 'Ä ä', 'Ñ ñ', 'Ø ø'],
);

// --- TestIsDNS1123SubdomainWithUnderscore: exact messages ---
const underscoreRegexError = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
  '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*',
  'example.com',
);
const underscoreCases: [string, string, string[]][] = [
  ['valid subdomain', 'example.com', []],
  ['valid subdomain with underscore', '_example.com', []],
  ['valid subdomain with multiple segments', 'sub._example.com', []],
  ['valid subdomain with hyphen', 'sub-domain.example.com', []],
  ['valid subdomain with underscore in middle', 'sub_domain.example.com', []],
  ['empty string', '', [underscoreRegexError]],
  ['invalid uppercase characters', 'Example.com', [underscoreRegexError]],
  ['invalid starting character', '-example.com', [underscoreRegexError]],
  ['invalid ending character', 'example.com-', [underscoreRegexError]],
  ['invalid characters', 'example@.com', [underscoreRegexError]],
  ['too long subdomain', `a.${'\0'.repeat(251)}.com`, [maxLenError(253), underscoreRegexError]],
  ['multiple dots', 'example..com', [underscoreRegexError]],
  ['underscore only', '_', [underscoreRegexError]],
];
for (const [name, value, want] of underscoreCases) {
  test(`${U} TestIsDNS1123SubdomainWithUnderscore: ${name}`, () => assert.deepEqual(isDNS1123SubdomainWithUnderscore(value), want));
}

// --- TestIsDomainPrefixedKey: exact errors ---
const testPath = Path.of('test');
const labelKeyMsg =
  "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const namePartMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const prefixedKeyCases: [string, string, ReturnType<typeof isDomainPrefixedKey>][] = [
  ['valid domain-prefixed key 1', 'example.com/foo', []],
  ['valid domain-prefixed key  2', 'example/com', []],
  ['invalid key 1', 'example', [invalid(testPath, 'example', 'must be a domain-prefixed key (such as "acme.io/foo")')]],
  ['invalid key 2', 'example/foo/bar', [invalid(testPath, 'example/foo/bar', labelKeyMsg)]],
  ['invalid key 3', '/example/foo', [invalid(testPath, '/example/foo', labelKeyMsg)]],
  ['invalid key 4', '', [required(testPath, '')]],
  ['invalid key 5', 'example.com/_e', [invalid(testPath, 'example.com/_e', namePartMsg)]],
  ['invalid key 6', 'example.com/e_', [invalid(testPath, 'example.com/e_', namePartMsg)]],
  ['invalid key 7', 'example.com/e?', [invalid(testPath, 'example.com/e?', namePartMsg)]],
  ['invalid key 8', 'example.com/e_$', [invalid(testPath, 'example.com/e_$', namePartMsg)]],
];
for (const [name, value, want] of prefixedKeyCases) {
  test(`${U} TestIsDomainPrefixedKey: ${name}`, () => assert.deepEqual(isDomainPrefixedKey(testPath, value), want));
}
