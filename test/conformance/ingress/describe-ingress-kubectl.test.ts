// `kubectl describe ingress` against the real kubectl (1.32 on this machine), through the
// loopback stub API server (test/support/kubectl-stub.ts). kubectl 1.32 reads a Service backend's
// endpoints from v1 Endpoints while v0.36 (what describeIngress follows) reads EndpointSlices, so
// the oracle cases use what both versions print alike: resource backends, the "<default>" default
// backend, TLS entries (with and without a Secret), rules with and without a host, labels and
// annotations, and an Ingress without rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeIngress } from '../../../simulations/ingress/printers.ts';
import type { Ingress } from '../../../simulations/ingress/types.ts';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';

const RESOURCES = [{ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', namespaced: true, shortNames: ['ing'] }];

const ingresses: Ingress[] = [
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name: 'ingress-resource-backend', namespace: 'default', labels: { app: 'static', tier: 'edge' }, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static-assets' } },
      tls: [{ hosts: ['https-example.foo.com', 'b.foo.com'], secretName: 'testsecret-tls' }, { hosts: ['sni.foo.com'] }],
      rules: [
        { host: 'https-example.foo.com', http: { paths: [
          { path: '/icons', pathType: 'ImplementationSpecific', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'icon-assets' } } },
          { path: '/a/very/long/path/name', pathType: 'Prefix', backend: { resource: { kind: 'Bucket', name: 'b' } } },
        ] } },
        { http: { paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'root' } } }] } },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '203.0.113.123' }, { hostname: 'lb.example.com' }] } },
  },
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name: 'no-rules', namespace: 'default' },
    spec: { defaultBackend: { resource: { kind: 'Bucket', name: 'all' } } },
  },
];

for (const ing of ingresses) {
  test(`kubectl describe ingress ${ing.metadata.name}: the same text as real kubectl`, async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const stub = await startKubectlStub({ objects: ingresses as unknown as Record<string, unknown>[], resources: RESOURCES });
    try {
      const got = await stub.runKubectl(['describe', 'ingress', ing.metadata.name]);
      assert.equal(got.stderr, '');
      assert.equal(describeIngress(ing, []), got.stdout.replace(/\n+$/, ''));
    } finally {
      await stub.close();
    }
  });
}
