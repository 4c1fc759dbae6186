// Upstream's NetworkPolicy conformance truth tables (test/e2e/network/netpol/network_policy.go),
// each cell asked of networkPolicyAllows: every ordered pair of the test's Pods, on the port and
// protocol the test probes. Loopback cells are skipped as upstream skips them (ignoreLoopback).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { networkPolicyAllows } from '../../../simulations/index.ts';
import { E2E_CASES } from './e2e-cases.ts';
import { expectedTable, namespaces, pods } from './model.ts';

describe('test/e2e/network/netpol/network_policy.go', () => {
  for (const c of E2E_CASES) {
    it(`${c.it} (${c.protocols.join('+')})`, () => {
      c.steps.forEach((step, s) => {
        const cluster = { namespaces: namespaces(step), pods: pods(c, step), policies: step.policies };
        for (const probe of step.probes) {
          const expected = expectedTable(c.pods, probe.expect);
          const wrong: string[] = [];
          for (const from of c.pods) {
            for (const to of c.pods) {
              if (from === to) continue; // ignoreLoopback
              const [fns, fpod] = from.split('/');
              const [tns, tpod] = to.split('/');
              const got = networkPolicyAllows(cluster, { from: { namespace: fns, pod: fpod }, to: { namespace: tns, pod: tpod }, port: probe.port, protocol: probe.protocol });
              const want = expected.get(`${from}→${to}`);
              if (got !== want) wrong.push(`${from} → ${to}: got ${got}, expected ${want}`);
            }
          }
          assert.deepEqual(wrong, [], `step ${s + 1}, ${probe.protocol}/${probe.port}`);
        }
      });
    });
  }

  it('the transcription covers every f.It of the file (48 tests, TCP, UDP and SCTP)', () => {
    // network_policy.go: 42 tests in "NetworkPolicy between server and client", 3 using UDP, 3 using SCTP
    assert.equal(E2E_CASES.length, 48);
    assert.equal(new Set(E2E_CASES.map((c) => `${c.it} ${c.protocols.join()}`)).size, 48);
  });
});
