// Pods and Events for checking describePod against the real `kubectl describe pod`.
// Times are relative to `now` and sit mid-way inside HumanDuration's buckets
// (e.g. 45m30s → "45m"), so the second or two between our clock and kubectl's
// cannot change the printed age.

type Obj = Record<string, unknown>;

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface DescribeCase {
  name: string;
  pod: Obj;
  events: Obj[];
}

function event(now: number, pod: Obj, name: string, fields: Obj & { agoMs?: number; firstAgoMs?: number }): Obj {
  const meta = pod.metadata as Obj;
  const { agoMs = 0, firstAgoMs = agoMs, ...rest } = fields;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: meta.namespace },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: meta.name, namespace: meta.namespace, uid: meta.uid },
    firstTimestamp: iso(now - firstAgoMs),
    lastTimestamp: iso(now - agoMs),
    count: 1,
    source: { component: 'kubelet', host: 'node-1' },
    ...rest,
  };
}

export function describeCases(now: number): DescribeCase[] {
  const oom = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'leaky', namespace: 'default', uid: 'uid-leaky', creationTimestamp: iso(now - 150 * MIN), labels: { app: 'leaky' } },
    spec: {
      nodeName: 'node-1',
      restartPolicy: 'Always',
      containers: [
        {
          name: 'app', image: 'registry.example/leaky:1.0', imagePullPolicy: 'IfNotPresent',
          resources: { limits: { memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running', hostIP: '10.0.0.4', podIP: '10.244.1.7', podIPs: [{ ip: '10.244.1.7' }], startTime: iso(now - 150 * MIN), qosClass: 'Burstable',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
        { type: 'ContainersReady', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [{
        name: 'app', ready: false, restartCount: 7, started: false, image: 'registry.example/leaky:1.0', imageID: 'registry.example/leaky@sha256:0123',
        containerID: 'containerd://9f1c', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app pod=leaky_default(uid-leaky)' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: iso(now - 12 * MIN), finishedAt: iso(now - 11 * MIN), containerID: 'containerd://9f1c' } },
      }],
    },
  };
  const evicted = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'batch-7d9c8f-lq2vx', namespace: 'reports', uid: 'uid-batch', creationTimestamp: iso(now - 200 * MIN),
      labels: { app: 'batch', 'pod-template-hash': '7d9c8f' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'batch-7d9c8f', uid: 'rs', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      nodeName: 'worker-2', priority: 0, serviceAccountName: 'default',
      containers: [{ name: 'batch', image: 'busybox:1.36', command: ['sh', '-c', 'run-report\n--all'], resources: { requests: { memory: '256Mi' } } }],
    },
    status: {
      phase: 'Failed', reason: 'Evicted',
      message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91244Ki. Container batch was using 1843Mi, request is 256Mi, has larger consumption of memory. ',
      hostIP: '10.0.0.5', startTime: iso(now - 199 * MIN),
      conditions: [
        { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'False' },
        { type: 'ContainersReady', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [{
        name: 'batch', ready: false, restartCount: 0, image: 'busybox:1.36', imageID: '', containerID: 'containerd://77aa',
        state: { terminated: { exitCode: 137, reason: 'Error', startedAt: iso(now - 199 * MIN), finishedAt: iso(now - 45 * MIN - 30_000) } },
      }],
    },
  };
  const rich = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-0', namespace: 'shop', uid: 'uid-web',
      labels: { app: 'web', tier: 'frontend', 'apps.kubernetes.io/pod-index': '0' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}',
        'example.com/short': 'yes',
        'example.com/long': 'x'.repeat(150),
        'example.com/multi': 'line one\nline two\n',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'sts', controller: true }],
    },
    spec: {
      nodeName: 'node-1', priority: 1000, priorityClassName: 'high', serviceAccountName: 'web', runtimeClassName: 'runc',
      nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' },
      initContainers: [{
        name: 'init-db', image: 'busybox:1.36', args: ['wait-for', 'db:5432'],
        resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
      }],
      containers: [{
        name: 'web', image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443, protocol: 'TCP', hostPort: 8443 }],
        resources: { limits: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '2Gi' }, requests: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, timeoutSeconds: 2, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { tcpSocket: { port: 'http' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
        envFrom: [{ configMapRef: { name: 'web-config' } }, { secretRef: { name: 'web-secret', optional: true }, prefix: 'SECRET_' }],
        env: [
          { name: 'MODE', value: 'production' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'theme', key: 'color', optional: true } } },
        ],
        volumeMounts: [
          { name: 'data', mountPath: '/var/lib/web' },
          { name: 'config', mountPath: '/etc/web', readOnly: true, subPath: 'web.conf' },
          { name: 'cache', mountPath: '/cache' },
        ],
      }],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } },
        { name: 'config', configMap: { name: 'web-config' } },
        { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        { name: 'certs', secret: { secretName: 'web-tls', optional: false } },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
        {
          name: 'kube-api-access-x1', projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { secret: { name: 'extra-ca' } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      tolerations: [{ operator: 'Exists' }, { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      readinessGates: [{ conditionType: 'example.com/lb-ready' }],
    },
    status: {
      phase: 'Running', hostIP: '10.0.0.4', podIP: '10.244.1.9', podIPs: [{ ip: '10.244.1.9' }, { ip: 'fd00::9' }], startTime: iso(now - 300 * MIN), qosClass: 'Guaranteed',
      conditions: [
        { type: 'example.com/lb-ready', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
        { type: 'ContainersReady', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
      initContainerStatuses: [{
        name: 'init-db', ready: true, restartCount: 0, image: 'busybox:1.36', imageID: 'docker.io/library/busybox@sha256:1', containerID: 'containerd://i1',
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: iso(now - 300 * MIN), finishedAt: iso(now - 299 * MIN) } },
      }],
      containerStatuses: [{
        name: 'web', ready: true, restartCount: 1, started: true, image: 'nginx:1.27', imageID: 'docker.io/library/nginx@sha256:2', containerID: 'containerd://w1',
        state: { running: { startedAt: iso(now - 250 * MIN) } },
        lastState: { terminated: { exitCode: 143, signal: 15, reason: 'Error', message: 'stopped by SIGTERM', startedAt: iso(now - 299 * MIN), finishedAt: iso(now - 250 * MIN) } },
      }],
    },
  };
  const pending = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'big', namespace: 'default', uid: 'uid-big' },
    spec: { containers: [{ name: 'big', image: 'busybox', resources: { requests: { memory: '64Gi' } } }] },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient memory.' }],
    },
  };
  const terminating = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'bye', namespace: 'default', uid: 'uid-bye', deletionTimestamp: iso(now + 25_000), deletionGracePeriodSeconds: 30 },
    spec: { nodeName: 'node-1', containers: [{ name: 'bye', image: 'busybox' }] },
    status: { phase: 'Running', hostIP: '10.0.0.4', podIP: '10.244.1.10', podIPs: [{ ip: '10.244.1.10' }], containerStatuses: [{ name: 'bye', ready: true, restartCount: 0, image: 'busybox', imageID: '', containerID: 'containerd://b', state: { running: { startedAt: iso(now - 15 * MIN - 30_000) } } }] },
  };
  const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default', uid: 'uid-bare' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };

  return [
    {
      name: 'an OOMKilled container in CrashLoopBackOff, with repeated events',
      pod: oom,
      events: [
        event(now, oom, 'leaky.1', { type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/leaky to node-1', agoMs: 150 * MIN + 30_000, source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler' }),
        event(now, oom, 'leaky.3', { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container app in pod leaky_default(uid-leaky)', agoMs: 10 * MIN + 30_000, firstAgoMs: 140 * MIN + 30_000, count: 31 }),
        event(now, oom, 'leaky.2', { type: 'Normal', reason: 'Pulled', message: 'Container image "registry.example/leaky:1.0" already present on machine', agoMs: 12 * MIN + 30_000, firstAgoMs: 149 * MIN + 30_000, count: 8 }),
        event(now, oom, 'leaky.4', { type: 'Normal', reason: 'Started', message: '  Started container app  ', agoMs: 12 * MIN + 30_000, firstAgoMs: 149 * MIN + 30_000, count: 8 }),
      ],
    },
    {
      name: 'a Pod evicted under node memory pressure',
      pod: evicted,
      events: [
        event(now, evicted, 'batch.1', { type: 'Warning', reason: 'Evicted', message: (evicted.status as Obj).message, agoMs: 45 * MIN + 30_000 }),
        event(now, evicted, 'batch.2', { type: 'Normal', reason: 'Killing', message: 'Stopping container batch', agoMs: 45 * MIN + 30_000 }),
      ],
    },
    { name: 'a Guaranteed Pod with probes, env, mounts, volumes, gates and tolerations', pod: rich, events: [] },
    {
      name: 'a Pending Pod with a scheduler event in the events.k8s.io style (eventTime, series)',
      pod: pending,
      events: [
        event(now, pending, 'big.1', { // ages ≥ 10m print in whole minutes, so clock drift cannot change them
          type: 'Warning', reason: 'FailedScheduling', message: '0/1 nodes are available: 1 Insufficient memory.',
          eventTime: new Date(now - 20 * MIN - 30_000).toISOString().replace('Z', '000Z'), firstTimestamp: null, lastTimestamp: null, count: 0,
          series: { count: 4, lastObservedTime: new Date(now - 12 * MIN - 30_000).toISOString().replace('Z', '000Z') },
          source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler',
        }),
      ],
    },
    { name: 'a Terminating Pod whose grace period has not run out', pod: terminating, events: [] },
    { name: 'a bare Pod with no status at all', pod: bare, events: [] },
  ];
}
