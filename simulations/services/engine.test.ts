// The services engine end to end: manifests in, EndpointSlices, kube-proxy's
// decisions, packets and DNS out. Expected values follow the upstream rules named
// in each case (the rule tables themselves are in test/conformance/kube-proxy and
// test/conformance/dns).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { engine } from './engine.ts';
import type { ServicesResult } from './engine.ts';

const node = (name: string, ip: string) => `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nstatus:\n  addresses: [{type: InternalIP, address: ${ip}}]\n`;
const pod = (name: string, nodeName: string, ip: string, opts: { labels?: string; ready?: boolean; deleting?: boolean } = {}) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: default, labels: {${opts.labels ?? 'app: web'}}${opts.deleting ? ', deletionTimestamp: "2025-01-01T00:00:00Z", deletionGracePeriodSeconds: 30' : ''}}\nspec:\n  nodeName: ${nodeName}\n  containers: [{name: app, image: nginx:1.27}]\nstatus:\n  phase: Running\n  podIP: ${ip}\n  conditions: [{type: Ready, status: "${opts.ready === false ? 'False' : 'True'}"}]\n`;
const service = (extra = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\nspec:\n  clusterIP: 10.96.0.20\n  selector: {app: web}\n${extra}  ports:\n  - {name: http, port: 80, targetPort: 8080}\n`;
const packet = (name: string, from: string, to: string) =>
  `apiVersion: kube-notebook.dev/v1alpha1\nkind: Packet\nmetadata: {name: ${name}}\nspec:\n  from: ${from}\n  to: ${to}\n`;
const client = pod('client', 'node-a', '10.244.1.9', { labels: 'app: client' });

function run(...docs: string[]): ServicesResult {
  return engine.run(parseManifests(docs.join('---\n')), { budget: DEFAULT_BUDGET, detail: true }).result;
}

describe('services engine', () => {
  it('with no ready endpoint anywhere, serving-and-terminating endpoints still take traffic (topology.go CategorizeEndpoints)', () => {
    const r = run(node('node-a', '192.168.0.10'), service(), pod('web-1', 'node-a', '10.244.1.5', { deleting: true }), client, packet('p', '{pod: client}', '{service: web, port: 80}'));
    assert.equal(r.endpointSlices[0].endpoints[0].ready, false);
    assert.equal(r.endpointSlices[0].endpoints[0].terminating, true);
    assert.equal(r.packets[0].output, '10.244.1.5:8080');
    assert.equal(r.servicePorts[0].usesTerminatingEndpoints, true);
  });

  it('a not-Ready Pod is listed with ready=false and gets no traffic; with none ready the ClusterIP REJECTs', () => {
    const r = run(node('node-a', '192.168.0.10'), service(), pod('web-1', 'node-a', '10.244.1.5', { ready: false }), client, packet('p', '{pod: client}', '{service: web, port: 80}'));
    assert.deepEqual(r.endpointSlices[0].endpoints.map((e) => [e.pod, e.ready, e.serving]), [['web-1', false, false]]);
    assert.equal(r.packets[0].verdict, 'REJECT');
    assert.match(r.iptables.text, /"default\/web:http has no endpoints" -m tcp -p tcp -d 10\.96\.0\.20 --dport 80 -j REJECT/);
  });

  it('internalTrafficPolicy Local with no endpoint on the client node DROPs ClusterIP traffic (proxier.go hasInternalEndpoints)', () => {
    const r = run(node('node-a', '192.168.0.10'), node('node-b', '192.168.0.11'), service('  internalTrafficPolicy: Local\n'), pod('web-1', 'node-b', '10.244.2.5'), client, packet('p', '{pod: client}', '{service: web, port: 80}'));
    assert.equal(r.packets[0].verdict, 'DROP');
  });

  it('a Pod reaching itself through its Service is masqueraded (the KUBE-SEP hairpin rule)', () => {
    const r = run(node('node-a', '192.168.0.10'), service(), pod('web-1', 'node-a', '10.244.1.5'), packet('p', '{pod: web-1}', '{service: web, port: 80}'));
    assert.equal(r.packets[0].output, '10.244.1.5:8080');
    assert.equal(r.packets[0].masq, true);
  });

  it('session affinity writes the recent-list rules with the default 10800 s timeout', () => {
    const r = run(node('node-a', '192.168.0.10'), service('  sessionAffinity: ClientIP\n'), pod('web-1', 'node-a', '10.244.1.5'));
    assert.match(r.iptables.text, /-m recent --name KUBE-SEP-\w+ --rcheck --seconds 10800 --reap -j KUBE-SEP-\w+/);
    assert.match(r.iptables.text, /-m recent --name KUBE-SEP-\w+ --set -m tcp -p tcp -j DNAT --to-destination 10\.244\.1\.5:8080/);
  });

  it('a Service without clusterIP gets one allocated, and its A record', () => {
    const r = run(node('node-a', '192.168.0.10'), service().replace('  clusterIP: 10.96.0.20\n', ''), pod('web-1', 'node-a', '10.244.1.5'));
    assert.equal(r.services[0].clusterIP, '10.96.0.100');
    assert.ok(r.dns.records.some((x) => x.name === 'web.default.svc.cluster.local.' && x.type === 'A' && x.data === '10.96.0.100'));
  });

  it('bad input is a located ValidationError: an unknown Pod, an unknown kind, a port out of range', () => {
    assert.throws(() => run(node('node-a', '192.168.0.10'), service(), packet('p', '{pod: nobody}', '{service: web, port: 80}')), (e: unknown) => e instanceof ValidationError && /pods "nobody" not found/.test(e.message));
    assert.throws(() => run(node('node-a', '192.168.0.10'), 'apiVersion: kube-notebook.dev/v1alpha1\nkind: Frobnicate\nmetadata: {name: x}\n'), ValidationError);
    assert.throws(() => run(node('node-a', '192.168.0.10'), service(), client, packet('p', '{pod: client}', '{service: web, port: 70000}')), (e: unknown) => e instanceof ValidationError && /between 1 and 65535/.test(e.message));
  });
});
