// Builders and assertions for the Pod validation conformance tables.
// Upstream builds internal objects with podtest.MakePod / MakeContainer
// (pkg/api/pod/testing/make.go), which fill in what defaulting would: the
// v1 JSON here carries the same fields, or a case would test something else.
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { defaultPodValidationOptions, type PodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';

export const UPSTREAM = 'pkg/apis/core/validation/validation_test.go';

/** podtest.MakeContainer: image "image", IfNotPresent, File, /dev/termination-log. */
export function makeContainer(name: string, extra: JsonObject = {}): JsonObject {
  return { name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', terminationMessagePath: '/dev/termination-log', ...extra };
}

/** podtest.MakePodSpec: one container "ctr", ClusterFirst, Always, 30s grace. */
export function makePodSpec(extra: JsonObject = {}): JsonObject {
  return { containers: [makeContainer('ctr')], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...extra };
}

/** podtest.MakePod(name) in namespace "default". */
export function makePod(name: string, spec: JsonObject = {}, meta: JsonObject = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...meta }, spec: makePodSpec(spec) };
}

/** PodValidationOptions{} as upstream's unit tests pass it: every switch off. */
export const ZERO_OPTS: PodValidationOptions = {
  allowInvalidPodDeletionCost: false,
  allowInvalidLabelValueInSelector: false,
  allowIndivisibleHugePagesValues: false,
  allowInvalidTopologySpreadConstraintLabelSelector: false,
  allowNonLocalProjectedTokenPath: false,
  allowNamespacedSysctlsForHostNetAndHostIPC: false,
  resourceIsPod: false,
  allowRelaxedEnvironmentVariableValidation: false,
  allowRelaxedDNSSearchValidation: false,
  allowPodLifecycleSleepActionZeroValue: false,
  allowOnlyRecursiveSELinuxChangePolicy: false,
  podLevelResourcesEnabled: false,
  allowSidecarResizePolicy: false,
  allowInvalidLabelValueInRequiredNodeAffinity: false,
  allowContainerRestartPolicyRules: false,
  allowRestartAllContainers: false,
};

/** The v1.36 options for a Pod (what the registry passes). */
export const POD_OPTS = defaultPodValidationOptions({ resourceIsPod: true });

export interface ExpectedError {
  type: ErrorType;
  field: string;
  /** Checked when given: the detail, or with `contains`, a part of errorString(e). */
  detail?: string;
  contains?: string;
}

/** Asserts the errors' types and fields, in order, and the details given. */
export function assertErrors(errs: ErrorList, expected: readonly ExpectedError[], label: string): void {
  const got = errs.map((e) => ({ type: e.type, field: e.field }));
  assert.deepEqual(
    got,
    expected.map((e) => ({ type: e.type, field: e.field })),
    `${label}\n${errs.map(errorString).join('\n')}`,
  );
  expected.forEach((e, i) => {
    if (e.detail !== undefined) assert.equal(errs[i].detail, e.detail, `${label}: detail of ${e.field}`);
    if (e.contains !== undefined) assert.ok(errorString(errs[i]).includes(e.contains), `${label}: ${errorString(errs[i])} should contain ${e.contains}`);
  });
}

/** Asserts that every expected (type, field) appears, for upstream tests that check membership, not the whole list. */
export function assertIncludes(errs: ErrorList, expected: readonly ExpectedError[], label: string): void {
  for (const e of expected) {
    const hit = errs.find((x) => x.type === e.type && x.field === e.field && (e.detail === undefined || x.detail === e.detail));
    assert.ok(hit, `${label}: expected ${e.type} at ${e.field}${e.detail ? ` (${e.detail})` : ''}\n${errs.map(errorString).join('\n')}`);
    if (e.contains !== undefined) assert.ok(errorString(hit).includes(e.contains), `${label}: ${errorString(hit)} should contain ${e.contains}`);
  }
}
