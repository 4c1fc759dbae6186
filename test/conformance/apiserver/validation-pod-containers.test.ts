// Regular and init containers, from upstream's tables.
// src: pkg/apis/core/validation/validation_test.go TestValidateContainers, TestValidateInitContainers,
// TestValidateRestartPolicy, TestValidateDNSPolicy, TestValidateContainerRestartPolicy (v1.36: ContainerRestartRules)
//
// TestValidateContainers' "privilege disabled" case is left out: it sets
// capabilities.AllowPrivileged=false, and the simulated API server runs with
// --allow-privileged=true as kubeadm and kind clusters do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { validateContainers, validateInitContainers, type ContainerContext } from '../../../simulations/apiserver/validation/core/containers.ts';
import { validateDNSPolicy } from '../../../simulations/apiserver/validation/core/dns.ts';
import { validateRestartPolicy } from '../../../simulations/apiserver/validation/core/pod-spec.ts';
import { assertErrors, POD_OPTS, UPSTREAM, ZERO_OPTS, type ExpectedError } from './validation-pod-fixtures.ts';
import type { PodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';

const ctr = (name: string, extra: JsonObject = {}): JsonObject => ({ name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...extra });
const tcp80 = { tcpSocket: { port: 80 } };
const negatives = { initialDelaySeconds: -1, timeoutSeconds: -1, periodSeconds: -1, successThreshold: -1, failureThreshold: -1, terminationGracePeriodSeconds: -1 };
const res = (cpu: string, memory: string): JsonObject => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });

function ctx(podRestartPolicy: string, opts: PodValidationOptions = ZERO_OPTS): ContainerContext {
  return { volumes: new Map(), podClaimNames: new Set(), gracePeriod: 30, podRestartPolicy, hostUsers: true, opts };
}

const T_C = `${UPSTREAM} TestValidateContainers`;

test(`${T_C}: success cases`, () => {
  const ok: JsonValue[] = [
    ctr('abc'),
    // Templates may hold whitespace images; only Pods check them.
    ctr('def', { image: ' ' }),
    ctr('ghi', { image: ' some  ' }),
    ctr('123'),
    ctr('abc-123'),
    ctr('life-123', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } }),
    ctr('resources-test', { resources: { limits: { cpu: '10', memory: '10G', 'my.org/resource': '10' } } }),
    ctr('resources-test-with-request-and-limit', { resources: { requests: { cpu: '10', memory: '10G' }, limits: { cpu: '10', memory: '10G' } } }),
    ctr('resources-request-limit-simple', { resources: { requests: { cpu: '8' }, limits: { cpu: '10' } } }),
    ctr('resources-request-limit-edge', { resources: { requests: { cpu: '10', memory: '10G', 'my.org/resource': '10' }, limits: { cpu: '10', memory: '10G', 'my.org/resource': '10' } } }),
    ctr('resources-request-limit-partials', { resources: { requests: { cpu: '9.5', memory: '10G' }, limits: { cpu: '10', 'my.org/resource': '10' } } }),
    ctr('resources-request', { resources: { requests: { cpu: '9.5', memory: '10G' } } }),
    ctr('resources-resize-policy', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }] }),
    ctr('same-host-port-different-protocol', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] }),
    ctr('fallback-to-logs-termination-message', { terminationMessagePolicy: 'FallbackToLogsOnError' }),
    ctr('file-termination-message'),
    ctr('env-from-source', { envFrom: [{ configMapRef: { name: 'test' } }] }),
    // fakeValidSecurityContext(true): a privileged container, allowed by the cluster.
    ctr('abc-1234', { securityContext: { privileged: true } }),
    ctr('live-123', { livenessProbe: { ...tcp80, successThreshold: 1 } }),
    ctr('startup-123', { startupProbe: { ...tcp80, successThreshold: 1 } }),
    ctr('resize-policy-cpu', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
    ctr('resize-policy-mem', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }] }),
    ctr('resize-policy-cpu-and-mem', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'NotRequired' }, { resourceName: 'cpu', restartPolicy: 'RestartContainer' }] }),
  ];
  assertErrors(validateContainers(ok, Path.of('field'), ctx('Always')), [], 'successCase');
});

const I = 'FieldValueInvalid' as const;
const containerErrors: { name: string; list: JsonValue[]; errors: ExpectedError[] }[] = [
  { name: 'zero-length name', list: [ctr('')], errors: [{ type: 'FieldValueRequired', field: 'containers[0].name' }] },
  { name: 'zero-length-image', list: [ctr('abc', { image: '' })], errors: [{ type: 'FieldValueRequired', field: 'containers[0].image' }] },
  { name: 'name > 63 characters', list: [ctr('a'.repeat(64))], errors: [{ type: I, field: 'containers[0].name' }] },
  { name: 'name not a DNS label', list: [ctr('a.b.c')], errors: [{ type: I, field: 'containers[0].name' }] },
  { name: 'name not unique', list: [ctr('abc'), ctr('abc')], errors: [{ type: 'FieldValueDuplicate', field: 'containers[1].name' }] },
  {
    name: 'host port not unique',
    list: [ctr('abc', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }), ctr('def', { ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] })],
    errors: [{ type: 'FieldValueDuplicate', field: 'containers[1].ports[0].hostPort' }],
  },
  { name: 'invalid env var name', list: [ctr('abc', { env: [{ name: 'ev!1' }] })], errors: [{ type: I, field: 'containers[0].env[0].name' }] },
  { name: 'unknown volume name', list: [ctr('abc', { volumeMounts: [{ name: 'anything', mountPath: '/foo' }] })], errors: [{ type: 'FieldValueNotFound', field: 'containers[0].volumeMounts[0].name' }] },
  { name: 'invalid lifecycle, no exec command.', list: [ctr('life-123', { lifecycle: { preStop: { exec: {} } } })], errors: [{ type: 'FieldValueRequired', field: 'containers[0].lifecycle.preStop.exec.command' }] },
  { name: 'invalid lifecycle, no http path.', list: [ctr('life-123', { lifecycle: { preStop: { httpGet: { port: 80, scheme: 'HTTP' } } } })], errors: [{ type: 'FieldValueRequired', field: 'containers[0].lifecycle.preStop.httpGet.path' }] },
  { name: 'invalid lifecycle, no http port.', list: [ctr('life-123', { lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } })], errors: [{ type: I, field: 'containers[0].lifecycle.preStop.httpGet.port' }] },
  { name: 'invalid lifecycle, no http scheme.', list: [ctr('life-123', { lifecycle: { preStop: { httpGet: { path: '/', port: 80 } } } })], errors: [{ type: 'FieldValueNotSupported', field: 'containers[0].lifecycle.preStop.httpGet.scheme' }] },
  { name: 'invalid lifecycle, no tcp socket port.', list: [ctr('life-123', { lifecycle: { preStop: { tcpSocket: {} } } })], errors: [{ type: I, field: 'containers[0].lifecycle.preStop.tcpSocket.port' }] },
  { name: 'invalid lifecycle, zero tcp socket port.', list: [ctr('life-123', { lifecycle: { preStop: { tcpSocket: { port: 0 } } } })], errors: [{ type: I, field: 'containers[0].lifecycle.preStop.tcpSocket.port' }] },
  { name: 'invalid lifecycle, no action.', list: [ctr('life-123', { lifecycle: { preStop: {} } })], errors: [{ type: 'FieldValueRequired', field: 'containers[0].lifecycle.preStop' }] },
  {
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    list: [ctr('life-123', { readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } })],
    errors: [{ type: I, field: 'containers[0].readinessProbe.terminationGracePeriodSeconds' }],
  },
  { name: 'invalid liveness probe, no tcp socket port.', list: [ctr('live-123', { livenessProbe: { tcpSocket: {}, successThreshold: 1 } })], errors: [{ type: I, field: 'containers[0].livenessProbe.tcpSocket.port' }] },
  { name: 'invalid liveness probe, no action.', list: [ctr('live-123', { livenessProbe: { successThreshold: 1 } })], errors: [{ type: 'FieldValueRequired', field: 'containers[0].livenessProbe' }] },
  { name: 'invalid liveness probe, successThreshold != 1', list: [ctr('live-123', { livenessProbe: { ...tcp80, successThreshold: 2 } })], errors: [{ type: I, field: 'containers[0].livenessProbe.successThreshold' }] },
  { name: 'invalid startup probe, successThreshold != 1', list: [ctr('startup-123', { startupProbe: { ...tcp80, successThreshold: 2 } })], errors: [{ type: I, field: 'containers[0].startupProbe.successThreshold' }] },
  ...(['livenessProbe', 'startupProbe'] as const).map((probe) => ({
    name: `invalid ${probe === 'livenessProbe' ? 'liveness' : 'startup'} probe, negative numbers`,
    list: [ctr('p', { [probe]: { ...tcp80, ...negatives } })],
    errors: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds', 'successThreshold'].map((f) => ({
      type: I,
      field: `containers[0].${probe}.${f}`,
    })),
  })),
  {
    name: 'invalid readiness probe, negative numbers',
    list: [ctr('ready-123', { readinessProbe: { ...tcp80, ...negatives } })],
    errors: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds', 'terminationGracePeriodSeconds'].map((f) => ({
      type: I,
      field: `containers[0].readinessProbe.${f}`,
    })),
  },
  { name: 'invalid message termination policy', list: [ctr('life-123', { terminationMessagePolicy: 'Unknown' })], errors: [{ type: 'FieldValueNotSupported', field: 'containers[0].terminationMessagePolicy' }] },
  { name: 'empty message termination policy', list: [ctr('life-123', { terminationMessagePolicy: '' })], errors: [{ type: 'FieldValueRequired', field: 'containers[0].terminationMessagePolicy' }] },
  {
    name: 'invalid compute resource',
    list: [ctr('abc-123', { resources: { limits: { disk: '10G' } } })],
    errors: [
      { type: I, field: 'containers[0].resources.limits[disk]', detail: 'must be a standard resource type or fully qualified' },
      { type: I, field: 'containers[0].resources.limits[disk]', detail: 'must be a standard resource for containers' },
    ],
  },
  { name: 'Resource CPU invalid', list: [ctr('abc-123', { resources: { limits: res('-10', '0') } })], errors: [{ type: I, field: 'containers[0].resources.limits[cpu]' }] },
  { name: 'Resource Requests CPU invalid', list: [ctr('abc-123', { resources: { requests: res('-10', '0') } })], errors: [{ type: I, field: 'containers[0].resources.requests[cpu]' }] },
  { name: 'Resource Memory invalid', list: [ctr('abc-123', { resources: { limits: res('0', '-10') } })], errors: [{ type: I, field: 'containers[0].resources.limits[memory]' }] },
  { name: 'Request limit simple invalid', list: [ctr('abc-123', { resources: { limits: res('5', '3'), requests: res('6', '3') } })], errors: [{ type: I, field: 'containers[0].resources.requests' }] },
  {
    name: 'Invalid storage limit request',
    list: [ctr('abc-123', { resources: { limits: { 'attachable-volumes-aws-ebs': '10' } } })],
    errors: [
      { type: I, field: 'containers[0].resources.limits[attachable-volumes-aws-ebs]' },
      { type: I, field: 'containers[0].resources.limits[attachable-volumes-aws-ebs]' },
    ],
  },
  { name: 'CPU request limit multiple invalid', list: [ctr('abc-123', { resources: { limits: res('5', '3'), requests: res('6', '3') } })], errors: [{ type: I, field: 'containers[0].resources.requests' }] },
  { name: 'Memory request limit multiple invalid', list: [ctr('abc-123', { resources: { limits: res('5', '3'), requests: res('5', '4') } })], errors: [{ type: I, field: 'containers[0].resources.requests' }] },
  { name: 'Invalid env from', list: [ctr('env-from-source', { envFrom: [{ configMapRef: { name: '$%^&*#' } }] })], errors: [{ type: I, field: 'containers[0].envFrom[0].configMapRef.name' }] },
  { name: 'Unsupported resize policy for memory', list: [ctr('resize-policy-mem-invalid', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainerrrr' }] })], errors: [{ type: 'FieldValueNotSupported', field: 'containers[0].resizePolicy' }] },
  { name: 'Unsupported resize policy for CPU', list: [ctr('resize-policy-cpu-invalid', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartNotRequired' }] })], errors: [{ type: 'FieldValueNotSupported', field: 'containers[0].resizePolicy' }] },
  ...['Always', 'OnFailure', 'Never', 'invalid', ''].map((p) => ({
    name: `Forbidden RestartPolicy: ${p === '' ? 'empty' : p} (ContainerRestartRules off)`,
    list: [ctr('foo', { restartPolicy: p })],
    errors: [{ type: 'FieldValueForbidden' as const, field: 'containers[0].restartPolicy', detail: 'may not be set for non-init containers' }],
  })),
];
for (const c of containerErrors) {
  test(`${T_C}: ${c.name}`, () => assertErrors(validateContainers(c.list, Path.of('containers'), ctx('Always')), c.errors, c.name));
}

const T_RULES = `${UPSTREAM} TestValidateContainerRestartPolicy`;
test(`${T_RULES}: restart-policy-rules with too many exit codes (ContainerRestartRules, beta and on in v1.36)`, () => {
  const rule = { action: 'Restart', exitCodes: { operator: 'In', values: new Array(256).fill(0) } };
  const errs = validateContainers([ctr('foo', { restartPolicy: 'Never', restartPolicyRules: [rule] })], Path.of('containers'), ctx('Always', POD_OPTS));
  assertErrors(errs, [{ type: 'FieldValueTooMany', field: 'containers[0].restartPolicyRules[0].exitCodes.values' }], 'too many exit codes');
  assert.equal(errs[0].badValue, 256);
});
test(`${T_RULES}: restart-policy-rules with too many rules`, () => {
  const rules = Array.from({ length: 21 }, () => ({ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }));
  const errs = validateContainers([ctr('foo', { restartPolicy: 'Never', restartPolicyRules: rules })], Path.of('containers'), ctx('Always', POD_OPTS));
  assertErrors(errs, [{ type: 'FieldValueTooMany', field: 'containers[0].restartPolicyRules' }], 'too many rules');
  assert.equal(errs[0].badValue, 21);
});

const T_I = `${UPSTREAM} TestValidateInitContainers`;
const regular = [{ name: 'app', image: 'nginx', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }];

test(`${T_I}: success cases`, () => {
  const ok: JsonValue[] = [
    ctr('container-1-same-host-port-different-protocol', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] }),
    ctr('container-2-same-host-port-different-protocol', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] }),
    ctr('container-3-restart-always-with-lifecycle-hook-and-probes', {
      restartPolicy: 'Always',
      lifecycle: { postStart: { exec: { command: ['echo', 'post start'] } }, preStop: { exec: { command: ['echo', 'pre stop'] } } },
      livenessProbe: { ...tcp80, successThreshold: 1 },
      readinessProbe: tcp80,
      startupProbe: { ...tcp80, successThreshold: 1 },
    }),
    ctr('container-4-allowed-resize-policy', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
  ];
  assertErrors(validateInitContainers(ok, regular, Path.of('field'), ctx('Never', { ...ZERO_OPTS, allowSidecarResizePolicy: true })), [], 'successCase');
});

const R = 'FieldValueRequired' as const;
const initErrors: { name: string; list: JsonValue[]; errors: (ExpectedError & { badValue?: unknown })[] }[] = [
  { name: 'empty name', list: [ctr('')], errors: [{ type: R, field: 'initContainers[0].name' }] },
  { name: 'name collision with regular container', list: [ctr('app')], errors: [{ type: 'FieldValueDuplicate', field: 'initContainers[0].name', badValue: 'app' }] },
  { name: 'invalid termination message policy', list: [ctr('init', { terminationMessagePolicy: 'Unknown' })], errors: [{ type: 'FieldValueNotSupported', field: 'initContainers[0].terminationMessagePolicy', badValue: 'Unknown' }] },
  { name: 'duplicate names', list: [ctr('init'), ctr('init')], errors: [{ type: 'FieldValueDuplicate', field: 'initContainers[1].name', badValue: 'init' }] },
  {
    name: 'duplicate ports',
    list: [ctr('abc', { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] })],
    errors: [{ type: 'FieldValueDuplicate', field: 'initContainers[0].ports[1].hostPort', badValue: 'TCP//8080' }],
  },
  { name: 'uses disallowed field: Lifecycle', list: [ctr('debug', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } })], errors: [{ type: 'FieldValueForbidden', field: 'initContainers[0].lifecycle' }] },
  { name: 'uses disallowed field: LivenessProbe', list: [ctr('debug', { livenessProbe: { ...tcp80, successThreshold: 1 } })], errors: [{ type: 'FieldValueForbidden', field: 'initContainers[0].livenessProbe' }] },
  { name: 'uses disallowed field: ReadinessProbe', list: [ctr('debug', { readinessProbe: tcp80 })], errors: [{ type: 'FieldValueForbidden', field: 'initContainers[0].readinessProbe' }] },
  { name: 'Container uses disallowed field: StartupProbe', list: [ctr('debug', { startupProbe: { ...tcp80, successThreshold: 1 } })], errors: [{ type: 'FieldValueForbidden', field: 'initContainers[0].startupProbe' }] },
  {
    name: 'Disallowed field with other errors should only return a single Forbidden',
    list: [ctr('debug', { startupProbe: { ...tcp80, ...negatives } })],
    errors: [{ type: 'FieldValueForbidden', field: 'initContainers[0].startupProbe' }],
  },
  ...['OnFailure', 'Never', 'invalid', ''].map((p) => ({
    name: `Not supported RestartPolicy: ${p === '' ? 'empty' : p}`,
    list: [ctr('init', { restartPolicy: p })],
    errors: [{ type: 'FieldValueNotSupported' as const, field: 'initContainers[0].restartPolicy', badValue: p, detail: 'supported values: "Always"' }],
  })),
  {
    name: 'invalid startup probe in restartable container, successThreshold != 1',
    list: [ctr('restartable-init', { restartPolicy: 'Always', startupProbe: { ...tcp80, successThreshold: 2 } })],
    errors: [{ type: I, field: 'initContainers[0].startupProbe.successThreshold', badValue: 2 }],
  },
  {
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    list: [ctr('life-123', { restartPolicy: 'Always', readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } })],
    errors: [{ type: I, field: 'initContainers[0].readinessProbe.terminationGracePeriodSeconds', badValue: 10 }],
  },
  {
    name: 'invalid liveness probe, successThreshold != 1',
    list: [ctr('live-123', { restartPolicy: 'Always', livenessProbe: { ...tcp80, successThreshold: 2 } })],
    errors: [{ type: I, field: 'initContainers[0].livenessProbe.successThreshold', badValue: 2 }],
  },
  { name: 'invalid lifecycle, no exec command.', list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: { exec: {} } } })], errors: [{ type: R, field: 'initContainers[0].lifecycle.preStop.exec.command' }] },
  { name: 'invalid lifecycle, no http path.', list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: { httpGet: { port: 80, scheme: 'HTTP' } } } })], errors: [{ type: R, field: 'initContainers[0].lifecycle.preStop.httpGet.path' }] },
  { name: 'invalid lifecycle, no http port.', list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } })], errors: [{ type: I, field: 'initContainers[0].lifecycle.preStop.httpGet.port', badValue: 0 }] },
  {
    name: 'invalid lifecycle, no http scheme.',
    list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: { httpGet: { path: '/', port: 80 } } } })],
    errors: [{ type: 'FieldValueNotSupported', field: 'initContainers[0].lifecycle.preStop.httpGet.scheme', badValue: '' }],
  },
  { name: 'invalid lifecycle, no tcp socket port.', list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: { tcpSocket: {} } } })], errors: [{ type: I, field: 'initContainers[0].lifecycle.preStop.tcpSocket.port', badValue: 0 }] },
  { name: 'invalid lifecycle, zero tcp socket port.', list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: { tcpSocket: { port: 0 } } } })], errors: [{ type: I, field: 'initContainers[0].lifecycle.preStop.tcpSocket.port', badValue: 0 }] },
  { name: 'invalid lifecycle, no action.', list: [ctr('life-123', { restartPolicy: 'Always', lifecycle: { preStop: {} } })], errors: [{ type: R, field: 'initContainers[0].lifecycle.preStop' }] },
  {
    name: 'Not supported ResizePolicy: invalid',
    list: [ctr('init', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })],
    errors: [{ type: I, field: 'initContainers[0].resizePolicy', badValue: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }],
  },
];
for (const c of initErrors) {
  test(`${T_I}: ${c.name}`, () => {
    const errs = validateInitContainers(c.list, regular, Path.of('initContainers'), ctx('Never'));
    assertErrors(errs, c.errors, c.name);
    c.errors.forEach((e, i) => {
      if ('badValue' in e) assert.deepEqual(errs[i].badValue, e.badValue, `${c.name}: badValue`);
    });
  });
}

test(`${UPSTREAM} TestValidateRestartPolicy`, () => {
  for (const p of ['Always', 'OnFailure', 'Never']) assertErrors(validateRestartPolicy(p, Path.of('field')), [], p);
  assertErrors(validateRestartPolicy('', Path.of('field')), [{ type: 'FieldValueRequired', field: 'field' }], '""');
  assertErrors(validateRestartPolicy('newpolicy', Path.of('field')), [{ type: 'FieldValueNotSupported', field: 'field', detail: 'supported values: "Always", "OnFailure", "Never"' }], 'newpolicy');
});

test(`${UPSTREAM} TestValidateDNSPolicy`, () => {
  for (const p of ['ClusterFirst', 'Default', 'ClusterFirstWithHostNet', 'None']) assertErrors(validateDNSPolicy(p, Path.of('field')), [], p);
  assertErrors(validateDNSPolicy('invalid', Path.of('field')), [{ type: 'FieldValueNotSupported', field: 'field', detail: 'supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"' }], 'invalid');
  assertErrors(validateDNSPolicy('', Path.of('field')), [{ type: 'FieldValueRequired', field: 'field' }], '""');
});
