import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError, LimitExceededError } from '../shared/errors.ts';
import { engine } from './engine.ts';
import { buildView } from './view-model.ts';

const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });
const fixture = readFileSync(new URL('./fixtures/and-vs-or.yaml', import.meta.url), 'utf8');

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n---\n`;
const pod = (namespace: string, name: string, labels = `{app: ${name}}`, ip = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec:\n  containers: [{name: c, image: busybox, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]\n${ip ? `status: {podIP: ${ip}}\n` : ''}---\n`;

describe('network-policy engine', () => {
  it('two peers are OR: a namespaceSelector {} peer alone admits every Pod of every namespace', () => {
    const out = run(fixture);
    const c = out.result.connections.find((x) => x.name === 'tester-to-db')!;
    assert.equal(c.allowed, true);
    assert.equal(c.ingressAllowedBy, 'prod/db-from-api');
    assert.match(c.why[1], /ingress\[0\]\.from\[0\]\.ports\[0\] \(namespaceSelector \{\}; TCP\/postgres\)/);
  });

  it('one peer with both selectors is AND: only api Pods, in any namespace', () => {
    const out = run(fixture.replace('    - namespaceSelector: {}\n    - podSelector:', '    - namespaceSelector: {}\n      podSelector:'));
    const byName = Object.fromEntries(out.result.connections.map((c) => [c.name, c]));
    assert.equal(byName['tester-to-db'].allowed, false);
    assert.equal(byName['tester-to-db'].deniedBy, 'ingress');
    assert.equal(byName['staging-api-to-db'].allowed, true);
    // the matrix: only the db column has X, and only for the non-api rows
    const m = out.result.matrices[0];
    assert.equal(m.truthTable.split('\n')[4], 'staging/tester\tX\t.\t.\t.');
    assert.equal(m.denied, 2); // prod/db → prod/db (loopback, by the rules) and staging/tester → prod/db
  });

  it('a named port in an egress rule is looked up on the destination Pod', () => {
    const yaml = ns('a') + pod('a', 'client') + pod('a', 'server') +
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: egress-http, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress: [{ports: [{port: http}]}]\n---\n` +
      `apiVersion: kube-notebook.dev/v1alpha1\nkind: ReachabilityProbe\nspec:\n  connections:\n  - {from: a/client, to: a/server, port: 8080}\n  - {from: a/client, to: a/server, port: 53, protocol: UDP}\n`;
    const out = run(yaml);
    assert.deepEqual(out.result.connections.map((c) => [c.allowed, c.deniedBy]), [[true, null], [false, 'egress']]);
  });

  it('ipBlock: a CIDR with host bits covers its whole network; except carves out', () => {
    const yaml = ns('a') + pod('a', 'server') +
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: from-office, namespace: a}\nspec:\n  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 198.51.100.77/24, except: [198.51.100.128/25]}}]}]\n---\n` +
      `apiVersion: kube-notebook.dev/v1alpha1\nkind: ReachabilityProbe\nspec:\n  ports: [{port: 8080}]\n  externalSources: [{name: office, ip: 198.51.100.9}, {name: guest-wifi, ip: 198.51.100.200}, {name: internet, ip: 203.0.113.5}]\n`;
    const m = run(yaml).result.matrices[0];
    assert.deepEqual(m.sources, ['a/server', 'office (198.51.100.9)', 'guest-wifi (198.51.100.200)', 'internet (203.0.113.5)']);
    assert.deepEqual(m.cells.map((row) => row[0].allowed), [false, true, false, false]);
  });

  it('Pods without status.podIP get addresses from spec.podCIDR, skipping taken ones', () => {
    const out = run(ns('a') + pod('a', 'one', '{app: one}', '10.1.0.3') + pod('a', 'two') + pod('a', 'three') + `apiVersion: kube-notebook.dev/v1alpha1\nkind: ReachabilityProbe\nspec: {podCIDR: 10.1.0.0/24}\n`);
    assert.deepEqual(out.result.pods.map((p) => [p.key, p.ip, p.ipAssigned]), [['a/one', '10.1.0.3', false], ['a/two', '10.1.0.2', true], ['a/three', '10.1.0.4', true]]);
  });

  it('bad input is a located 400', () => {
    assert.throws(() => run(ns('a') + pod('a', 'x') + `apiVersion: kube-notebook.dev/v1alpha1\nkind: ReachabilityProbe\nspec:\n  connections: [{from: a/x, to: a/nope, port: 80}]\n`), (e: unknown) => e instanceof ValidationError && /Not found/.test(e.message) && e.path!.join('.') === 'spec.connections.0.to');
    assert.throws(() => run(`apiVersion: kube-notebook.dev/v1alpha1\nkind: ReachabilityProbe\nspec:\n  ports: [{port: 70000}]\n`), (e: unknown) => e instanceof ValidationError && /between 1 and 65535/.test(e.message));
    assert.throws(() => run(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec:\n  podSelector: {}\n  ingress: [{ports: [{port: 80, endPort: 70}]}]\n`), (e: unknown) => e instanceof ValidationError && /endPort/.test(e.message));
    assert.throws(() => run(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n`), ValidationError);
    const many = Array.from({ length: 61 }, (_, i) => pod('default', `p${i}`)).join('');
    assert.throws(() => run(many), LimitExceededError);
  });

  it('the view colours each cell and keeps the reason', () => {
    const out = run(fixture);
    const v = buildView(out);
    assert.equal(v.matrices[0].rows[3].cells[0].cls, 'np-ok');
    assert.match(v.matrices[0].rows[3].cells[0].title, /^staging\/tester → prod\/db: allowed: ingress by prod\/db-from-api/);
    assert.equal(v.matrices[0].rows[0].cells[0].cls, 'np-ok np-loop');
  });
});

describe('kubectl describe networkpolicy (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNetworkPolicy)', () => {
  it('two peers print two From: blocks; policyTypes decide "Not affecting egress traffic"', () => {
    const out = run(fixture);
    // Worked from describeNetworkPolicySpec: LEVEL_n = 2n spaces, the rule lines indented "    ",
    // peers' selectors at LEVEL_1 + "    "; tabwriter padding 2 after the widest first cell ("Annotations:").
    assert.equal(
      out.result.policies[0].describe,
      [
        'Name:         db-from-api',
        'Namespace:    prod',
        'Created on:   2025-01-01 00:00:00 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=db',
        '  Allowing ingress traffic:',
        '    To Port: postgres/TCP',
        '    From:',
        '      NamespaceSelector: <none>',
        '    From:',
        '      PodSelector: app=api',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
      ].join('\n'),
    );
  });
  it('a default deny of both directions', () => {
    const out = run(ns('a') + `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: a, labels: {team: x, app: web}}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress: [{ports: [{port: 8000, endPort: 8100}, {protocol: UDP}]}, {to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]\n`);
    assert.deepEqual(out.result.policies[0].describe.split('\n').slice(3), [
      'Labels:       app=web',
      '              team=x',
      'Annotations:  <none>',
      'Spec:',
      '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
      '  Allowing ingress traffic:',
      '    <none> (Selected pods are isolated for ingress connectivity)',
      '  Allowing egress traffic:',
      '    To Port Range: 8000-8100/TCP',
      '    To Port: <nil>/UDP',
      '    To: <any> (traffic not restricted by destination)',
      '    ----------',
      '    To Port: <any> (traffic allowed to all ports)',
      '    To:',
      '      IPBlock:',
      '        CIDR: 10.0.0.0/8',
      '        Except: ',
      '  Policy Types: Ingress, Egress',
    ]);
  });
});
