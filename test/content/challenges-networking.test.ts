// The networking lesson's troubleshooting challenges (content/11-networking),
// checked like those of test/content/challenges.test.ts: the broken start fails
// the objectives it is about, the solution meets every objective and rule, and
// the fixes a learner tries first fail the objective or rule that should catch
// them. Every scenario runs through the network-policy engine.
import { checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'networking';

const FRONTEND = 'connections[name=frontend-to-api].allowed == true';
const BATCH = 'connections[name=batch-to-api].allowed == false';
const SANDBOX = 'connections[name=sandbox-to-api].allowed == false';
const PEER = '    - podSelector:\n        matchLabels: {app: frontend}\n';

const DNS = 'connections[name=web-dns].allowed == true';
const DNS_TCP = 'connections[name=web-dns-tcp].allowed == true';
const API = 'connections[name=web-to-api].allowed == true';
const FAKE = 'connections[name=web-to-fake-dns].allowed == false';
const HTTP_RULE = '    ports:\n    - port: http\n---\napiVersion: kube-notebook.dev/v1alpha1';
const withEgressRule = (rule: string) => (s: string) => edit(s, [HTTP_RULE, `    ports:\n    - port: http\n${rule}---\napiVersion: kube-notebook.dev/v1alpha1`]);

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-cross-namespace',
    startFails: [FRONTEND],
    wrong: [
      {
        name: 'selecting the web namespace alone',
        input: (s) => edit(s, [PEER, '    - namespaceSelector:\n        matchLabels: {kubernetes.io/metadata.name: web}\n']),
        fails: [BATCH],
      },
      {
        name: 'both selectors as two peers (OR)',
        input: (s) => edit(s, [PEER, `    - namespaceSelector:\n        matchLabels: {kubernetes.io/metadata.name: web}\n${PEER}`]),
        fails: [BATCH],
      },
      {
        name: 'any namespace AND app=frontend',
        input: (s) => edit(s, [PEER, '    - namespaceSelector: {}\n      podSelector:\n        matchLabels: {app: frontend}\n']),
        fails: [SANDBOX],
      },
      {
        name: 'deleting the default deny',
        input: (s) => s.replace(/apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\nmetadata: \{name: default-deny-ingress[\s\S]*?---\n/, ''),
        fails: [FRONTEND, 'stay NetworkPolicy/shop/default-deny-ingress'],
      },
    ],
    alsoRight: [
      {
        name: 'the namespace by name with matchExpressions, AND app=frontend',
        input: (s) => edit(s, [PEER, '    - namespaceSelector:\n        matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [web]}]\n      podSelector:\n        matchLabels: {app: frontend}\n']),
        fails: [],
      },
    ],
  },
  {
    id: 'challenge-dns-egress',
    startFails: [DNS, DNS_TCP],
    wrong: [
      {
        name: 'allowing all egress (an empty rule)',
        input: withEgressRule('  - {}\n'),
        // billing stays unreachable only because its own ingress is denied by default-deny-all
        fails: [FAKE],
      },
      {
        name: 'port 53 to anywhere (no `to`)',
        input: withEgressRule('  - ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n'),
        fails: [FAKE],
      },
      {
        name: 'the kube-dns pod selector alone (looks in shop)',
        input: withEgressRule('  - to:\n    - podSelector:\n        matchLabels: {k8s-app: kube-dns}\n    ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n'),
        fails: [DNS, DNS_TCP],
      },
      {
        name: 'any namespace AND k8s-app=kube-dns',
        input: withEgressRule('  - to:\n    - namespaceSelector: {}\n      podSelector:\n        matchLabels: {k8s-app: kube-dns}\n    ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n'),
        fails: [FAKE],
      },
      {
        name: 'UDP only',
        input: withEgressRule('  - to:\n    - namespaceSelector:\n        matchLabels: {kubernetes.io/metadata.name: kube-system}\n      podSelector:\n        matchLabels: {k8s-app: kube-dns}\n    ports:\n    - {port: 53, protocol: UDP}\n'),
        fails: [DNS_TCP],
      },
    ],
    alsoRight: [
      {
        name: 'a separate allow-dns policy for app=web (policies add up)',
        input: (s) =>
          `${s}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-dns, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - namespaceSelector:\n        matchLabels: {kubernetes.io/metadata.name: kube-system}\n      podSelector:\n        matchLabels: {k8s-app: kube-dns}\n    ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n`,
        fails: [],
      },
    ],
  },
];

checkChallengeCases('networking troubleshooting challenges', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));
