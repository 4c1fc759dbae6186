// Security settings against upstream's tables in
// pkg/apis/core/validation/validation_test.go: TestValidateSecurityContext,
// TestIsValidSysctlName, TestValidateSysctls,
// TestValidateWindowsSecurityContextOptions, TestValidatePodTemplateSpecSeccomp,
// TestValidateHostUsers, TestValidateWindowsHostProcessPod and TestValidateOS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validatePodSpec, validatePodTemplateSpec } from '../../../simulations/apiserver/validation/core/pod.ts';
import {
  isValidSysctlName,
  validateHostUsers,
  validatePodSpecSecurityContext,
  validateSecurityContext,
  validateWindowsHostProcessPod,
  validateWindowsSecurityContextOptions,
} from '../../../simulations/apiserver/validation/core/security-context.ts';
import { assertErrors, makeContainer, makePod, makePodSpec, UPSTREAM, ZERO_OPTS, type ExpectedError } from './validation-pod-fixtures.ts';

// ---- TestValidateSecurityContext ----

/** fullValidSC */
const fullValidSC = (extra: JsonObject = {}): JsonObject => ({
  privileged: false,
  capabilities: { add: ['foo'], drop: ['bar'] },
  seLinuxOptions: { user: 'user', role: 'role', type: 'type', level: 'level' },
  runAsUser: 1,
  ...extra,
});
const without = (key: string): JsonObject => {
  const sc = fullValidSC();
  delete sc[key];
  return sc;
};

const scSuccess: [string, JsonObject, boolean][] = [
  ['all settings', fullValidSC(), false],
  ['no capabilities', without('capabilities'), false],
  ['no selinux', without('seLinuxOptions'), false],
  ['no priv request', without('privileged'), false],
  ['no run as user', without('runAsUser'), false],
  ['proc mount set', fullValidSC({ procMount: 'Default' }), true],
  ['proc mount unmasked', fullValidSC({ procMount: 'Unmasked' }), false],
];
for (const [name, sc, hostUsers] of scSuccess) {
  test(`${UPSTREAM} TestValidateSecurityContext: ${name}`, () => {
    assert.deepEqual(validateSecurityContext(sc, Path.of('field'), hostUsers).map(errorString), []);
  });
}

// "request privileged when capabilities forbids" needs AllowPrivileged=false;
// the simulated apiserver runs with --allow-privileged=true, so it is not here.
const scErrors: [string, JsonObject, string][] = [
  ['negative RunAsUser', fullValidSC({ runAsUser: -1 }), 'must be between'],
  [
    'with CAP_SYS_ADMIN and allowPrivilegeEscalation false',
    fullValidSC({ capabilities: { add: ['CAP_SYS_ADMIN'], drop: ['bar'] }, allowPrivilegeEscalation: false }),
    'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
  ],
  ['with privileged and allowPrivilegeEscalation false', fullValidSC({ privileged: true, allowPrivilegeEscalation: false }), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'],
  ['with unmasked proc mount type and no user namespace', fullValidSC({ procMount: 'Unmasked' }), '`hostUsers` must be false to use `Unmasked`'],
];
for (const [name, sc, detail] of scErrors) {
  test(`${UPSTREAM} TestValidateSecurityContext: ${name}`, () => {
    // Upstream passes hostUsers=true for every error case.
    const errs = validateSecurityContext(sc, Path.of('field'), true);
    assert.ok(errs.length > 0, name);
    assert.equal(errs[0].type, 'FieldValueInvalid');
    assert.ok(errs[0].detail.includes(detail), errs[0].detail);
  });
}

// ---- TestIsValidSysctlName ----

const validSysctlNames = ['a.b.c.d', 'a', 'a_b', 'a-b', 'abc', 'abc.def', 'a/b/c/d', 'a/b.c'];
const invalidSysctlNames = [
  '', '*', 'ä', 'a_', '_', '__', '_a', '_a._b', '-', '.', 'a.', '.a', 'a.b.', 'a*.b', 'a*b', '*a', 'a.*', '*', 'abc*', 'a.abc*', 'a.b.*', 'Abc', '/', '/a', 'a/abc*', 'a/b/*',
  'a'.repeat(256),
];
test(`${UPSTREAM} TestIsValidSysctlName`, () => {
  for (const s of validSysctlNames) assert.ok(isValidSysctlName(s), `${s} should be valid`);
  for (const s of invalidSysctlNames) assert.ok(!isValidSysctlName(s), `${s} should be invalid`);
});

// ---- TestValidateSysctls (through the pod security context; upstream calls validateSysctls directly) ----

const sysctlSpec = (names: string[], extra: JsonObject = {}): JsonObject => ({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) }, ...extra });
const sysctlErrs = (names: string[], extra: JsonObject, allow: boolean) =>
  validatePodSpecSecurityContext(sysctlSpec(names, extra), Path.of('foo'), { ...ZERO_OPTS, allowNamespacedSysctlsForHostNetAndHostIPC: allow }).filter((e) =>
    e.field.startsWith('foo.sysctls'),
  );

test(`${UPSTREAM} TestValidateSysctls: valid`, () => {
  assert.deepEqual(sysctlErrs(['net.foo.bar', 'kernel.shmmax', 'net.ipv4.conf.enp3s0/200.forwarding', 'net/ipv4/conf/enp3s0.200/forwarding'], {}, false).map(errorString), []);
});
test(`${UPSTREAM} TestValidateSysctls: invalid names`, () => {
  assert.equal(sysctlErrs(['i..nvalid', '_invalid'], {}, false).length, 2);
});
test(`${UPSTREAM} TestValidateSysctls: duplicates`, () => {
  assert.deepEqual(
    sysctlErrs(['kernel.shmmax', 'kernel.shmmax'], {}, false).map((e) => e.type),
    ['FieldValueDuplicate'],
  );
});
test(`${UPSTREAM} TestValidateSysctls: net sysctls with hostNetwork`, () => {
  const names = ['net.ipv4.conf.enp3s0/200.forwarding', 'net/ipv4/conf/enp3s0.200/forwarding'];
  assert.equal(sysctlErrs(names, { hostNetwork: true }, false).length, 2);
  assert.equal(sysctlErrs(names, { hostNetwork: true }, true).length, 0);
});
test(`${UPSTREAM} TestValidateSysctls: ipc sysctls with hostIPC`, () => {
  const names = ['kernel.shmmax', 'kernel.msgmax'];
  assert.equal(sysctlErrs(names, { hostIPC: true }, false).length, 2);
  assert.equal(sysctlErrs(names, { hostIPC: true }, true).length, 0);
});

// ---- TestValidateWindowsSecurityContextOptions ----

const windowsCases: [string, JsonObject | undefined, string][] = [
  ['a nil pointer', undefined, ''],
  ['an empty struct', {}, ''],
  ['a valid input', { gmsaCredentialSpecName: 'dummy-gmsa-crep-spec-name', gmsaCredentialSpec: 'dummy-gmsa-crep-spec-contents' }, ''],
  ['a GMSA cred spec name that is not a valid resource name', { gmsaCredentialSpecName: 'not_a-valid-gmsa-crep-spec-name' }, 'a lowercase RFC 1123 subdomain must consist of'],
  ['empty GMSA cred spec contents', { gmsaCredentialSpec: '' }, 'gmsaCredentialSpec cannot be an empty string'],
  ['GMSA cred spec contents that are too long', { gmsaCredentialSpec: 'a'.repeat(64 * 1024 + 1) }, 'gmsaCredentialSpec size must be under'],
  ['RunAsUserName is nil', { runAsUserName: null }, ''],
  ['a valid RunAsUserName', { runAsUserName: 'Container. User' }, ''],
  ['a valid RunAsUserName with NetBios Domain', { runAsUserName: 'Network Service\\Container. User' }, ''],
  ['a valid RunAsUserName with DNS Domain', { runAsUserName: `${'fOo'.repeat(20)}.liSH\\Container. User` }, ''],
  ['a valid RunAsUserName with DNS Domain with a single character segment', { runAsUserName: `${'fOo'.repeat(20)}.l\\Container. User` }, ''],
  ['a valid RunAsUserName with a long single segment DNS Domain', { runAsUserName: `${'a'.repeat(42)}\\Container. User` }, ''],
  ['an empty RunAsUserName', { runAsUserName: '' }, 'runAsUserName cannot be an empty string'],
  ['RunAsUserName containing a control character', { runAsUserName: 'Container\tUser' }, 'runAsUserName cannot contain control characters'],
  ['RunAsUserName containing too many backslashes', { runAsUserName: 'Container\\Foo\\Lish' }, 'runAsUserName cannot contain more than one backslash'],
  ['RunAsUserName containing backslash but empty Domain', { runAsUserName: '\\User' }, "runAsUserName's Domain doesn't match the NetBios nor the DNS format"],
  ['RunAsUserName containing backslash but empty User', { runAsUserName: 'Container\\' }, "runAsUserName's User cannot be empty"],
  ["RunAsUserName's NetBios Domain is too long", { runAsUserName: `NetBios ${'a'.repeat(8)}\\user` }, "runAsUserName's Domain doesn't match the NetBios"],
  ["RunAsUserName's DNS Domain is too long", { runAsUserName: `${`${'a'.repeat(63)}.`.repeat(4).slice(0, 253)}.com\\user` }, "runAsUserName's Domain length must be under"],
  ["RunAsUserName's User is too long", { runAsUserName: 'a'.repeat(105) }, "runAsUserName's User length must not be longer than"],
  ["RunAsUserName's User cannot contain only spaces or periods", { runAsUserName: '... ...' }, "runAsUserName's User cannot contain only periods or spaces"],
  ["RunAsUserName's NetBios Domain cannot start with a dot", { runAsUserName: '.FooLish\\User' }, "runAsUserName's Domain doesn't match the NetBios"],
  ["RunAsUserName's NetBios Domain cannot contain invalid characters", { runAsUserName: 'Foo? Lish?\\User' }, "runAsUserName's Domain doesn't match the NetBios"],
  ["RunAsUserName's DNS Domain cannot contain invalid characters", { runAsUserName: `${'a'.repeat(32)}.com-\\user` }, "runAsUserName's Domain doesn't match the NetBios nor the DNS format"],
  ["RunAsUserName's User cannot contain invalid characters", { runAsUserName: 'Container/User' }, "runAsUserName's User cannot contain the following characters"],
];
for (const [name, options, substring] of windowsCases) {
  test(`${UPSTREAM} TestValidateWindowsSecurityContextOptions: ${name}`, () => {
    const errs = validateWindowsSecurityContextOptions(options, Path.of('field'));
    if (substring === '') assert.deepEqual(errs.map(errorString), []);
    else {
      assert.equal(errs.length, 1, errs.map(errorString).join('\n'));
      assert.ok(errorString(errs[0]).includes(substring), errorString(errs[0]));
    }
  });
}

// ---- TestValidatePodTemplateSpecSeccomp: the whole error list must match ----

const runtimeDefault = { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } };
const seccompCases: [string, JsonObject, string][] = [
  [
    'seccomp field and container annotation must match',
    {
      metadata: { annotations: { 'container.seccomp.security.alpha.kubernetes.io/test2': 'unconfined' } },
      spec: makePodSpec({ containers: [makeContainer('test1'), makeContainer('test2', runtimeDefault)] }),
    },
    'template.spec.containers[1].securityContext.seccompProfile.type',
  ],
  [
    'seccomp field and pod annotation must match',
    {
      metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } },
      spec: makePodSpec({ securityContext: { seccompProfile: { type: 'Unconfined' } } }),
    },
    'template.spec.securityContext.seccompProfile.type',
  ],
  [
    'init seccomp field and container annotation must match',
    {
      metadata: { annotations: { 'container.seccomp.security.alpha.kubernetes.io/init-test': 'unconfined' } },
      spec: makePodSpec({ initContainers: [makeContainer('init-test', runtimeDefault)] }),
    },
    'template.spec.initContainers[0].securityContext.seccompProfile.type',
  ],
];
for (const [name, template, field] of seccompCases) {
  test(`${UPSTREAM} TestValidatePodTemplateSpecSeccomp: ${name}`, () => {
    assertErrors(validatePodTemplateSpec(template, Path.of('template'), ZERO_OPTS), [{ type: 'FieldValueForbidden', field, detail: 'seccomp type in annotation and field must match' }], name);
  });
}

// ---- TestValidateHostUsers (v1 JSON holds hostNetwork/hostPID/hostIPC/hostUsers on the spec) ----
// hostUsers=false with hostNetwork stays an error: UserNamespacesHostNetworkSupport is off by default.

const hostUsersCases: [string, boolean, JsonObject][] = [
  ['empty', true, {}],
  ['hostUsers unset', true, { securityContext: {} }],
  ['hostUsers=false', true, { hostUsers: false }],
  ['hostUsers=true', true, { hostUsers: true }],
  [
    'hostUsers=false & volumes',
    true,
    {
      hostUsers: false,
      volumes: [
        { name: 'configmap', configMap: { name: 'configmap' } },
        { name: 'secret', secret: { secretName: 'secret' } },
        { name: 'downward-api', downwardAPI: {} },
        { name: 'proj', projected: {} },
        { name: 'empty-dir', emptyDir: {} },
      ],
    },
  ],
  ['hostUsers=false - stateful volume', true, { hostUsers: false, volumes: [{ name: 'host-path', hostPath: {} }] }],
  ['hostUsers=true - unsupported volume', true, { hostUsers: true, volumes: [{ name: 'host-path', hostPath: {} }] }],
  ['hostUsers=false & HostNetwork', false, { hostUsers: false, hostNetwork: true }],
  ['hostUsers=false & HostPID', false, { hostUsers: false, hostPID: true }],
  ['hostUsers=false & HostIPC', false, { hostUsers: false, hostIPC: true }],
];
for (const [name, success, spec] of hostUsersCases) {
  test(`${UPSTREAM} TestValidateHostUsers: ${name}`, () => {
    const errs = validateHostUsers(spec, Path.of('spec'));
    if (success) assert.deepEqual(errs.map(errorString), []);
    else assert.ok(errs.length > 0, name);
  });
}

// ---- TestValidateWindowsHostProcessPod ----
// "Valid HostProcess pod should spec should not validate if allowPrivileged is not set"
// needs AllowPrivileged=false and is left out (the simulated apiserver allows privileged).

const hp = (hostProcess: boolean | undefined): JsonObject => (hostProcess === undefined ? {} : { securityContext: { windowsOptions: { hostProcess } } });
const ctrHP = (hostProcess?: boolean): JsonObject => ({ name: 'container', ...hp(hostProcess) });
const hostProcessCases: [string, boolean, JsonObject][] = [
  ['Spec with feature enabled, pod-wide HostProcess=true, and HostNetwork unset should not validate', true, { ...hp(true), containers: [ctrHP()] }],
  ['Spec with feature enabled, pod-wide HostProcess=ture, and HostNetwork set should validate', false, { hostNetwork: true, ...hp(true), containers: [ctrHP()] }],
  [
    'Spec with feature enabled, pod-wide HostProcess=ture, HostNetwork set, and containers setting HostProcess=true should validate',
    false,
    { hostNetwork: true, ...hp(true), containers: [ctrHP(true)], initContainers: [ctrHP(true)] },
  ],
  [
    'Spec with feature enabled, pod-wide HostProcess=nil, HostNetwork set, and all containers setting HostProcess=true should validate',
    false,
    { hostNetwork: true, containers: [ctrHP(true)], initContainers: [ctrHP(true)] },
  ],
  [
    'Pods with feature enabled, some containers setting HostProcess=true, and others setting HostProcess=false should not validate',
    true,
    { hostNetwork: true, containers: [ctrHP(true)], initContainers: [ctrHP(false)] },
  ],
  [
    'Spec with feature enabled, some containers setting HostProcess=true, and other leaving HostProcess unset should not validate',
    true,
    { hostNetwork: true, containers: [ctrHP(true)], initContainers: [ctrHP()] },
  ],
  [
    'Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and init containers setting HostProcess=false should not validate',
    true,
    { hostNetwork: true, ...hp(true), containers: [ctrHP(true)], initContainers: [ctrHP(false)] },
  ],
  [
    'Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and others setting HostProcess=false should not validate',
    true,
    { hostNetwork: true, ...hp(true), containers: [ctrHP(true), ctrHP(false)] },
  ],
  [
    'Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and others leaving HostProcess=nil should validate',
    false,
    { hostNetwork: true, ...hp(true), containers: [ctrHP(true)], initContainers: [ctrHP()] },
  ],
  [
    'Spec with feature enabled, pod-wide HostProcess=false, some contaienrs setting HostProccess=true should not validate',
    true,
    { hostNetwork: true, ...hp(false), containers: [ctrHP(true)], initContainers: [ctrHP()] },
  ],
  ["Pod's HostProcess set to true but all containers override to false should not validate", true, { hostNetwork: true, ...hp(true), containers: [ctrHP(false)] }],
  ['Non-HostProcess ephemeral container in HostProcess pod should not validate', true, { hostNetwork: true, ...hp(true), containers: [ctrHP()], ephemeralContainers: [hp(false)] }],
  ['HostProcess ephemeral container in HostProcess pod should validate', false, { hostNetwork: true, ...hp(true), containers: [ctrHP()], ephemeralContainers: [{}] }],
  ['Non-HostProcess ephemeral container in Non-HostProcess pod should validate', false, { containers: [ctrHP()], ephemeralContainers: [hp(false)] }],
  ['HostProcess ephemeral container in Non-HostProcess pod should not validate', true, { containers: [ctrHP()], ephemeralContainers: [hp(true)] }],
];
for (const [name, expectError, spec] of hostProcessCases) {
  test(`${UPSTREAM} TestValidateWindowsHostProcessPod: ${name}`, () => {
    const errs = validateWindowsHostProcessPod(spec, Path.of('spec'));
    if (expectError) assert.ok(errs.length > 0, name);
    else assert.deepEqual(errs.map(errorString), []);
  });
}

// ---- TestValidateOS (through validatePodSpec; only spec.os errors count) ----

const osCases: [string, boolean, JsonObject | undefined][] = [
  ['no OS field, featuregate', false, undefined],
  ['empty OS field, featuregate', true, {}],
  ['OS field, featuregate, valid OS (linux)', false, { name: 'linux' }],
  ['OS field, featuregate, valid OS (windows)', false, { name: 'windows' }],
  ['OS field, featuregate, empty OS', true, { name: '' }],
  ['OS field, featuregate, invalid OS', true, { name: 'dummyOS' }],
];
for (const [name, expectError, os] of osCases) {
  test(`${UPSTREAM} TestValidateOS: ${name}`, () => {
    const spec = makePodSpec(os === undefined ? {} : { os });
    const errs = validatePodSpec(spec, undefined, Path.of('spec'), ZERO_OPTS).filter((e) => e.field.startsWith('spec.os'));
    if (expectError) assert.ok(errs.length > 0, name);
    else assert.deepEqual(errs.map(errorString), []);
  });
}

// ---- TestValidateSELinuxChangePolicy: ValidatePodSpec of MakePod("pod") with only
// AllowOnlyRecursiveSELinuxChangePolicy set; the whole error list must match. ----

const seLinuxCases: [string, string | undefined, boolean, ExpectedError[]][] = [
  ['nil is valid', undefined, false, []],
  ['Recursive is always valid', 'Recursive', false, []],
  [
    'MountOption is not valid when AllowOnlyRecursiveSELinuxChangePolicy',
    'MountOption',
    true,
    [{ type: 'FieldValueNotSupported', field: 'spec.securityContext.seLinuxChangePolicy', detail: 'supported values: "Recursive"' }],
  ],
  ['MountOption is valid when not AllowOnlyRecursiveSELinuxChangePolicy', 'MountOption', false, []],
  ['invalid value', 'InvalidValue', false, [{ type: 'FieldValueNotSupported', field: 'spec.securityContext.seLinuxChangePolicy', detail: 'supported values: "MountOption", "Recursive"' }]],
];
for (const [name, policy, allowOnlyRecursive, want] of seLinuxCases) {
  test(`${UPSTREAM} TestValidateSELinuxChangePolicy: ${name}`, () => {
    const pod = makePod('pod', { securityContext: policy === undefined ? {} : { seLinuxChangePolicy: policy } });
    const errs = validatePodSpec(pod.spec as JsonObject, pod.metadata as JsonObject, Path.of('spec'), { ...ZERO_OPTS, allowOnlyRecursiveSELinuxChangePolicy: allowOnlyRecursive });
    assertErrors(errs, want, name);
  });
}
