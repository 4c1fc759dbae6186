// Conformance: IP and CIDR validation (strict, legacy, warnings, interface
// addresses) against apimachinery's own tables.
// src (k8s.io/apimachinery v0.36.3): pkg/util/validation/ip_test.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import {
  getWarningsForCIDR,
  getWarningsForIP,
  isValidCIDR,
  isValidCIDRForLegacyField,
  isValidIP,
  isValidIPForLegacyField,
  isValidInterfaceAddress,
} from '../../../simulations/apimachinery/validation-ip.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';

const U = 'pkg/util/validation/ip_test.go';
const p = Path.of('');

/** "" wants no error; otherwise exactly one whose detail contains the text. */
function expectOne(errs: ErrorList, want: string, what: string): void {
  if (want === '') {
    assert.deepEqual(errs, [], what);
  } else {
    assert.equal(errs.length, 1, `${what}: ${JSON.stringify(errs)}`);
    assert.ok(errs[0].detail.includes(want), `${what}: ${errs[0].detail}`);
  }
}

const bad = (s: string) => [s, s, s] as const;

// --- TestIsValidIP: [name, in, err, legacyErr, legacyStrictErr] ---
const ipCases: [string, string, string, string, string][] = [
  ['ipv4', '1.2.3.4', '', '', ''],
  ['ipv4, all zeros', '0.0.0.0', '', '', ''],
  ['ipv4, max', '255.255.255.255', '', '', ''],
  ['ipv6', '1234::abcd', '', '', ''],
  ['ipv6, all zeros, collapsed', '::', '', '', ''],
  ['ipv6, max', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '', '', ''],
  ['ipv6, all zeros, expanded (non-canonical)', '0:0:0:0:0:0:0:0', 'must be in canonical form ("::")', '', ''],
  ['ipv6, leading 0s (non-canonical)', '0001:002:03:4::', 'must be in canonical form ("1:2:3:4::")', '', ''],
  ['ipv6, capital letters (non-canonical)', '1234::ABCD', 'must be in canonical form ("1234::abcd")', '', ''],
  ['ipv4 with leading 0s', '1.1.1.01', 'must not have leading 0s', '', 'must not have leading 0s'],
  ['ipv4-in-ipv6 value', '::ffff:1.1.1.1', 'must not be an IPv4-mapped IPv6 address', '', 'must not be an IPv4-mapped IPv6 address'],
  ['empty string', '', ...bad('must be a valid IP address')],
  ['junk', 'aaaaaaa', ...bad('must be a valid IP address')],
  ['domain name', 'myhost.mydomain', ...bad('must be a valid IP address')],
  ['cidr', '1.2.3.0/24', ...bad('must be a valid IP address')],
  ['ipv4 with out-of-range octets', '1.2.3.400', ...bad('must be a valid IP address')],
  ['ipv4 with negative octets', '-1.0.0.0', ...bad('must be a valid IP address')],
  ['ipv6 with out-of-range segment', '2001:db8::10005', ...bad('must be a valid IP address')],
  ['ipv4:port', '1.2.3.4:80', ...bad('must be a valid IP address')],
  ['ipv6 with brackets', '[2001:db8::1]', ...bad('must be a valid IP address')],
  ['[ipv6]:port', '[2001:db8::1]:80', ...bad('must be a valid IP address')],
  ['host:port', 'example.com:80', ...bad('must be a valid IP address')],
  ['ipv6 with zone', '1234::abcd%eth0', ...bad('must be a valid IP address')],
  ['ipv4 with zone', '169.254.0.0%eth0', ...bad('must be a valid IP address')],
];
const badIPs = ipCases.filter((c) => c[4] !== '').map((c) => c[1]);
for (const [name, input, err, legacyErr, legacyStrictErr] of ipCases) {
  test(`${U} TestIsValidIP: ${name}`, () => {
    expectOne(isValidIP(p, input), err, 'IsValidIP');
    expectOne(isValidIPForLegacyField(p, input, false, null), legacyErr, 'IsValidIPForLegacyField');
    expectOne(isValidIPForLegacyField(p, input, true, null), legacyStrictErr, 'IsValidIPForLegacyField strict');
    assert.deepEqual(isValidIPForLegacyField(p, input, true, badIPs), [], 'accepted through validOldIPs');
  });
}

// --- TestGetWarningsForIP ---
const clusterIP0 = Path.of('spec').child('clusterIPs').index(0);
const ipWarningCases: [string, string, Path, string[]][] = [
  ['IPv4 No failures', '192.12.2.2', clusterIP0, []],
  ['IPv6 No failures', '2001:db8::2', clusterIP0, []],
  ['IPv4 with leading zeros', '192.012.2.2', clusterIP0, ['spec.clusterIPs[0]: non-standard IP address "192.012.2.2" is invalid: use "192.12.2.2"']],
  ['IPv4-mapped IPv6', '::ffff:192.12.2.2', clusterIP0, ['spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" is invalid: use "192.12.2.2"']],
  [
    'IPv6 non-canonical format',
    '2001:db8:0:0::2',
    Path.of('spec').child('loadBalancerIP'),
    ['spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")'],
  ],
];
for (const [name, address, path, want] of ipWarningCases) {
  test(`${U} TestGetWarningsForIP: ${name}`, () => assert.deepEqual(getWarningsForIP(path, address), want));
}

// --- TestIsValidCIDR ---
const cidrCases: [string, string, string, string, string][] = [
  ['ipv4', '1.0.0.0/8', '', '', ''],
  ['ipv4, all IPs', '0.0.0.0/0', '', '', ''],
  ['ipv4, single IP', '1.1.1.1/32', '', '', ''],
  ['ipv6', '2001:4860:4860::/48', '', '', ''],
  ['ipv6, all IPs', '::/0', '', '', ''],
  ['ipv6, single IP', '::1/128', '', '', ''],
  ['ipv6, extra 0s (non-canonical)', '2a00:79e0:2:0::/64', 'must be in canonical form ("2a00:79e0:2::/64")', '', ''],
  ['ipv6, capital letters (non-canonical)', '2001:DB8::/64', 'must be in canonical form ("2001:db8::/64")', '', ''],
  ['ipv4 with leading 0s', '1.1.01.0/24', 'must not have leading 0s in IP', '', 'must not have leading 0s in IP'],
  ['ipv4-in-ipv6 with ipv4-sized prefix', '::ffff:1.1.1.0/24', 'must not have an IPv4-mapped IPv6 address', '', 'must not have an IPv4-mapped IPv6 address'],
  ['ipv4-in-ipv6 with ipv6-sized prefix', '::ffff:1.1.1.0/120', 'must not have an IPv4-mapped IPv6 address', '', 'must not have an IPv4-mapped IPv6 address'],
  ['ipv4 ifaddr', '1.2.3.4/24', 'must not have bits set beyond the prefix length', '', 'must not have bits set beyond the prefix length'],
  ['ipv6 ifaddr', '2001:db8::1/64', 'must not have bits set beyond the prefix length', '', 'must not have bits set beyond the prefix length'],
  ['prefix length with leading 0s', '192.168.0.0/016', 'must not have leading 0s', '', 'must not have leading 0s'],
  ['empty string', '', ...bad('must be a valid CIDR value')],
  ['junk', 'aaaaaaa', ...bad('must be a valid CIDR value')],
  ['IP address', '1.2.3.4', ...bad('must be a valid CIDR value')],
  ['partial URL', '192.168.0.1/healthz', ...bad('must be a valid CIDR value')],
  ['partial URL 2', '192.168.0.1/0/99', ...bad('must be a valid CIDR value')],
  ['negative prefix length', '192.168.0.0/-16', ...bad('must be a valid CIDR value')],
  ['prefix length with sign', '192.168.0.0/+16', ...bad('must be a valid CIDR value')],
];
const badCIDRs = cidrCases.filter((c) => c[4] !== '').map((c) => c[1]);
for (const [name, input, err, legacyErr, legacyStrictErr] of cidrCases) {
  test(`${U} TestIsValidCIDR: ${name}`, () => {
    expectOne(isValidCIDR(p, input), err, 'IsValidCIDR');
    expectOne(isValidCIDRForLegacyField(p, input, false, null), legacyErr, 'IsValidCIDRForLegacyField');
    expectOne(isValidCIDRForLegacyField(p, input, true, null), legacyStrictErr, 'IsValidCIDRForLegacyField strict');
    assert.deepEqual(isValidCIDRForLegacyField(p, input, true, badCIDRs), [], 'accepted through validOldCIDRs');
  });
}

// --- TestGetWarningsForCIDR ---
const lbsr0 = Path.of('spec').child('loadBalancerSourceRanges').index(0);
const cidrWarningCases: [string, string, string[]][] = [
  ['IPv4 No failures', '192.12.2.0/24', []],
  ['IPv6 No failures', '2001:db8::/64', []],
  ['IPv4 with leading zeros', '192.012.2.0/24', ['spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.012.2.0/24" is invalid: use "192.12.2.0/24"']],
  ['leading zeros in prefix length', '192.12.2.0/024', ['spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.12.2.0/024" is invalid: use "192.12.2.0/24"']],
  ['IPv4-mapped IPv6', '::ffff:192.12.2.0/120', ['spec.loadBalancerSourceRanges[0]: non-standard CIDR value "::ffff:192.12.2.0/120" is invalid: use "192.12.2.0/24"']],
  [
    'bits after prefix length',
    '192.12.2.8/24',
    ['spec.loadBalancerSourceRanges[0]: CIDR value "192.12.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)'],
  ],
  [
    'multiple problems',
    '192.012.2.8/24',
    [
      'spec.loadBalancerSourceRanges[0]: CIDR value "192.012.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)',
      'spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.012.2.8/24" is invalid: use "192.12.2.0/24"',
    ],
  ],
  [
    'IPv6 non-canonical format',
    '2001:db8:0:0::/64',
    ['spec.loadBalancerSourceRanges[0]: IPv6 CIDR value "2001:db8:0:0::/64" should be in RFC 5952 canonical format ("2001:db8::/64")'],
  ],
];
for (const [name, cidr, want] of cidrWarningCases) {
  test(`${U} TestGetWarningsForCIDR: ${name}`, () => assert.deepEqual(getWarningsForCIDR(lbsr0, cidr), want));
}

// --- TestIsValidInterfaceAddress ---
const ifaddrCases: [string, string, string][] = [
  ['ipv4', '1.2.3.4/24', ''],
  ['ipv4, single IP', '1.1.1.1/32', ''],
  ['ipv6', '2001:4860:4860::1/48', ''],
  ['ipv6, single IP', '::1/128', ''],
  ['empty string', '', 'must be a valid address in CIDR form'],
  ['junk', 'aaaaaaa', 'must be a valid address in CIDR form'],
  ['IP address', '1.2.3.4', 'must be a valid address in CIDR form'],
  ['partial URL', '192.168.0.1/healthz', 'must be a valid address in CIDR form'],
  ['partial URL 2', '192.168.0.1/0/99', 'must be a valid address in CIDR form'],
  ['negative prefix length', '192.168.0.0/-16', 'must be a valid address in CIDR form'],
  ['prefix length with sign', '192.168.0.0/+16', 'must be a valid address in CIDR form'],
  ['ipv6 non-canonical', '2001:0:0:0::0BCD/64', 'must be in canonical form ("2001::bcd/64")'],
  ['ipv4 with leading 0s', '1.1.01.002/24', 'must be in canonical form ("1.1.1.2/24")'],
  ['ipv4-in-ipv6 with ipv4-sized prefix', '::ffff:1.1.1.1/24', 'must be in canonical form ("1.1.1.1/24")'],
  ['ipv4-in-ipv6 with ipv6-sized prefix', '::ffff:1.1.1.1/120', 'must be in canonical form ("1.1.1.1/24")'],
  ['prefix length with leading 0s', '192.168.0.5/016', 'must be in canonical form ("192.168.0.5/16")'],
];
for (const [name, input, err] of ifaddrCases) {
  test(`${U} TestIsValidInterfaceAddress: ${name}`, () => expectOne(isValidInterfaceAddress(p, input), err, 'IsValidInterfaceAddress'));
}
