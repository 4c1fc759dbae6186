// The Go scalars the decoder checks the way Go does: time.Parse (metav1.Time,
// MicroTime), base64.StdEncoding (a []byte field), resource.ParseQuantity.
//
// Upstream:
// - Go src/time/format_test.go parseErrorTests (the RFC3339 rows) and parseTests
//   (RFC3339 inputs); k8s.io/apimachinery pkg/apis/meta/v1/time_test.go
//   TestTimeUnmarshalJSON, TestTimeUnmarshalCBOR, micro_time_test.go
//   TestMicroTimeUnmarshalJSON, TestMicroTimeUnmarshalCBOR (same time.Parse
//   behind both encodings).
// - Go src/encoding/base64/base64_test.go TestDecodeCorrupt.
// - k8s.io/apimachinery pkg/api/resource/quantity_test.go TestQuantityParse (the
//   valid table's inputs and the invalid list), TestJSONWhitespace,
//   TestQuantityUnmarshalCBOR (the empty string is ErrFormatWrong).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RFC3339, RFC3339_MICRO, timeParseError } from '../../../simulations/apiserver/decode/go-time-parse.ts';
import { base64Error } from '../../../simulations/apiserver/decode/go-base64.ts';
import { ERR_FORMAT_WRONG, quantityError } from '../../../simulations/apiserver/decode/quantity-syntax.ts';
import { decodeObject, unmarshal } from '../../../simulations/apiserver/decode/decode.ts';
import { GoTypes } from '../../../simulations/apiserver/decode/go-types.ts';
import { PACKAGES } from '../../../simulations/apiserver/decode/schemas.ts';

/** The holder structs of apimachinery's pkg/apis/meta/v1 time_test.go, micro_time_test.go, duration_test.go. */
const HOLDERS = new GoTypes({
  ...PACKAGES,
  holders: {
    id: 'holders',
    path: 'k8s.io/apimachinery/pkg/apis/meta/v1',
    name: 'v1',
    structs: { TimeHolder: ['t meta.Time'], MicroTimeHolder: ['t meta.MicroTime'], DurationHolder: ['d meta.Duration'] },
    named: {},
  },
});
const holderError = (holder: string, value: unknown): string | undefined =>
  unmarshal(value, 'holders', holder, { strict: false, types: HOLDERS }).error?.message;

describe('Go src/time/format_test.go: time.Parse(time.RFC3339, ...)', () => {
  // parseErrorTests checks that the error contains the expected text.
  const errors: [string, string][] = [
    ['2006-01-02T15:04:05Z07:00', 'parsing time "2006-01-02T15:04:05Z07:00": extra text: "07:00"'],
    ['2006-01-02T15:04_abc', 'parsing time "2006-01-02T15:04_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as ":"'],
    ['2006-01-02T15:04:05_abc', 'parsing time "2006-01-02T15:04:05_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as "Z07:00"'],
    ['2006-01-02T15:04:05Z_abc', 'parsing time "2006-01-02T15:04:05Z_abc": extra text: "_abc"'],
    ['2010-02-04T21:00:67.012345678-08:00', 'second out of range'],
    ['0000-01-01T00:00:.0+00:00', 'parsing time "0000-01-01T00:00:.0+00:00" as "2006-01-02T15:04:05Z07:00": cannot parse ".0+00:00" as "05"'],
    ['"', 'parsing time "\\"" as "2006-01-02T15:04:05Z07:00": cannot parse "\\"" as "2006"'],
    ['0000-01-01T00:00:00+00:+0', 'parsing time "0000-01-01T00:00:00+00:+0" as "2006-01-02T15:04:05Z07:00": cannot parse "+00:+0" as "Z07:00"'],
    ['0000-01-01T00:00:00+-0:00', 'parsing time "0000-01-01T00:00:00+-0:00" as "2006-01-02T15:04:05Z07:00": cannot parse "+-0:00" as "Z07:00"'],
  ];
  for (const [value, expected] of errors) {
    it(`parseErrorTests ${JSON.stringify(value)}`, () => {
      const error = timeParseError(RFC3339, value);
      assert.ok(error !== undefined && error.includes(expected), `${error} does not contain ${expected}`);
    });
  }
  // parseTests' RFC3339 rows, and time_test.go TestTimeUnmarshalJSON's times.
  for (const value of ['2008-09-17T20:04:26Z', '1994-09-17T20:04:26-05:00', '2000-12-26T01:15:06+04:20', '1998-05-05T05:05:05Z', '1998-05-05T05:05:05.123456789Z']) {
    it(`parses ${value}`, () => assert.equal(timeParseError(RFC3339, value), undefined));
  }
  it('time_test.go TestTimeUnmarshalCBOR "malformed timestamp"', () => {
    assert.equal(timeParseError(RFC3339, 'hello'), 'parsing time "hello" as "2006-01-02T15:04:05Z07:00": cannot parse "hello" as "2006"');
  });
  it('micro_time_test.go TestMicroTimeUnmarshalCBOR "malformed timestamp" and "valid"', () => {
    assert.equal(timeParseError(RFC3339_MICRO, 'hello'), 'parsing time "hello" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "hello" as "2006"');
    assert.equal(timeParseError(RFC3339_MICRO, '1998-05-05T05:05:05.000000Z'), undefined);
  });
  it('time_test.go TestTimeUnmarshalJSON and micro_time_test.go TestMicroTimeUnmarshalJSON decode into their holders', () => {
    for (const t of [null, '1998-05-05T05:05:05Z', '1998-05-05T05:05:05.123456789Z']) assert.equal(holderError('TimeHolder', { t }), undefined);
    for (const t of [null, '1998-05-05T05:05:05.000000Z']) assert.equal(holderError('MicroTimeHolder', { t }), undefined);
    // the same through a kind: metadata.creationTimestamp is a metav1.Time
    assert.equal(decodeObject({ apiVersion: 'v1', kind: 'Pod', metadata: { creationTimestamp: null } }).ok, true);
  });
});

describe('Go src/encoding/base64/base64_test.go TestDecodeCorrupt (StdEncoding)', () => {
  const cases: [string, number][] = [
    ['', -1], ['\n', -1], ['AAA=\n', -1], ['AAAA\n', -1], ['!!!!', 0], ['====', 0], ['x===', 1], ['=AAA', 0], ['A=AA', 1],
    ['AA=A', 2], ['AA==A', 4], ['AAA=AAAA', 4], ['AAAAA', 4], ['AAAAAA', 4], ['A=', 1], ['A==', 1], ['AA=', 3], ['AA==', -1],
    ['AAA=', -1], ['AAAA', -1], ['AAAAAA=', 7], ['YWJjZA=====', 8], ['A!\n', 1], ['A=\n', 1],
  ];
  for (const [input, offset] of cases) {
    it(`${JSON.stringify(input)} → ${offset === -1 ? 'no corruption' : `corrupt at ${offset}`}`, () => {
      // CorruptInputError.Error()
      assert.equal(base64Error(input), offset === -1 ? undefined : `illegal base64 data at input byte ${offset}`);
    });
  }
});

describe('k8s.io/apimachinery pkg/api/resource/quantity_test.go', () => {
  // TestQuantityParse: the inputs of its table of valid quantities (each also parsed negated there).
  const valid = `0 0n 0u 0m 0Ki 0k 0Mi 0M 0Gi 0G 0Ti 0T 1 1Ki 8Ki 7Mi 6Gi 5Ti 4Pi 3Ei 10Ti 100Ti 5n 4u 3m 9 8k 50k 7M 6G 5T 40T 300T 2P 1E
    1E-3 1e3 1E6 1e9 1E12 1e15 1E18 1e14 1e13 1e3 100.035k 0.001 0.0005k 0.005 0.05 0.5 0.00050k 0.00500 0.05000 0.50000 0.5e0
    0.5e-1 0.5e-2 0.5e0 10.035M 1.2e3 1.3E+6 1.40e9 1.53E12 1.6e15 1.7E18 9.01 8.1k 7.123456M 6.987654321G 5.444T 40.1T 300.2T
    2.5P 1.01E 3.001n 1.1E-9 0.0000000001 0.0000000005 0.00000000050 0.5e-9 0.9n 0.00000012345 0.00000012354 9Ei
    9223372036854775807Ki 12E 100.035Ki 0.5Mi 0.05Gi 0.025Ti 0.000000000001Ki .001 .0001k 1. 1.G`.split(/\s+/);
  it('TestQuantityParse: every input of the valid table parses, and its negation', () => {
    for (const q of valid) {
      assert.equal(quantityError(q), undefined, q);
      if (q !== '0') assert.equal(quantityError(`-${q}`), undefined, `-${q}`);
    }
  });
  it('TestQuantityParse: the empty string and every input of the invalid list are refused', () => {
    for (const q of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ']) {
      assert.notEqual(quantityError(q), undefined, JSON.stringify(q));
    }
  });
  it('TestQuantityUnmarshalCBOR "empty text string": ErrFormatWrong', () => {
    assert.equal(quantityError(''), ERR_FORMAT_WRONG);
  });
  it('TestJSONWhitespace: UnmarshalJSON trims the quoted text (through the decoder)', () => {
    const pod = (cpu: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { overhead: { cpu } } });
    for (const cpu of [' 1', '1 ', 1, 10, -1]) assert.equal(decodeObject(pod(cpu)).ok, true, JSON.stringify(cpu));
  });
});

describe('k8s.io/apimachinery pkg/apis/meta/v1/duration_test.go TestDurationUnmarshalJSON', () => {
  for (const d of ['0s', '5s', '2m0s', '1h0m0.003s', '2m', '1h0.003s']) {
    it(`{"d":"${d}"}`, () => assert.equal(holderError('DurationHolder', { d }), undefined));
  }
});
