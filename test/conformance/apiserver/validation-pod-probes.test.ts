// Probes, handlers, resize policies and ephemeral containers, from upstream's tables.
// src: pkg/apis/core/validation/validation_test.go TestValidateProbe, Test_validateProbe,
// TestValidateHandler, TestValidatePullPolicy, TestValidateResizePolicy, TestValidateEphemeralContainers
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { validateContainers, validateEphemeralContainers, type ContainerContext } from '../../../simulations/apiserver/validation/core/containers.ts';
import { PROBE_HANDLERS, validateHandler } from '../../../simulations/apiserver/validation/core/handlers.ts';
import { validateProbe } from '../../../simulations/apiserver/validation/core/probes.ts';
import { validatePullPolicy } from '../../../simulations/apiserver/validation/core/volumes.ts';
import { assertErrors, UPSTREAM, ZERO_OPTS, type ExpectedError } from './validation-pod-fixtures.ts';

const DEFAULT_GRACE_PERIOD = 30; // validation_test.go: defaultGracePeriod = ptr.To[int64](30)
const exec = { exec: { command: ['echo'] } };
const POSITIVE_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

test(`${UPSTREAM} TestValidateProbe: each positive field set to 10 is valid, to -10 is not`, () => {
  assertErrors(validateProbe(undefined, DEFAULT_GRACE_PERIOD, Path.of('field'), ZERO_OPTS), [], 'nil probe');
  for (const f of POSITIVE_FIELDS) {
    assertErrors(validateProbe({ ...exec, [f]: 10 }, DEFAULT_GRACE_PERIOD, Path.of('field'), ZERO_OPTS), [], `${f}=10`);
    assert.ok(validateProbe({ ...exec, [f]: -10 }, DEFAULT_GRACE_PERIOD, Path.of('field'), ZERO_OPTS).length > 0, `${f}=-10`);
  }
  // {TimeoutSeconds: 10, InitialDelaySeconds: 10} has no handler.
  assert.ok(validateProbe({ timeoutSeconds: 10, initialDelaySeconds: 10 }, DEFAULT_GRACE_PERIOD, Path.of('field'), ZERO_OPTS).length > 0);
});

const T_PROBE = `${UPSTREAM} Test_validateProbe`;
const probeCases: { name: string; probe: JsonObject; errors: ExpectedError[] }[] = [
  { name: 'no handler', probe: {}, errors: [{ type: 'FieldValueRequired', field: 'test', detail: 'must specify a handler type' }] },
  { name: 'exec only', probe: exec, errors: [] },
  ...POSITIVE_FIELDS.map((f) => ({
    name: `${f} -1`,
    probe: { ...exec, [f]: -1 },
    errors: [{ type: 'FieldValueInvalid' as const, field: `test.${f}`, detail: 'must be greater than or equal to 0' }],
  })),
  { name: 'terminationGracePeriodSeconds -1', probe: { ...exec, terminationGracePeriodSeconds: -1 }, errors: [{ type: 'FieldValueInvalid', field: 'test.terminationGracePeriodSeconds', detail: 'must be greater than 0' }] },
  { name: 'terminationGracePeriodSeconds 0', probe: { ...exec, terminationGracePeriodSeconds: 0 }, errors: [{ type: 'FieldValueInvalid', field: 'test.terminationGracePeriodSeconds', detail: 'must be greater than 0' }] },
  { name: 'terminationGracePeriodSeconds 1', probe: { ...exec, terminationGracePeriodSeconds: 1 }, errors: [] },
];
for (const c of probeCases) {
  test(`${T_PROBE}: ${c.name}`, () => assertErrors(validateProbe(c.probe, DEFAULT_GRACE_PERIOD, Path.of('test'), ZERO_OPTS), c.errors, c.name));
}

const T_HANDLER = `${UPSTREAM} TestValidateHandler`;
test(`${T_HANDLER}: success cases`, () => {
  const ok: JsonObject[] = [
    { exec: { command: ['echo'] } },
    { httpGet: { path: '/', port: 1, host: '', scheme: 'HTTP' } },
    { httpGet: { path: '/foo', port: 65535, host: 'host', scheme: 'HTTP' } },
    { httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP' } },
    { httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP', httpHeaders: [{ name: 'Host', value: 'foo.example.com' }] } },
    { httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP', httpHeaders: [{ name: 'X-Forwarded-For', value: '1.2.3.4' }, { name: 'X-Forwarded-For', value: '5.6.7.8' }] } },
  ];
  for (const h of ok) assertErrors(validateHandler(h, PROBE_HANDLERS, DEFAULT_GRACE_PERIOD, Path.of('field'), ZERO_OPTS), [], JSON.stringify(h));
});

// Upstream checks only that these fail; the errors below follow validateHandler's source.
const handlerErrors: { name: string; handler: JsonObject; errors: ExpectedError[] }[] = [
  { name: 'empty', handler: {}, errors: [{ type: 'FieldValueRequired', field: 'field', detail: 'must specify a handler type' }] },
  { name: 'empty exec command', handler: { exec: { command: [] } }, errors: [{ type: 'FieldValueRequired', field: 'field.exec.command' }] },
  {
    name: 'httpGet with empty path, port 0 and no scheme',
    handler: { httpGet: { path: '', port: 0, host: '' } },
    errors: [
      { type: 'FieldValueRequired', field: 'field.httpGet.path' },
      { type: 'FieldValueInvalid', field: 'field.httpGet.port', detail: 'must be between 1 and 65535, inclusive' },
      { type: 'FieldValueNotSupported', field: 'field.httpGet.scheme', detail: 'supported values: "HTTP", "HTTPS"' },
    ],
  },
  {
    name: 'httpGet port 65536',
    handler: { httpGet: { path: '/foo', port: 65536, host: 'host' } },
    errors: [
      { type: 'FieldValueInvalid', field: 'field.httpGet.port' },
      { type: 'FieldValueNotSupported', field: 'field.httpGet.scheme' },
    ],
  },
  {
    name: 'httpGet empty port name',
    handler: { httpGet: { path: '', port: '', host: '' } },
    errors: [
      { type: 'FieldValueRequired', field: 'field.httpGet.path' },
      { type: 'FieldValueInvalid', field: 'field.httpGet.port', detail: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
      { type: 'FieldValueInvalid', field: 'field.httpGet.port', detail: 'must contain at least one letter (a-z)' },
      { type: 'FieldValueNotSupported', field: 'field.httpGet.scheme' },
    ],
  },
  {
    name: 'header name "Host:"',
    handler: { httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP', httpHeaders: [{ name: 'Host:', value: 'foo.example.com' }] } },
    errors: [{ type: 'FieldValueInvalid', field: 'field.httpGet.httpHeaders' }],
  },
  {
    name: 'header name with underscores',
    handler: { httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP', httpHeaders: [{ name: 'X_Forwarded_For', value: 'foo.example.com' }] } },
    errors: [{ type: 'FieldValueInvalid', field: 'field.httpGet.httpHeaders' }],
  },
];
for (const c of handlerErrors) {
  test(`${T_HANDLER}: ${c.name}`, () => assertErrors(validateHandler(c.handler, PROBE_HANDLERS, DEFAULT_GRACE_PERIOD, Path.of('field'), ZERO_OPTS), c.errors, c.name));
}

test(`${UPSTREAM} TestValidatePullPolicy: Always, IfNotPresent and Never are valid`, () => {
  for (const p of ['IfNotPresent', 'Always', 'Never']) assertErrors(validatePullPolicy(p, Path.of('field')), [], p);
});

// validateResizePolicy is reached through a container: its errors carry the container's resizePolicy path.
const T_RESIZE = `${UPSTREAM} TestValidateResizePolicy`;
const resizeCases: { name: string; policies: JsonValue[]; restart: string; errors: ExpectedError[] }[] = [
  { name: 'ValidCPUandMemoryPolicies', policies: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }], restart: 'Always', errors: [] },
  { name: 'ValidCPUPolicy', policies: [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }], restart: 'Always', errors: [] },
  { name: 'ValidMemoryPolicy', policies: [{ resourceName: 'memory', restartPolicy: 'NotRequired' }], restart: 'Always', errors: [] },
  { name: 'NoPolicy', policies: [], restart: 'Always', errors: [] },
  {
    name: 'ValidCPUandInvalidMemoryPolicy',
    policies: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'Restarrrt' }],
    restart: 'Always',
    errors: [{ type: 'FieldValueNotSupported', field: 'c[0].resizePolicy', detail: 'supported values: "NotRequired", "RestartContainer"' }],
  },
  {
    name: 'ValidMemoryandInvalidCPUPolicy',
    policies: [{ resourceName: 'cpu', restartPolicy: 'RestartNotRequirrred' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }],
    restart: 'Always',
    errors: [{ type: 'FieldValueNotSupported', field: 'c[0].resizePolicy', detail: 'supported values: "NotRequired", "RestartContainer"' }],
  },
  {
    name: 'InvalidResourceNameValidPolicy',
    policies: [{ resourceName: 'cpuuu', restartPolicy: 'NotRequired' }],
    restart: 'Always',
    errors: [{ type: 'FieldValueNotSupported', field: 'c[0].resizePolicy', detail: 'supported values: "cpu", "memory"' }],
  },
  { name: 'ValidResourceNameMissingPolicy', policies: [{ resourceName: 'memory', restartPolicy: '' }], restart: 'Always', errors: [{ type: 'FieldValueRequired', field: 'c[0].resizePolicy' }] },
  {
    name: 'RepeatedPolicies',
    policies: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }, { resourceName: 'cpu', restartPolicy: 'RestartContainer' }],
    restart: 'Always',
    errors: [{ type: 'FieldValueDuplicate', field: 'c[0].resizePolicy[2]' }],
  },
  {
    name: 'InvalidCPUPolicyWithPodRestartPolicy',
    policies: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }],
    restart: 'Never',
    errors: [{ type: 'FieldValueInvalid', field: 'c[0].resizePolicy', detail: "must be 'NotRequired' when `restartPolicy` is 'Never'" }],
  },
  {
    name: 'InvalidMemoryPolicyWithPodRestartPolicy',
    policies: [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }, { resourceName: 'memory', restartPolicy: 'NotRequired' }],
    restart: 'Never',
    errors: [{ type: 'FieldValueInvalid', field: 'c[0].resizePolicy', detail: "must be 'NotRequired' when `restartPolicy` is 'Never'" }],
  },
  {
    name: 'InvalidMemoryCPUPolicyWithPodRestartPolicy',
    policies: [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }],
    restart: 'Never',
    errors: [
      { type: 'FieldValueInvalid', field: 'c[0].resizePolicy' },
      { type: 'FieldValueInvalid', field: 'c[0].resizePolicy' },
    ],
  },
  { name: 'ValidMemoryCPUPolicyWithPodRestartPolicy', policies: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'NotRequired' }], restart: 'Never', errors: [] },
];

function ctx(podRestartPolicy: string, volumes: [string, JsonObject][] = []): ContainerContext {
  return { volumes: new Map(volumes), podClaimNames: new Set(), gracePeriod: DEFAULT_GRACE_PERIOD, podRestartPolicy, hostUsers: true, opts: ZERO_OPTS };
}
const ctr = (name: string, extra: JsonObject = {}): JsonObject => ({ name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...extra });

for (const c of resizeCases) {
  test(`${T_RESIZE}: ${c.name}`, () => assertErrors(validateContainers([ctr('ctr', { resizePolicy: c.policies })], Path.of('c'), ctx(c.restart)), c.errors, c.name));
}

const T_EPH = `${UPSTREAM} TestValidateEphemeralContainers`;
const containers = [ctr('ctr')];
const initContainers = [{ name: 'ictr', image: 'iimage', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }];
const vols: [string, JsonObject][] = [
  ['blk', { name: 'blk', persistentVolumeClaim: { claimName: 'pvc' } }],
  ['vol', { name: 'vol', emptyDir: {} }],
];

test(`${T_EPH}: success cases, for every Pod restartPolicy`, () => {
  const cases: Record<string, JsonValue[]> = {
    'Empty Ephemeral Containers': [],
    'Single Container': [ctr('debug')],
    'Multiple Containers': [ctr('debug1'), ctr('debug2')],
    'Single Container with Target': [ctr('debug', { targetContainerName: 'ctr' })],
    'All allowed fields': [
      ctr('debug', {
        command: ['bash'],
        args: ['bash'],
        workingDir: '/',
        envFrom: [{ configMapRef: { name: 'dummy', optional: true } }],
        env: [{ name: 'TEST', value: 'TRUE' }],
        volumeMounts: [{ name: 'vol', mountPath: '/vol' }],
        volumeDevices: [{ name: 'blk', devicePath: '/dev/block' }],
        terminationMessagePath: '/dev/termination-log',
        securityContext: { capabilities: { add: ['SYS_ADMIN'] } },
        stdin: true,
        stdinOnce: true,
        tty: true,
      }),
    ],
  };
  for (const [title, list] of Object.entries(cases)) {
    for (const restart of ['Never', 'Always', 'OnFailure']) {
      assertErrors(validateEphemeralContainers(list, containers, initContainers, Path.of('ephemeralContainers'), ctx(restart, vols)), [], `${title} (${restart})`);
    }
  }
});

const ephErrors: { name: string; list: JsonValue[]; errors: ExpectedError[] }[] = [
  { name: 'Name Collision with Container.Containers', list: [ctr('ctr'), ctr('debug1')], errors: [{ type: 'FieldValueDuplicate', field: 'ephemeralContainers[0].name' }] },
  { name: 'Name Collision with Container.InitContainers', list: [ctr('ictr'), ctr('debug1')], errors: [{ type: 'FieldValueDuplicate', field: 'ephemeralContainers[0].name' }] },
  { name: 'Name Collision with EphemeralContainers', list: [ctr('debug1'), ctr('debug1')], errors: [{ type: 'FieldValueDuplicate', field: 'ephemeralContainers[1].name' }] },
  {
    name: 'empty Container',
    list: [{}],
    errors: [
      { type: 'FieldValueRequired', field: 'ephemeralContainers[0].name' },
      { type: 'FieldValueRequired', field: 'ephemeralContainers[0].image' },
      { type: 'FieldValueRequired', field: 'ephemeralContainers[0].terminationMessagePolicy' },
      { type: 'FieldValueRequired', field: 'ephemeralContainers[0].imagePullPolicy' },
    ],
  },
  { name: 'empty Container Name', list: [ctr('')], errors: [{ type: 'FieldValueRequired', field: 'ephemeralContainers[0].name' }] },
  { name: 'whitespace padded image name', list: [ctr('debug', { image: ' image' })], errors: [{ type: 'FieldValueInvalid', field: 'ephemeralContainers[0].image' }] },
  { name: 'invalid image pull policy', list: [ctr('debug', { imagePullPolicy: 'PullThreeTimes' })], errors: [{ type: 'FieldValueNotSupported', field: 'ephemeralContainers[0].imagePullPolicy' }] },
  { name: "TargetContainerName doesn't exist", list: [ctr('debug', { targetContainerName: 'bogus' })], errors: [{ type: 'FieldValueNotFound', field: 'ephemeralContainers[0].targetContainerName' }] },
  { name: 'Targets an ephemeral container', list: [ctr('debug'), ctr('debugception', { targetContainerName: 'debug' })], errors: [{ type: 'FieldValueNotFound', field: 'ephemeralContainers[1].targetContainerName' }] },
  { name: 'Container uses disallowed field: Lifecycle', list: [ctr('debug', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].lifecycle' }] },
  { name: 'Container uses disallowed field: LivenessProbe', list: [ctr('debug', { livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 1 } })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].livenessProbe' }] },
  { name: 'Container uses disallowed field: Ports', list: [ctr('debug', { ports: [{ protocol: 'TCP', containerPort: 80 }] })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].ports' }] },
  { name: 'Container uses disallowed field: ReadinessProbe', list: [ctr('debug', { readinessProbe: { tcpSocket: { port: 80 } } })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].readinessProbe' }] },
  { name: 'Container uses disallowed field: StartupProbe', list: [ctr('debug', { startupProbe: { tcpSocket: { port: 80 }, successThreshold: 1 } })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].startupProbe' }] },
  { name: 'Container uses disallowed field: Resources', list: [ctr('debug', { resources: { limits: { cpu: '10' } } })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].resources' }] },
  {
    name: 'Container uses disallowed field: VolumeMount.SubPath',
    list: [ctr('debug', { volumeMounts: [{ name: 'vol', mountPath: '/vol' }, { name: 'vol', mountPath: '/volsub', subPath: 'foo' }] })],
    errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].volumeMounts[1].subPath' }],
  },
  {
    name: 'Container uses disallowed field: VolumeMount.SubPathExpr',
    list: [ctr('debug', { volumeMounts: [{ name: 'vol', mountPath: '/vol' }, { name: 'vol', mountPath: '/volsub', subPathExpr: '$(POD_NAME)' }] })],
    errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].volumeMounts[1].subPathExpr' }],
  },
  {
    name: 'Disallowed field with other errors should only return a single Forbidden',
    list: [ctr('debug', { lifecycle: { preStop: { exec: { command: [] } } } })],
    errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].lifecycle' }],
  },
  { name: 'Container uses disallowed field: ResizePolicy', list: [ctr('resources-resize-policy', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })], errors: [{ type: 'FieldValueForbidden', field: 'ephemeralContainers[0].resizePolicy' }] },
  ...['Always', 'OnFailure', 'Never', 'invalid', ''].map((p) => ({
    name: `Forbidden RestartPolicy: ${p === '' ? 'empty' : p}`,
    list: [ctr('foo', { restartPolicy: p })],
    errors: [{ type: 'FieldValueForbidden' as const, field: 'ephemeralContainers[0].restartPolicy' }],
  })),
];
for (const c of ephErrors) {
  test(`${T_EPH}: ${c.name}`, () => {
    for (const restart of ['Never', 'Always', 'OnFailure']) {
      assertErrors(validateEphemeralContainers(c.list, containers, initContainers, Path.of('ephemeralContainers'), ctx(restart, vols)), c.errors, `${c.name} (${restart})`);
    }
  });
}
