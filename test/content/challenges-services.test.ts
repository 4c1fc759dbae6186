// The services lesson's troubleshooting challenges (content/10-services), checked
// like every chapter's: the broken start fails the objectives it is about, the
// solution meets every objective and rule, and plausible wrong fixes fail the
// objective or rule that should catch them. Every scenario runs through the
// services engine (kube-proxy's rules and the packet tracer).
import { checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'services';
const DNAT = 'packets[name=checkout-to-payments].verdict == DNAT';
const TWO = 'packets[name=checkout-to-payments].destinations.length == 2';
const SEEN_A = 'packets[name=customer-via-node-a].seenSource == 198.51.100.23';
const SEEN_B = 'packets[name=customer-via-node-b].seenSource == 198.51.100.24';
const DNAT_B = 'packets[name=customer-via-node-b].verdict == DNAT';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-refused',
    startFails: [DNAT, TWO],
    wrong: [
      {
        name: 'pointing targetPort at 8080 (there are still no endpoints)',
        input: (s) => edit(s, ['targetPort: http}', 'targetPort: 8080}']),
        fails: [DNAT, TWO],
      },
      {
        name: 'relabelling the Pods to match the selector',
        input: (s) => s.replaceAll('labels: {app: payments, version: v2}', 'labels: {app: payment, version: v2}'),
        fails: ['keep Pod/payments-1 metadata.labels', 'keep Pod/payments-2 metadata.labels'],
      },
      {
        name: 'selecting on version: v2 as well as the wrong app label',
        input: (s) => edit(s, ['selector: {app: payment}', 'selector: {app: payment, version: v2}']),
        fails: [DNAT, TWO],
      },
    ],
    alsoRight: [
      {
        name: 'selecting on version: v2 alone',
        input: (s) => edit(s, ['selector: {app: payment}', 'selector: {version: v2}']),
        fails: [],
      },
    ],
  },
  {
    id: 'challenge-client-ip',
    startFails: [SEEN_A, SEEN_B],
    wrong: [
      {
        name: 'session affinity on the client IP',
        input: (s) => edit(s, ['  type: NodePort\n', '  type: NodePort\n  sessionAffinity: ClientIP\n']),
        fails: [SEEN_A, SEEN_B],
      },
      {
        name: 'internalTrafficPolicy: Local',
        input: (s) => edit(s, ['  type: NodePort\n', '  type: NodePort\n  internalTrafficPolicy: Local\n']),
        fails: [SEEN_A, SEEN_B],
      },
      {
        name: 'externalTrafficPolicy: Local with the Pods on node-a only (moving shop-b)',
        input: (s) => edit(s, ['  type: NodePort\n', '  type: NodePort\n  externalTrafficPolicy: Local\n'], ['  nodeName: node-b\n  containers: [{name: app, image: nginx:1.27}]\nstatus:\n  phase: Running\n  podIP: 10.244.2.30', '  nodeName: node-a\n  containers: [{name: app, image: nginx:1.27}]\nstatus:\n  phase: Running\n  podIP: 10.244.2.30']),
        fails: [DNAT_B, 'keep Pod/shop-b spec'],
      },
    ],
    alsoRight: [
      {
        name: 'a LoadBalancer Service with externalTrafficPolicy: Local',
        input: (s) => edit(s, ['  type: NodePort\n', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n']),
        fails: [],
      },
    ],
  },
];

checkChallengeCases('services troubleshooting challenges', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));
