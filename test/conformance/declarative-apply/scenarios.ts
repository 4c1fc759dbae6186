// Realistic client-side apply scenarios, checked against real kubectl 1.32 in
// kubectl-apply.test.ts. Each scenario: an optional first file (applied with
// real kubectl to create the live object, so its last-applied annotation is
// exactly kubectl's), what happened to the live object afterwards (an HPA, an
// admission webhook, `kubectl label`...), and the file applied next.
import type { JsonObject } from '../../../simulations/declarative-apply/go/values.ts';

export interface ApplyScenario {
  name: string;
  /** Applied first with real kubectl (creates the live object). */
  first?: string;
  /** Live object to seed instead of `first` (no last-applied annotation). */
  seed?: JsonObject;
  /** Changes made to the live object by others between the two applies. */
  drift?: (live: JsonObject) => void;
  /** The file applied second: the one we compare. */
  second: string;
}

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
${extra}spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

type Spec = { replicas?: number; template: { spec: { containers: JsonObject[]; tolerations?: JsonObject[] } } };

export const scenarios: ApplyScenario[] = [
  {
    name: 'change the image of a Deployment',
    first: deployment('nginx:1.26'),
    second: deployment('nginx:1.27'),
  },
  {
    name: 'remove a label from the file while kubectl label added another one',
    first: deployment('nginx:1.27', '    tier: frontend\n').replace('  labels:\n    app: web\n    tier', '  labels:\n    app: web\n    tier'),
    drift: (live) => {
      ((live.metadata as JsonObject).labels as JsonObject).team = 'payments';
    },
    second: deployment('nginx:1.27'),
  },
  {
    name: 'an HPA scaled the Deployment and the file has no replicas',
    first: deployment('nginx:1.27').replace('  replicas: 3\n', ''),
    drift: (live) => {
      (live.spec as JsonObject).replicas = 7;
    },
    second: deployment('nginx:1.28').replace('  replicas: 3\n', ''),
  },
  {
    name: 'an HPA scaled the Deployment and the file still says replicas: 3',
    first: deployment('nginx:1.27'),
    drift: (live) => {
      (live.spec as JsonObject).replicas = 7;
    },
    second: deployment('nginx:1.27'),
  },
  {
    name: 'replicas removed from the file after being applied',
    first: deployment('nginx:1.27'),
    drift: (live) => {
      (live.spec as JsonObject).replicas = 7;
    },
    second: deployment('nginx:1.27').replace('  replicas: 3\n', ''),
  },
  {
    name: 'a webhook injected a sidecar, then the image changes',
    first: deployment('nginx:1.26'),
    drift: (live) => {
      (live.spec as Spec).template.spec.containers.push({ name: 'istio-proxy', image: 'istio/proxyv2:1.22' });
    },
    second: deployment('nginx:1.27'),
  },
  {
    name: 'a container removed from the file, a sidecar kept',
    first: deployment('nginx:1.27').replace('        - containerPort: 80\n', '        - containerPort: 80\n      - name: log\n        image: busybox\n'),
    drift: (live) => {
      (live.spec as Spec).template.spec.containers.push({ name: 'istio-proxy', image: 'istio/proxyv2:1.22' });
    },
    second: deployment('nginx:1.27'),
  },
  {
    name: 'switch the Deployment strategy to Recreate (retainKeys clears rollingUpdate)',
    first: deployment('nginx:1.27'),
    drift: (live) => {
      (live.spec as JsonObject).strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    },
    second: deployment('nginx:1.27').replace('  replicas: 3\n', '  replicas: 3\n  strategy:\n    type: Recreate\n'),
  },
  {
    name: 'add a toleration to a Pod whose live copy has the admission-added ones',
    first: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox
`,
    drift: (live) => {
      (live.spec as JsonObject).tolerations = [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ];
    },
    second: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox
  tolerations:
  - key: dedicated
    operator: Equal
    value: gpu
    effect: NoSchedule
`,
  },
  {
    name: 'a live object without the last-applied annotation',
    seed: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'default', labels: { old: 'yes' } },
      data: { a: '1', b: '2' },
    },
    second: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: "1"
`,
  },
  {
    name: 'a ConfigMap key removed and one changed',
    first: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: info
  FEATURE_X: "on"
`,
    second: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: debug
`,
  },
  {
    name: 'applying the same file twice sends nothing',
    first: deployment('nginx:1.27'),
    second: deployment('nginx:1.27'),
  },
  {
    name: 'a Service loses its TCP port 53 while UDP 53 stays (merge key is port only)',
    first: `apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  selector:
    app: dns
  ports:
  - name: dns-udp
    port: 53
    protocol: UDP
  - name: dns-tcp
    port: 53
    protocol: TCP
`,
    second: `apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  selector:
    app: dns
  ports:
  - name: dns-udp
    port: 53
    protocol: UDP
`,
  },
  {
    name: 'a volume switches from configMap to secret (merge,retainKeys list)',
    first: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox
  volumes:
  - name: conf
    configMap:
      name: app-config
`,
    second: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox
  volumes:
  - name: conf
    secret:
      secretName: app-secret
`,
  },
  {
    name: 'a finalizer removed from the file (merge list of strings)',
    first: `apiVersion: v1
kind: ConfigMap
metadata:
  name: guarded
  finalizers:
  - example.com/a
  - example.com/b
data:
  k: v
`,
    drift: (live) => {
      ((live.metadata as JsonObject).finalizers as string[]).push('example.com/c');
    },
    second: `apiVersion: v1
kind: ConfigMap
metadata:
  name: guarded
  finalizers:
  - example.com/b
data:
  k: v
`,
  },
  {
    name: 'an explicit null in the file',
    first: deployment('nginx:1.27').replace('  replicas: 3\n', '  replicas: 3\n  minReadySeconds: 5\n'),
    second: deployment('nginx:1.27').replace('  replicas: 3\n', '  replicas: 3\n  minReadySeconds: null\n'),
  },
  {
    name: 'a custom resource (JSON merge patch, lists replaced)',
    first: `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: 3
  colors:
  - red
  - blue
  owner: team-a
`,
    drift: (live) => {
      (live.spec as JsonObject).status = 'managed-by-controller';
    },
    second: `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: 4
  colors:
  - red
`,
  },
  {
    name: 'a new object is created (nulls pruned from the body, kept in the annotation)',
    second: `apiVersion: v1
kind: ConfigMap
metadata:
  name: fresh
  annotations:
    note: "a & b <c>"
data:
  a: "1"
  b: null
`,
  },
];
