// pkg/kubelet/network/dns/dns_test.go (kubernetes v1.36): TestParseResolvConf,
// TestFormDNSSearchFitsLimits, TestFormDNSNameserversFitsLimits, TestMergeDNSOptions,
// TestGetPodDNSType, TestGetPodDNS and TestGetPodDNSCustom, through the contract's
// functions. The fake recorder's events read "Warning DNSConfigForming <message>".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseResolvConf, formDNSSearchFitsLimits, formDNSNameserversFitsLimits, mergeDNSOptions, getPodDNSType, getPodDNS } from '../../../simulations/index.ts';

const UPSTREAM = 'pkg/kubelet/network/dns/dns_test.go';

describe(`${UPSTREAM} TestParseResolvConf`, () => {
  const cases: [string, string[], string[], string[], boolean][] = [
    ['', [], [], [], false],
    [' ', [], [], [], false],
    ['\n', [], [], [], false],
    ['\t\n\t', [], [], [], false],
    ['#comment\n', [], [], [], false],
    [' #comment\n', [], [], [], false],
    ['#comment\n#comment', [], [], [], false],
    ['#comment\nnameserver', [], [], [], true], // nameserver empty
    ['#comment\nnameserver\nsearch', [], [], [], true], // nameserver and search empty
    ['#comment\nnameserver 1.2.3.4\nsearch', ['1.2.3.4'], [], [], false], // nameserver specified and search empty
    ['nameserver 1.2.3.4', ['1.2.3.4'], [], [], false],
    [' nameserver 1.2.3.4', ['1.2.3.4'], [], [], false],
    ['\tnameserver 1.2.3.4', ['1.2.3.4'], [], [], false],
    ['nameserver\t1.2.3.4', ['1.2.3.4'], [], [], false],
    ['nameserver \t 1.2.3.4', ['1.2.3.4'], [], [], false],
    ['nameserver 1.2.3.4\nnameserver 5.6.7.8', ['1.2.3.4', '5.6.7.8'], [], [], false],
    ['nameserver 1.2.3.4 #comment', ['1.2.3.4'], [], [], false],
    ['search ', [], [], [], false], // search empty
    // (the next two are ours, worked by hand from parseResolvConf's trailing-dot normalisation)
    ['search .', [], [], [], false],
    ['search foo. bar', [], ['foo', 'bar'], [], false],
    ['search foo', [], ['foo'], [], false],
    ['search foo bar', [], ['foo', 'bar'], [], false],
    ['search foo bar bat\n', [], ['foo', 'bar', 'bat'], [], false],
    ['search foo\nsearch bar', [], ['bar'], [], false],
    ['nameserver 1.2.3.4\nsearch foo bar', ['1.2.3.4'], ['foo', 'bar'], [], false],
    ['nameserver 1.2.3.4\nsearch foo\nnameserver 5.6.7.8\nsearch bar', ['1.2.3.4', '5.6.7.8'], ['bar'], [], false],
    ['#comment\nnameserver 1.2.3.4\n#comment\nsearch foo\ncomment', ['1.2.3.4'], ['foo'], [], false],
    ['options ', [], [], [], false],
    ['options ndots:5 attempts:2', [], [], ['ndots:5', 'attempts:2'], false],
    ['options ndots:1\noptions ndots:5 attempts:3', [], [], ['ndots:5', 'attempts:3'], false],
    ['nameserver 1.2.3.4\nsearch foo\nnameserver 5.6.7.8\nsearch bar\noptions ndots:5 attempts:4', ['1.2.3.4', '5.6.7.8'], ['bar'], ['ndots:5', 'attempts:4'], false],
  ];
  cases.forEach(([data, nameservers, searches, options, isErr], i) => {
    it(`test case [${i}] ${JSON.stringify(data)}`, () => {
      if (isErr) assert.throws(() => parseResolvConf(data));
      else assert.deepEqual(parseResolvConf(data), { nameservers, searches, options });
    });
  });
});

const pod = { metadata: { uid: '', name: 'test_pod', namespace: 'testNS', annotations: {} } };

// The stored copy of this table predates ExpandedDNSConfig (6 paths, 256 characters); its four cases
// are given here with v1.36's limits (validation.MaxDNSSearchPaths 32, MaxDNSSearchListChars 2048, and
// paths over DNS1123SubdomainMaxLength 253 dropped), and the last three are worked by hand from those limits.
describe(`${UPSTREAM} TestFormDNSSearchFitsLimits (MaxDNSSearchPaths 32, MaxDNSSearchListChars 2048)`, () => {
  const event = (line: string) => `Warning DNSConfigForming Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${line}`;
  const thirtyTwo = ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH', 'III', 'JJJ', 'KKK', 'LLL', 'MMM', 'NNN', 'OOO', 'PPP', 'QQQ', 'RRR', 'SSS', 'TTT', 'UUU', 'VVV', 'WWW', 'XXX', 'YYY', 'ZZZ', 'AAAA', 'BBBB', 'CCCC'];
  const long = (c: string) => c.repeat(252);
  const cases: { desc: string; hostNames: string[]; resultSearch: string[]; events: string[] }[] = [
    { desc: 'valid: 3 search paths', hostNames: ['testNS.svc.TEST', 'svc.TEST', 'TEST'], resultSearch: ['testNS.svc.TEST', 'svc.TEST', 'TEST'], events: [] },
    { desc: 'valid: 5 search paths', hostNames: ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'BBB'], resultSearch: ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'BBB'], events: [] },
    {
      desc: 'invalid: longer than 256 characters in search path list',
      hostNames: ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'B'.repeat(256), 'BBB'],
      resultSearch: ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'BBB'],
      events: [event('testNS.svc.TEST svc.TEST TEST AAA BBB')],
    },
    { desc: 'valid: 7 search paths', hostNames: ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'BBB', 'CCC', 'DDD'], resultSearch: ['testNS.svc.TEST', 'svc.TEST', 'TEST', 'AAA', 'BBB', 'CCC', 'DDD'], events: [] },
    { desc: 'valid: 32 search paths', hostNames: thirtyTwo, resultSearch: thirtyTwo, events: [] },
    { desc: 'invalid: 33 search paths', hostNames: [...thirtyTwo, 'DDDD'], resultSearch: thirtyTwo, events: [event(thirtyTwo.join(' '))] },
    {
      desc: 'invalid: longer than 2048 characters in search path list',
      hostNames: ['testNS.svc.TEST', 'svc.TEST', 'TEST', long('A'), long('B'), long('C'), long('D'), long('E'), long('F'), long('G'), long('H')],
      resultSearch: ['testNS.svc.TEST', 'svc.TEST', 'TEST', long('A'), long('B'), long('C'), long('D'), long('E'), long('F'), long('G')],
      events: [event(['testNS.svc.TEST', 'svc.TEST', 'TEST', long('A'), long('B'), long('C'), long('D'), long('E'), long('F'), long('G')].join(' '))],
    },
  ];
  for (const tc of cases) {
    it(tc.desc, () => {
      const got = formDNSSearchFitsLimits(tc.hostNames, pod);
      assert.deepEqual(got.searches, tc.resultSearch);
      assert.deepEqual(got.events, tc.events);
    });
  }
});

describe(`${UPSTREAM} TestFormDNSNameserversFitsLimits`, () => {
  const cases = [
    { desc: 'valid: 1 nameserver', nameservers: ['127.0.0.1'], expected: ['127.0.0.1'], event: false },
    { desc: 'valid: 3 nameservers', nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], expected: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], event: false },
    { desc: 'invalid: 4 nameservers, trimmed to 3', nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8', '1.2.3.4'], expected: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], event: true },
  ];
  for (const tc of cases) {
    it(tc.desc, () => {
      const got = formDNSNameserversFitsLimits(tc.nameservers, pod);
      assert.deepEqual(got.nameservers, tc.expected);
      assert.equal(got.events.length > 0, tc.event);
    });
  }
});

describe(`${UPSTREAM} TestMergeDNSOptions (compared as sets: "Options order may be changed after conversion")`, () => {
  const cases = [
    { desc: 'Empty dnsConfigOptions', existing: ['ndots:5', 'debug'], options: null, expected: ['ndots:5', 'debug'] },
    { desc: 'No duplicated entries', existing: ['ndots:5', 'debug'], options: [{ name: 'single-request' }, { name: 'attempts', value: '3' }], expected: ['ndots:5', 'debug', 'single-request', 'attempts:3'] },
    {
      desc: 'Overwrite duplicated entries',
      existing: ['ndots:5', 'debug'],
      options: [{ name: 'ndots', value: '3' }, { name: 'debug' }, { name: 'single-request' }, { name: 'attempts', value: '3' }],
      expected: ['ndots:3', 'debug', 'single-request', 'attempts:3'],
    },
  ];
  for (const tc of cases) it(tc.desc, () => assert.deepEqual(new Set(mergeDNSOptions(tc.existing, tc.options)), new Set(tc.expected)));
});

describe(`${UPSTREAM} TestGetPodDNSType`, () => {
  const cases: { desc: string; hostNetwork?: boolean; dnsPolicy: string; expected?: string; error?: boolean }[] = [
    { desc: 'valid DNSClusterFirst without hostnetwork', dnsPolicy: 'ClusterFirst', expected: 'cluster' },
    { desc: 'valid DNSClusterFirstWithHostNet with hostnetwork', hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet', expected: 'cluster' },
    { desc: 'valid DNSClusterFirstWithHostNet without hostnetwork', dnsPolicy: 'ClusterFirstWithHostNet', expected: 'cluster' },
    { desc: 'valid DNSDefault without hostnetwork', dnsPolicy: 'Default', expected: 'host' },
    { desc: 'valid DNSDefault with hostnetwork', hostNetwork: true, dnsPolicy: 'Default', expected: 'host' },
    { desc: 'DNSClusterFirst with hostnetwork, fallback to DNSDefault', hostNetwork: true, dnsPolicy: 'ClusterFirst', expected: 'host' },
    { desc: 'valid DNSNone', dnsPolicy: 'None', expected: 'none' },
    { desc: 'invalid DNS policy, should return error', dnsPolicy: 'invalidPolicy', error: true },
  ];
  for (const tc of cases) {
    it(tc.desc, () => {
      const p = { ...pod, spec: { dnsPolicy: tc.dnsPolicy, hostNetwork: tc.hostNetwork ?? false } };
      if (tc.error) assert.throws(() => getPodDNSType(p), /invalid DNSPolicy=invalidPolicy/);
      else assert.equal(getPodDNSType(p), tc.expected);
    });
  }
});

describe(`${UPSTREAM} TestGetPodDNS`, () => {
  // newTestPods(4): hostNetwork true, no namespace
  const pods = ['ClusterFirstWithHostNet', 'ClusterFirst', 'ClusterFirst', 'Default'].map((dnsPolicy, i) => ({
    metadata: { uid: String(10000 + i), name: `pod${i}` },
    spec: { hostNetwork: i !== 2, dnsPolicy },
  }));
  const clusterNS = '203.0.113.1';
  it('without a resolver config: cluster DNS for ClusterFirst(WithHostNet), 127.0.0.1 and "." for the host policies', () => {
    const configurer = { clusterDomain: 'kubernetes.io', clusterDNS: [clusterNS], resolverConfig: '' };
    const options = pods.map((p) => getPodDNS(p, configurer));
    assert.deepEqual(options[0].nameservers, [clusterNS]);
    assert.equal(options[0].searches[0], '.svc.kubernetes.io');
    assert.deepEqual(options[1].nameservers, ['127.0.0.1']);
    assert.deepEqual(options[1].searches, ['.']);
    assert.deepEqual(options[2].nameservers, [clusterNS]);
    assert.equal(options[2].searches[0], '.svc.kubernetes.io');
    assert.deepEqual(options[3].nameservers, ['127.0.0.1']);
    assert.deepEqual(options[3].searches, ['.']);
  });
  it('with a resolver config: the cluster domains are prepended to the host search list', () => {
    const configurer = { clusterDomain: 'kubernetes.io', clusterDNS: [clusterNS], resolverConfig: '/etc/resolv.conf', hostResolvConf: 'nameserver 10.0.0.2\nsearch corp.example.com\n' };
    const options = pods.map((p) => getPodDNS(p, configurer));
    assert.deepEqual(options[0].nameservers, [clusterNS]);
    assert.equal(options[0].searches.length, options[1].searches.length + 3);
    assert.equal(options[0].searches[0], '.svc.kubernetes.io');
    assert.deepEqual(options[2].nameservers, [clusterNS]);
    assert.equal(options[2].searches.length, options[1].searches.length + 3);
  });
});

describe(`${UPSTREAM} TestGetPodDNSCustom`, () => {
  const configurer = { clusterDomain: 'kubernetes.io', clusterDNS: ['10.0.0.10'], resolverConfig: '/tmp/resolv.conf', hostResolvConf: 'nameserver 8.8.8.8\nsearch host.domain\n' };
  const ndots3 = { name: 'ndots', value: '3' };
  const dnsConfig = { nameservers: ['10.0.0.11'], searches: ['my.domain'], options: [ndots3, { name: 'debug' }] };
  const cases = [
    { desc: 'DNSNone without DNSConfig should have empty DNS settings', dnsPolicy: 'None', expected: { nameservers: [], searches: [], options: [] } },
    {
      desc: 'DNSNone with DNSConfig should have a merged DNS settings',
      dnsPolicy: 'None',
      dnsConfig: { nameservers: ['203.0.113.1'], searches: ['my.domain', 'second.domain'], options: [ndots3, { name: 'debug' }] },
      expected: { nameservers: ['203.0.113.1'], searches: ['my.domain', 'second.domain'], options: ['ndots:3', 'debug'] },
    },
    {
      desc: 'DNSClusterFirst with DNSConfig should have a merged DNS settings',
      dnsPolicy: 'ClusterFirst',
      dnsConfig,
      expected: { nameservers: ['10.0.0.10', '10.0.0.11'], searches: ['testNS.svc.kubernetes.io', 'svc.kubernetes.io', 'kubernetes.io', 'host.domain', 'my.domain'], options: ['ndots:3', 'debug'] },
    },
    {
      desc: 'DNSClusterFirstWithHostNet with DNSConfig should have a merged DNS settings',
      hostNetwork: true,
      dnsPolicy: 'ClusterFirstWithHostNet',
      dnsConfig,
      expected: { nameservers: ['10.0.0.10', '10.0.0.11'], searches: ['testNS.svc.kubernetes.io', 'svc.kubernetes.io', 'kubernetes.io', 'host.domain', 'my.domain'], options: ['ndots:3', 'debug'] },
    },
    {
      desc: 'DNSDefault with DNSConfig should have a merged DNS settings',
      dnsPolicy: 'Default',
      dnsConfig,
      expected: { nameservers: ['8.8.8.8', '10.0.0.11'], searches: ['host.domain', 'my.domain'], options: ['ndots:3', 'debug'] },
    },
  ];
  for (const tc of cases) {
    it(tc.desc, () => {
      const p = { metadata: { name: 'test_pod', namespace: 'testNS' }, spec: { hostNetwork: tc.hostNetwork ?? false, dnsPolicy: tc.dnsPolicy, ...(tc.dnsConfig ? { dnsConfig: tc.dnsConfig } : {}) } };
      const got = getPodDNS(p, configurer);
      assert.deepEqual(got.nameservers, tc.expected.nameservers);
      assert.deepEqual(got.searches, tc.expected.searches);
      assert.deepEqual(new Set(got.options), new Set(tc.expected.options)); // dnsConfigsAreEqual compares options as sets
    });
  }
});
