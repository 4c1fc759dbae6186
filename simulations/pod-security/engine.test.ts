// The pod-security engine end to end: what kubectl apply prints in a labelled namespace.
// Message formats: admission.go EvaluatePod ("violates PodSecurity %q: %s", "would violate
// PodSecurity %q: %s"), apierrors.NewForbidden, checks.go ForbiddenDetail.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { engine } from './engine.ts';
import type { PodSecurityEngineResult } from './engine.ts';
import { policyToEvaluate } from './admission.ts';

const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true }) as { result: PodSecurityEngineResult };
const fixture = readFileSync(new URL('./fixtures/payments.yaml', import.meta.url), 'utf8');

describe('pod-security engine', () => {
  const { result } = run(fixture);
  const obj = (name: string) => result.objects.find((o) => o.name === name)!;
  it('enforce refuses the privileged Pod with kube-apiserver\'s message', () => {
    assert.deepEqual(obj('debug').output, ['Error from server (Forbidden): error when creating "STDIN": pods "debug" is forbidden: violates PodSecurity "baseline:latest": privileged (container "shell" must not set securityContext.privileged=true)']);
  });
  it('a workload is only warned; its Pods would be refused', () => {
    const agent = obj('node-agent');
    assert.equal(agent.created, true);
    assert.equal(agent.output[agent.output.length - 1], 'deployment.apps/node-agent created');
    assert.match(agent.output[0], /^Warning: would violate PodSecurity "restricted:latest": host namespaces \(hostNetwork=true\), allowPrivilegeEscalation != false/);
    assert.deepEqual(agent.controllerPods, { enforce: 'baseline:latest', allowed: false, message: 'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)' });
  });
  it('invalid labels make the Namespace invalid (ValidateNamespace)', () => {
    assert.throws(() => run(fixture.replace('enforce: baseline', 'enforce: restriced')), (e: unknown) =>
      e instanceof ValidationError && e.message.includes('metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "restriced": must be one of privileged, baseline, restricted'));
  });
  it('a Pod in an unlabelled namespace is admitted without warnings (privileged:latest)', () => {
    const { result: r } = run('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers: [{name: a, image: busybox}]\n');
    assert.deepEqual(r.objects[0].output, ['pod/p created']);
  });
});

describe('relabelling a namespace (ValidateNamespace, EvaluatePodsInNamespace)', () => {
  const pod = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: pay}\nspec:\n${extra}  containers: [{name: app, image: nginx}]\n---\n`;
  const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pay\n${labels}---\n`;
  it('warns per group of existing Pods, lexically first name first, and never refuses', () => {
    const yaml = ns('') + pod('web-1') + pod('web-0') + pod('agent', '  hostNetwork: true\n') + ns('  labels:\n    pod-security.kubernetes.io/enforce: restricted\n');
    const { result } = run(yaml);
    assert.deepEqual(result.objects[3].output, [
      'Warning: existing pods in namespace "pay" violate the new PodSecurity enforce level "restricted:latest"',
      'Warning: agent: host namespaces, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'Warning: web-0 (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'namespace/pay configured',
    ]);
  });
  it('relaxing the level at the same version does not re-check the Pods', () => {
    const yaml = ns('  labels:\n    pod-security.kubernetes.io/enforce: baseline\n') + pod('web-0') + ns('  labels:\n    pod-security.kubernetes.io/enforce: privileged\n');
    assert.deepEqual(run(yaml).result.objects[1].output, ['namespace/pay configured']);
  });
});

describe('PolicyToEvaluate (api/helpers.go)', () => {
  it('an explicit enforce level raises an unset warn level, with its version', () => {
    const { policy } = policyToEvaluate({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.30' });
    assert.deepEqual(policy.warn, { level: 'restricted', version: { latest: false, minor: 30 } });
    assert.deepEqual(policy.audit, { level: 'privileged', version: { latest: true } });
  });
  it('a bad enforce level fails closed (restricted), a bad warn level fails open (privileged)', () => {
    const { policy, errors } = policyToEvaluate({ 'pod-security.kubernetes.io/enforce': 'nope', 'pod-security.kubernetes.io/warn': 'nope' });
    assert.equal(policy.enforce.level, 'restricted');
    assert.equal(policy.warn.level, 'privileged');
    assert.equal(errors.length, 2);
  });
});
