// kubernetes/dns docs/specification.md (schema 1.1.0, commit 9aa70b8f): each record
// format's "Answer Example", produced by dnsRecords from the objects the example
// implies. SRV priority and weight are not prescribed by the spec; ours are CoreDNS's
// (priority 0, weight floor(100/n) for n records: plugin/backend_lookup.go).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dnsRecords } from '../../../simulations/index.ts';
import type { DNSRecord } from '../../../simulations/index.ts';

const SPEC = 'kubernetes/dns docs/specification.md';
const has = (records: DNSRecord[], r: DNSRecord) => assert.ok(records.some((x) => x.name === r.name && x.type === r.type && x.data === r.data), `missing ${JSON.stringify(r)} in ${JSON.stringify(records, null, 1)}`);

const kubernetes = { kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.3.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } };
const headless = { kind: 'Service', metadata: { name: 'headless', namespace: 'default' }, spec: { clusterIP: 'None', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } };
const headlessSlice = (endpoints: unknown[]) => ({
  kind: 'EndpointSlice',
  metadata: { name: 'headless-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'headless' } },
  addressType: 'IPv4',
  endpoints,
  ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
});

describe(`${SPEC} 2.2 Record for Schema Version`, () => {
  it('dns-version.cluster.local. IN TXT "1.1.0"', () => has(dnsRecords([], 'cluster.local'), { name: 'dns-version.cluster.local.', type: 'TXT', data: '"1.1.0"' }));
});

describe(`${SPEC} 2.3 Records for a Service with ClusterIP`, () => {
  const records = dnsRecords([kubernetes], 'cluster.local');
  it('2.3.1 kubernetes.default.svc.cluster.local. IN A 10.3.0.1', () => has(records, { name: 'kubernetes.default.svc.cluster.local.', type: 'A', data: '10.3.0.1' }));
  it('2.3.2 _https._tcp.kubernetes.default.svc.cluster.local. IN SRV <priority> <weight> 443 kubernetes.default.svc.cluster.local.', () =>
    has(records, { name: '_https._tcp.kubernetes.default.svc.cluster.local.', type: 'SRV', data: '0 100 443 kubernetes.default.svc.cluster.local.' }));
  it('2.3.3 1.0.3.10.in-addr.arpa. IN PTR kubernetes.default.svc.cluster.local.', () => has(records, { name: '1.0.3.10.in-addr.arpa.', type: 'PTR', data: 'kubernetes.default.svc.cluster.local.' }));
  it('2.3.1 AAAA for an IPv6 ClusterIP, and 2.3.3 its nibble-reversed PTR', () => {
    const v6 = dnsRecords([{ ...kubernetes, spec: { ...kubernetes.spec, clusterIP: '2001:db8::1' } }], 'cluster.local');
    has(v6, { name: 'kubernetes.default.svc.cluster.local.', type: 'AAAA', data: '2001:db8::1' });
    has(v6, { name: '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.', type: 'PTR', data: 'kubernetes.default.svc.cluster.local.' });
  });
  it('unnamed ports do not have an SRV record', () => {
    const r = dnsRecords([{ ...kubernetes, spec: { clusterIP: '10.3.0.1', ports: [{ port: 443 }] } }], 'cluster.local');
    assert.equal(r.filter((x) => x.type === 'SRV').length, 0);
  });
});

describe(`${SPEC} 2.4 Records for a Headless Service`, () => {
  const records = dnsRecords(
    [
      headless,
      headlessSlice([
        { addresses: ['10.3.0.1'], conditions: { ready: true } },
        { addresses: ['10.3.0.2'], conditions: { ready: true } },
        { addresses: ['10.3.0.3'], conditions: { ready: true } },
        { addresses: ['10.3.0.100'], hostname: 'my-pet', conditions: { ready: true } },
      ]),
    ],
    'cluster.local',
  );
  for (const ip of ['10.3.0.1', '10.3.0.2', '10.3.0.3']) it(`2.4.1 headless.default.svc.cluster.local. IN A ${ip}`, () => has(records, { name: 'headless.default.svc.cluster.local.', type: 'A', data: ip }));
  it('2.4.1 my-pet.headless.default.svc.cluster.local. IN A 10.3.0.100', () => has(records, { name: 'my-pet.headless.default.svc.cluster.local.', type: 'A', data: '10.3.0.100' }));
  it('2.4.2 one SRV per ready endpoint and named port (N × M), targets by hostname', () => {
    const srv = records.filter((r) => r.type === 'SRV');
    assert.equal(srv.length, 4);
    has(records, { name: '_https._tcp.headless.default.svc.cluster.local.', type: 'SRV', data: '0 25 443 my-pet.headless.default.svc.cluster.local.' });
  });
  it('2.4.3 100.0.3.10.in-addr.arpa. IN PTR my-pet.headless.default.svc.cluster.local.', () => has(records, { name: '100.0.3.10.in-addr.arpa.', type: 'PTR', data: 'my-pet.headless.default.svc.cluster.local.' }));
  it('2.4.1 no ready endpoints: no records (NXDOMAIN); publishNotReadyAddresses makes them ready', () => {
    const notReady = headlessSlice([{ addresses: ['10.3.0.1'], conditions: { ready: false } }]);
    assert.equal(dnsRecords([headless, notReady], 'cluster.local').filter((r) => r.name === 'headless.default.svc.cluster.local.').length, 0);
    const publish = { ...headless, spec: { ...headless.spec, publishNotReadyAddresses: true } };
    has(dnsRecords([publish, notReady], 'cluster.local'), { name: 'headless.default.svc.cluster.local.', type: 'A', data: '10.3.0.1' });
  });
});

describe(`${SPEC} 2.5 Records for External Name Services`, () => {
  it('foo.default.svc.cluster.local. IN CNAME www.example.com.', () =>
    has(dnsRecords([{ kind: 'Service', metadata: { name: 'foo', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'www.example.com' } }], 'cluster.local'), {
      name: 'foo.default.svc.cluster.local.',
      type: 'CNAME',
      data: 'www.example.com.',
    }));
});
