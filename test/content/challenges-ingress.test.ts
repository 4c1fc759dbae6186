// The ingress lesson's troubleshooting challenges (content/12-ingress), checked like those of
// test/content/challenges.test.ts: the broken start fails the objectives it is about, the
// solution meets every objective and rule, and plausible wrong fixes fail the objective or
// rule that should catch them. Every scenario runs through the ingress engine.
import { checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'ingress';

const BLOG_200 = 'requests[0].ingress.status == 200';
const BLOG_CERT = 'requests[0].ingress.tls == "terminated with Secret default/blog-cert"';
const GW_BLOG_200 = 'requests[0].gateway.status == 200';
const GW_ACCEPTED = 'routes[route=blog/blog].parents[0].conditions[0].status == "True"';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-blog-404',
    startFails: [BLOG_200, BLOG_CERT],
    wrong: [
      {
        name: 'fixing the class only: the Secret name still points nowhere (fake certificate)',
        input: (s) => edit(s, ['  ingressClassName: internal\n', '  ingressClassName: nginx\n']),
        fails: [BLOG_CERT],
      },
      {
        name: "handing the 'internal' class to ingress-nginx",
        input: (s) => edit(s, ['  controller: traefik.io/ingress-controller\n', '  controller: k8s.io/ingress-nginx\n'], ['    secretName: blog-tls\n', '    secretName: blog-cert\n']),
        fails: ['keep IngressClass/internal spec'],
      },
      {
        name: 'creating the Secret the Ingress names instead of fixing the name',
        input: (s) => edit(s, ['  ingressClassName: internal\n', '  ingressClassName: nginx\n']) + '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: blog-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: Y2VydA==\n  tls.key: a2V5\n',
        fails: [BLOG_CERT, 'added 1'],
      },
    ],
    alsoRight: [
      {
        name: 'removing ingressClassName from a newly created Ingress (the DefaultIngressClass admission plugin sets nginx)',
        input: (s) => edit(s, ['  name: blog\nspec:\n  ingressClassName: internal\n', '  name: blog\nspec:\n'], ['    secretName: blog-tls\n', '    secretName: blog-cert\n']),
        fails: [],
      },
    ],
  },
  {
    id: 'challenge-route-detached',
    startFails: [GW_BLOG_200, GW_ACCEPTED],
    wrong: [
      {
        name: 'opening the listener to every namespace (from: All)',
        input: (s) => edit(s, ['        from: Selector\n        selector:\n          matchLabels:\n            gateway-access: shared\n', '        from: All\n']),
        fails: ['keep Gateway/infra/public spec'],
      },
      {
        name: 'moving the HTTPRoute into the Gateway\'s namespace: its backendRef crosses namespaces without a ReferenceGrant',
        input: (s) => edit(s, ['  name: blog\n  namespace: blog\nspec:\n  parentRefs:\n  - {name: public, namespace: infra}\n  hostnames: [blog.example.com]\n  rules:\n  - backendRefs:\n    - {name: blog, port: 80}\n',
          '  name: blog\n  namespace: infra\nspec:\n  parentRefs:\n  - {name: public, namespace: infra}\n  hostnames: [blog.example.com]\n  rules:\n  - backendRefs:\n    - {name: blog, namespace: blog, port: 80}\n']),
        fails: [GW_BLOG_200, GW_ACCEPTED, 'stay HTTPRoute/blog/blog', 'keep HTTPRoute/blog/blog spec.rules', 'keep HTTPRoute/blog/blog spec.hostnames', 'added 1'],
      },
    ],
  },
];

checkChallengeCases('ingress troubleshooting challenges', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));
