// Realistic client-side apply scenarios, checked against real kubectl 1.32 in
// kubectl-apply.test.ts. Each scenario: an optional first file (applied with
// real kubectl to create the live object, so its last-applied annotation is
// exactly kubectl's), what happened to the live object afterwards (an HPA, an
// admission webhook, `kubectl label`...), and the file applied next.
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';

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

const statefulSet = (image: string, storage: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: postgres
        image: ${image}
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: ${storage}
`;

const daemonSet = (strategy: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
${strategy}  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: fluent/fluent-bit:3.1
`;

const job = (containers: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
${containers}`;

const ingress = (host: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  rules:
  - host: ${host}
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: shop
            port:
              number: 80
  - host: api.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
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
    // StatefulSetSpec.volumeClaimTemplates has no patch tags (replaced whole),
    // the containers inside the template merge by name.
    name: 'a StatefulSet changes its volumeClaimTemplate size and its image (the atomic list is re-sent whole)',
    first: statefulSet('postgres:16.3', '1Gi'),
    drift: (live) => {
      // What the API server defaults inside the template (SetDefaults_PersistentVolumeClaimSpec, apps/v1 defaults).
      const vct = ((live.spec as JsonObject).volumeClaimTemplates as JsonObject[])[0];
      vct.apiVersion = 'v1';
      vct.kind = 'PersistentVolumeClaim';
      (vct.spec as JsonObject).volumeMode = 'Filesystem';
      vct.status = { phase: 'Pending' };
    },
    second: statefulSet('postgres:16.4', '2Gi'),
  },
  {
    // DaemonSetSpec.updateStrategy carries no retainKeys: the defaulted rollingUpdate stays.
    name: 'a DaemonSet switches updateStrategy to OnDelete (no retainKeys: the defaulted rollingUpdate stays)',
    first: daemonSet(''),
    drift: (live) => {
      (live.spec as JsonObject).updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } };
    },
    second: daemonSet('  updateStrategy:\n    type: OnDelete\n'),
  },
  {
    // A real API server then refuses the change (a Job's pod template is
    // immutable); the request kubectl sends is what is compared here.
    name: "a Job's containers merged by name: one changed, one added, the injected sidecar kept",
    first: job('      - name: worker\n        image: busybox:1.36\n        command: ["sh", "-c", "echo work"]\n'),
    drift: (live) => {
      (live.spec as Spec).template.spec.containers.push({ name: 'istio-proxy', image: 'istio/proxyv2:1.22' });
    },
    second: job(
      '      - name: worker\n        image: busybox:1.37\n        command: ["sh", "-c", "echo work"]\n' +
        '      - name: uploader\n        image: amazon/aws-cli:2.17\n        args: ["s3", "sync", "/out", "s3://results"]\n',
    ),
  },
  {
    name: 'a Secret loses a stringData key and a data key (the API server had folded stringData into data)',
    first: `apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
data:
  user: YWRtaW4=
  legacy: b2xk
stringData:
  password: s3cret
  token: abc123
`,
    drift: (live) => {
      // The registry strategy merges stringData into data and drops stringData (pkg/registry/core/secret/strategy.go).
      const data = live.data as JsonObject;
      data.password = Buffer.from('s3cret').toString('base64');
      data.token = Buffer.from('abc123').toString('base64');
      delete live.stringData;
    },
    second: `apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
data:
  user: YWRtaW4=
stringData:
  password: s3cret
`,
  },
  {
    // networking/v1 has no patch tags: IngressSpec.rules is replaced whole.
    name: 'an Ingress changes the host of one rule (rules has no merge key: the whole list is sent)',
    first: ingress('shop.example.com'),
    drift: (live) => {
      live.status = { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } };
    },
    second: ingress('store.example.com'),
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
