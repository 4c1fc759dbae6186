// ValidatePodCreate on whole Pods, from upstream's tables, and the messages
// a learner sees for common mistakes.
// src: pkg/apis/core/validation/validation_test.go TestValidatePod (each error case's aggregate
// message must contain expectedError, as upstream checks), TestValidatePodCreateWithSchedulingGates
//
// Left out of TestValidatePod: "ClusterTrustBundlePEM projected volume bySigner
// with invalid signer name" (ValidateSignerName is not ported).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateMessage, errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validatePodCreate } from '../../../simulations/apiserver/validation/core/pod.ts';
import { assertErrors, makeContainer, makePod, POD_OPTS, UPSTREAM, ZERO_OPTS } from './validation-pod-fixtures.ts';

const T = `${UPSTREAM} TestValidatePod`;
const validPVCTemplate = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } };
const longPodName = 'a'.repeat(200);
const longVolName = 'b'.repeat(60);
const sc = (securityContext: JsonObject) => ({ containers: [makeContainer('ctr', { securityContext })] });
const ext = (requests: JsonObject, limits: JsonObject) => ({ resources: { requests, limits } });
const term = (extra: JsonObject) => ({ labelSelector: { matchExpressions: [{ key: 'key', operator: 'NotIn', values: ['value1', 'value2'] }] }, topologyKey: 'k8s.io/zone', ...extra });
const mlkSelector = { matchExpressions: [{ key: 'key', operator: 'In', values: ['value1'] }, { key: 'key', operator: 'NotIn', values: ['value2'] }] };
const projected = (source: JsonObject) => ({ volumes: [{ name: 'projected-volume', projected: { sources: [source] } }] });

const successCases: Record<string, JsonObject> = {
  'basic fields': makePod('123'),
  'just about everything': makePod('abc.123.do-re-mi', {
    initContainers: [makeContainer('ictr')],
    volumes: [{ name: 'vol', emptyDir: {} }],
    nodeSelector: { key: 'value' },
    nodeName: 'foobar',
    serviceAccountName: 'acct',
    serviceAccount: 'acct',
  }),
  'serialized node affinity requirements': makePod('123', {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1'] }] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }],
      },
    },
  }),
  'serialized node affinity requirements, II': makePod('123', {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [] } }],
      },
    },
  }),
  'serialized pod affinity in affinity requirements in annotations': makePod('123', {
    affinity: {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: { matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }] },
            topologyKey: 'zone',
            namespaces: ['ns'],
            namespaceSelector: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value1', 'value2'] }] },
          },
        ],
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }] }, namespaces: ['ns'], topologyKey: 'region' } },
        ],
      },
    },
  }),
  'serialized pod anti affinity with different Label Operators in affinity requirements in annotations': makePod('123', {
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] }, topologyKey: 'zone', namespaces: ['ns'] }],
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'key2', operator: 'DoesNotExist' }] }, namespaces: ['ns'], topologyKey: 'region' } },
        ],
      },
    },
  }),
  'populate forgiveness tolerations with exists operator in annotations.': makePod('123', { tolerations: [{ key: 'foo', operator: 'Exists', value: '', effect: 'NoExecute', tolerationSeconds: 60 }] }),
  'populate forgiveness tolerations with equal operator in annotations.': makePod('123', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute', tolerationSeconds: 60 }] }),
  'populate tolerations equal operator in annotations.': makePod('123', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }),
  'populate tolerations exists operator in annotations.': makePod('123', { volumes: [{ name: 'vol', emptyDir: {} }] }),
  'empty key with Exists operator is OK for toleration, empty toleration key means match all taint keys.': makePod('123', { tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }] }),
  'empty operator is OK for toleration, defaults to Equal.': makePod('123', { tolerations: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }] }),
  'empty effect is OK for toleration, empty toleration effect means match all taint effects.': makePod('123', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }] }),
  'negative tolerationSeconds is OK for toleration.': makePod('123', { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: -2 }] }),
  'runtime default seccomp profile': makePod('123', {}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } }),
  'docker default seccomp profile': makePod('123', {}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } }),
  'localhost seccomp profile': makePod('123', {}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/foo' } }),
  'localhost seccomp profile for a container': makePod('123', {}, { annotations: { 'container.seccomp.security.alpha.kubernetes.io/foo': 'localhost/foo' } }),
  'runtime default seccomp profile for a pod': makePod('123', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
  'runtime default seccomp profile for a container': makePod('123', sc({ seccompProfile: { type: 'Unconfined' } })),
  'localhost seccomp profile for a pod': makePod('123', { securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'filename.json' } } }),
  'localhost seccomp profile for a container, II': makePod('123', sc({ seccompProfile: { type: 'Localhost', localhostProfile: 'filename.json' } })),
  'default AppArmor annotation for a container': makePod('123', {}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'runtime/default' } }),
  'default AppArmor annotation for an init container': makePod(
    '123',
    { initContainers: [makeContainer('init-ctr')] },
    { annotations: { 'container.apparmor.security.beta.kubernetes.io/init-ctr': 'runtime/default' } },
  ),
  'localhost AppArmor annotation for a container': makePod('123', {}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'localhost/foo' } }),
  'runtime default AppArmor profile for a pod': makePod('123', { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }),
  'runtime default AppArmor profile for a container': makePod('123', sc({ appArmorProfile: { type: 'RuntimeDefault' } })),
  'unconfined AppArmor profile for a pod': makePod('123', { securityContext: { appArmorProfile: { type: 'Unconfined' } } }),
  'localhost AppArmor profile for a pod': makePod('123', { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'example-org/application-foo' } } }),
  'localhost AppArmor profile for a container field': makePod('123', sc({ appArmorProfile: { type: 'Localhost', localhostProfile: 'example-org/application-foo' } })),
  'matching AppArmor fields and annotations': makePod(
    '123',
    sc({ appArmorProfile: { type: 'Localhost', localhostProfile: 'foo' } }),
    { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'localhost/foo' } },
  ),
  'matching AppArmor pod field and annotations': makePod(
    '123',
    { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'foo' } } },
    { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'localhost/foo' } },
  ),
  'syntactically valid sysctls': makePod('123', {
    securityContext: { sysctls: [{ name: 'kernel.shmmni', value: '32768' }, { name: 'kernel.shmmax', value: '1000000000' }, { name: 'knet.ipv4.route.min_pmtu', value: '1000' }] },
  }),
  'valid extended resources for init container': makePod('valid-extended', { initContainers: [makeContainer('valid-extended', ext({ 'example.com/a': '10' }, { 'example.com/a': '10' }))] }),
  'valid extended resources for regular container': makePod('valid-extended', { containers: [makeContainer('valid-extended', ext({ 'example.com/a': '10' }, { 'example.com/a': '10' }))] }),
  'valid serviceaccount token projected volume with serviceaccount name specified': makePod('valid-extended', {
    serviceAccountName: 'some-service-account',
    serviceAccount: 'some-service-account',
    ...projected({ serviceAccountToken: { audience: 'foo-audience', expirationSeconds: 6000, path: 'foo-path' } }),
  }),
  'valid ClusterTrustBundlePEM projected volume referring to a CTB by name': makePod('valid-extended', projected({ clusterTrustBundle: { path: 'foo-path', name: 'foo' } })),
  'valid ClusterTrustBundlePEM projected volume referring to a CTB by signer name': makePod(
    'valid-extended',
    projected({ clusterTrustBundle: { path: 'foo-path', signerName: 'example.com/foo', labelSelector: { matchLabels: { version: 'live' } } } }),
  ),
  'ephemeral volume + PVC, no conflict between them': makePod('valid-extended', {
    volumes: [
      { name: 'pvc', persistentVolumeClaim: { claimName: 'my-pvc' } },
      { name: 'ephemeral', ephemeral: { volumeClaimTemplate: validPVCTemplate } },
    ],
  }),
  'negative pod-deletion-cost': makePod('123', {}, { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-100' } }),
  'positive pod-deletion-cost': makePod('123', {}, { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '100' } }),
  'MatchLabelKeys/MismatchLabelKeys in required PodAffinity': makePod('123', {
    affinity: {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: {
              matchExpressions: [
                { key: 'key', operator: 'NotIn', values: ['value1', 'value2'] },
                { key: 'key2', operator: 'In', values: ['value1'] },
                { key: 'key3', operator: 'NotIn', values: ['value1'] },
              ],
            },
            topologyKey: 'k8s.io/zone',
            matchLabelKeys: ['key2'],
            mismatchLabelKeys: ['key3'],
          },
        ],
      },
    },
  }),
  'LabelSelector can have the same key as MismatchLabelKeys': makePod('123', {
    affinity: {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: {
              matchExpressions: [
                { key: 'key', operator: 'NotIn', values: ['value1', 'value2'] },
                { key: 'key2', operator: 'In', values: ['value1'] },
                { key: 'key2', operator: 'NotIn', values: ['value1'] },
              ],
            },
            topologyKey: 'k8s.io/zone',
            mismatchLabelKeys: ['key2'],
          },
        ],
      },
    },
  }),
};
for (const [name, pod] of Object.entries(successCases)) {
  test(`${T}: ${name}`, () => assertErrors(validatePodCreate(pod, ZERO_OPTS), [], name));
}

const nodeAffinity = (requirement: JsonObject, kind: 'matchExpressions' | 'matchFields' = 'matchExpressions') => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ [kind]: [requirement] }] } } },
});
const errorCases: Record<string, { pod: JsonObject; expectedError: string }> = {
  'bad name': { expectedError: 'metadata.name', pod: makePod('') },
  'image whitespace': { expectedError: 'spec.containers[0].image', pod: makePod('123', { containers: [makeContainer('ctr', { image: ' ' })] }) },
  'image leading and trailing whitespace': { expectedError: 'spec.containers[0].image', pod: makePod('123', { containers: [makeContainer('ctr', { image: ' something ' })] }) },
  'bad namespace': { expectedError: 'metadata.namespace', pod: makePod('123', {}, { namespace: '' }) },
  'bad spec': { expectedError: 'spec.containers[0].name', pod: makePod('123', { containers: [{}] }) },
  'bad label': { expectedError: 'NoUppercaseOrSpecialCharsLike=Equals', pod: makePod('123', {}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }) },
  "invalid node selector requirement in node affinity, operator can't be null": {
    expectedError: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator',
    pod: makePod('123', nodeAffinity({ key: 'key1' })),
  },
  'invalid node selector requirement in node affinity, key is invalid': {
    expectedError: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key',
    pod: makePod('123', nodeAffinity({ key: 'invalid key ___@#', operator: 'Exists' })),
  },
  'invalid node field selector requirement in node affinity, more values for field selector': {
    expectedError: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values',
    pod: makePod('123', nodeAffinity({ key: 'metadata.name', operator: 'In', values: ['host1', 'host2'] }, 'matchFields')),
  },
  'invalid node field selector requirement in node affinity, invalid operator': {
    expectedError: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].operator',
    pod: makePod('123', nodeAffinity({ key: 'metadata.name', operator: 'Exists' }, 'matchFields')),
  },
  'invalid node field selector requirement in node affinity, invalid key': {
    expectedError: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key',
    pod: makePod('123', nodeAffinity({ key: 'metadata.namespace', operator: 'In', values: ['ns1'] }, 'matchFields')),
  },
  'invalid preferredSchedulingTerm in node affinity, weight should be in range 1-100': {
    expectedError: 'must be in the range 1-100',
    pod: makePod('123', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 199, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }] } } }),
  },
  'invalid requiredDuringSchedulingIgnoredDuringExecution node selector, nodeSelectorTerms must have at least one term': {
    expectedError: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
    pod: makePod('123', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }),
  },
  'invalid weight in preferredDuringSchedulingIgnoredDuringExecution in pod affinity annotations, weight should be in range 1-100': {
    expectedError: 'must be in the range 1-100',
    pod: makePod('123', {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 109, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }] }, namespaces: ['ns'], topologyKey: 'region' } },
          ],
        },
      },
    }),
  },
  'invalid labelSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, values should be empty if the operator is Exists': {
    expectedError: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchExpressions[0].values',
    pod: makePod('123', {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists', values: ['value1', 'value2'] }] }, namespaces: ['ns'], topologyKey: 'region' } },
          ],
        },
      },
    }),
  },
  'invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, In operator must include Values': {
    expectedError: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespaceSelector.matchExpressions[0].values',
    pod: makePod('123', {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { namespaceSelector: { matchExpressions: [{ key: 'key2', operator: 'In' }] }, namespaces: ['ns'], topologyKey: 'region' } }],
        },
      },
    }),
  },
  'invalid name space in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, namespace should be valid': {
    expectedError: 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespace',
    pod: makePod('123', {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] }, namespaces: ['INVALID_NAMESPACE'], topologyKey: 'region' } },
          ],
        },
      },
    }),
  },
  'invalid hard pod affinity, empty topologyKey is not allowed for hard pod affinity': {
    expectedError: 'can not be empty',
    pod: makePod('123', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }] }, namespaces: ['ns'] }] } } }),
  },
  'invalid soft pod anti-affinity, empty topologyKey is not allowed for soft pod anti-affinity': {
    expectedError: 'can not be empty',
    pod: makePod('123', {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }] }, namespaces: ['ns'] } }],
        },
      },
    }),
  },
  "invalid hard pod affinity, key in MatchLabelKeys isn't correctly defined": {
    expectedError: 'prefix part must be non-empty',
    pod: makePod('123', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ matchLabelKeys: ['/simple'] })] } } }),
  },
  "invalid soft pod anti-affinity, key in MismatchLabelKeys isn't correctly defined": {
    expectedError: 'prefix part must be non-empty',
    pod: makePod('123', { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ mismatchLabelKeys: ['/simple'] }) }] } } }),
  },
  'invalid soft pod affinity, key exists in both matchLabelKeys and labelSelector': {
    expectedError: 'exists in both matchLabelKeys and labelSelector',
    pod: makePod('123', {
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { labelSelector: mlkSelector, topologyKey: 'k8s.io/zone', matchLabelKeys: ['key'] } }] } },
    }),
  },
  'invalid hard pod anti-affinity, key exists in both matchLabelKeys and labelSelector': {
    expectedError: 'exists in both matchLabelKeys and labelSelector',
    pod: makePod(
      '123',
      { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: mlkSelector, topologyKey: 'k8s.io/zone', matchLabelKeys: ['key'] }] } } },
      { labels: { key: 'value1' } },
    ),
  },
  'invalid hard pod affinity, key exists in both MatchLabelKeys and MismatchLabelKeys': {
    expectedError: 'exists in both matchLabelKeys and mismatchLabelKeys',
    pod: makePod('123', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ matchLabelKeys: ['samekey'], mismatchLabelKeys: ['samekey'] })] } } }),
  },
  'invalid toleration key': { expectedError: 'spec.tolerations[0].key', pod: makePod('123', { tolerations: [{ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }) },
  'invalid toleration operator': { expectedError: 'spec.tolerations[0].operator', pod: makePod('123', { tolerations: [{ key: 'foo', operator: 'In', value: 'bar', effect: 'NoSchedule' }] }) },
  "value must be empty when `operator` is 'Exists'": { expectedError: 'spec.tolerations[0].operator', pod: makePod('123', { tolerations: [{ key: 'foo', operator: 'Exists', value: 'bar', effect: 'NoSchedule' }] }) },
  "operator must be 'Exists' when `key` is empty": { expectedError: 'spec.tolerations[0].operator', pod: makePod('123', { tolerations: [{ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }) },
  "effect must be 'NoExecute' when `TolerationSeconds` is set": {
    expectedError: 'spec.tolerations[0].effect',
    pod: makePod('pod-forgiveness-invalid', { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 20 }] }),
  },
  'must be a valid pod seccomp profile': { expectedError: 'must be a valid seccomp profile', pod: makePod('123', {}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'foo' } }) },
  'must be a valid container seccomp profile': { expectedError: 'must be a valid seccomp profile', pod: makePod('123', {}, { annotations: { 'container.seccomp.security.alpha.kubernetes.io/foo': 'foo' } }) },
  'must be a non-empty container name in seccomp annotation': { expectedError: 'name part must be non-empty', pod: makePod('123', {}, { annotations: { 'container.seccomp.security.alpha.kubernetes.io/': 'foo' } }) },
  'must be a non-empty container profile in seccomp annotation': { expectedError: 'must be a valid seccomp profile', pod: makePod('123', {}, { annotations: { 'container.seccomp.security.alpha.kubernetes.io/foo': '' } }) },
  'must match seccomp profile type and pod annotation': {
    expectedError: 'seccomp type in annotation and field must match',
    pod: makePod('123', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } }),
  },
  'must match seccomp profile type and container annotation': {
    expectedError: 'seccomp type in annotation and field must match',
    pod: makePod('123', sc({ seccompProfile: { type: 'RuntimeDefault' } }), { annotations: { 'container.seccomp.security.alpha.kubernetes.io/ctr': 'unconfined' } }),
  },
  'must be a relative path in a node-local seccomp profile annotation': { expectedError: 'must be a relative path', pod: makePod('123', {}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost//foo' } }) },
  "must not start with '../'": { expectedError: "must not contain '..'", pod: makePod('123', {}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/../foo' } }) },
  'AppArmor profile must apply to a container': {
    expectedError: 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/fake-ctr]',
    pod: makePod(
      '123',
      { initContainers: [makeContainer('init-ctr')] },
      {
        annotations: {
          'container.apparmor.security.beta.kubernetes.io/ctr': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/init-ctr': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/fake-ctr': 'runtime/default',
        },
      },
    ),
  },
  'AppArmor profile format must be valid': { expectedError: 'invalid AppArmor profile name', pod: makePod('123', {}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'bad-name' } }) },
  'only default AppArmor profile may start with runtime/': { expectedError: 'invalid AppArmor profile name', pod: makePod('123', {}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'runtime/foo' } }) },
  'unsupported pod AppArmor profile type': { expectedError: 'Unsupported value: "test"', pod: makePod('123', { securityContext: { appArmorProfile: { type: 'test' } } }) },
  'unsupported container AppArmor profile type': { expectedError: 'Unsupported value: "test"', pod: makePod('123', sc({ appArmorProfile: { type: 'test' } })) },
  'missing pod AppArmor profile type': { expectedError: 'Required value: type is required when appArmorProfile is set', pod: makePod('123', { securityContext: { appArmorProfile: { type: '' } } }) },
  'missing AppArmor localhost profile': { expectedError: 'Required value: must be set when AppArmor type is Localhost', pod: makePod('123', { securityContext: { appArmorProfile: { type: 'Localhost' } } }) },
  'empty AppArmor localhost profile': {
    expectedError: 'Required value: must be set when AppArmor type is Localhost',
    pod: makePod('123', { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: '' } } }),
  },
  'invalid AppArmor localhost profile type': { expectedError: 'Invalid value: "foo-bar"', pod: makePod('123', { securityContext: { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'foo-bar' } } }) },
  'invalid AppArmor localhost profile': { expectedError: 'Invalid value: "foo-bar "', pod: makePod('123', { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'foo-bar ' } } }) },
  'too long AppArmor localhost profile': {
    expectedError: 'Too long: may not be more than 4095 bytes',
    pod: makePod('123', { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'a'.repeat(4096) } } }),
  },
  'mismatched AppArmor field and annotation types': {
    expectedError: 'Forbidden: apparmor type in annotation and field must match',
    pod: makePod('123', sc({ appArmorProfile: { type: 'Unconfined' } }), { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'runtime/default' } }),
  },
  'mismatched AppArmor pod field and annotation types': {
    expectedError: 'Forbidden: apparmor type in annotation and field must match',
    pod: makePod('123', { securityContext: { appArmorProfile: { type: 'Unconfined' } } }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'runtime/default' } }),
  },
  'mismatched AppArmor localhost profiles': {
    expectedError: 'Forbidden: apparmor profile in annotation and field must match',
    pod: makePod('123', sc({ appArmorProfile: { type: 'Localhost', localhostProfile: 'bar' } }), { annotations: { 'container.apparmor.security.beta.kubernetes.io/ctr': 'localhost/foo' } }),
  },
  'invalid extended resource name in container request': {
    expectedError: 'must be a standard resource for containers',
    pod: makePod('123', { containers: [makeContainer('invalid', ext({ 'invalid-name': '2' }, { 'invalid-name': '2' }))] }),
  },
  'invalid extended resource requirement: request must be == limit': {
    expectedError: 'must be equal to example.com/a',
    pod: makePod('123', { containers: [makeContainer('invalid', ext({ 'example.com/a': '2' }, { 'example.com/a': '1' }))] }),
  },
  'invalid extended resource requirement without limit': { expectedError: 'Limit must be set', pod: makePod('123', { containers: [makeContainer('invalid', ext({ 'example.com/a': '2' }, {}))] }) },
  'invalid fractional extended resource in container request': { expectedError: 'must be an integer', pod: makePod('123', { containers: [makeContainer('invalid', ext({ 'example.com/a': '500m' }, {}))] }) },
  'invalid fractional extended resource in init container request': { expectedError: 'must be an integer', pod: makePod('123', { initContainers: [makeContainer('invalid', ext({ 'example.com/a': '500m' }, {}))] }) },
  'invalid fractional extended resource in container limit': {
    expectedError: 'must be an integer',
    pod: makePod('123', { containers: [makeContainer('invalid', ext({ 'example.com/a': '5' }, { 'example.com/a': '2.5' }))] }),
  },
  'invalid fractional extended resource in init container limit': {
    expectedError: 'must be an integer',
    pod: makePod('123', { initContainers: [makeContainer('invalid', ext({ 'example.com/a': '2.5' }, { 'example.com/a': '2.5' }))] }),
  },
  'mirror-pod present without nodeName': { expectedError: 'mirror', pod: makePod('123', {}, { annotations: { 'kubernetes.io/config.mirror': '' } }) },
  'mirror-pod populated without nodeName': { expectedError: 'mirror', pod: makePod('123', {}, { annotations: { 'kubernetes.io/config.mirror': 'foo' } }) },
  'serviceaccount token projected volume with no serviceaccount name specified': {
    expectedError: 'must not be specified when serviceAccountName is not set',
    pod: makePod('123', projected({ serviceAccountToken: { audience: 'foo-audience', expirationSeconds: 6000, path: 'foo-path' } })),
  },
  'ClusterTrustBundlePEM projected volume using both byName and bySigner': {
    expectedError: 'only one of name and signerName may be used',
    pod: makePod('valid-extended', projected({ clusterTrustBundle: { path: 'foo-path', signerName: 'example.com/foo', labelSelector: { matchLabels: { version: 'live' } }, name: 'foo' } })),
  },
  'ClusterTrustBundlePEM projected volume byName with no name': { expectedError: 'must be a valid object name', pod: makePod('valid-extended', projected({ clusterTrustBundle: { path: 'foo-path', name: '' } })) },
  'ClusterTrustBundlePEM projected volume bySigner with no signer name': {
    expectedError: 'must be a valid signer name',
    pod: makePod('valid-extended', projected({ clusterTrustBundle: { path: 'foo-path', signerName: '', labelSelector: { matchLabels: { foo: 'bar' } } } })),
  },
  'final PVC name for ephemeral volume must be valid': {
    expectedError: `spec.volumes[1].name: Invalid value: "${longVolName}": PVC name "${longPodName}-${longVolName}": must be no more than 253 characters`,
    pod: makePod(longPodName, {
      volumes: [
        { name: 'pvc', persistentVolumeClaim: { claimName: 'my-pvc' } },
        { name: longVolName, ephemeral: { volumeClaimTemplate: validPVCTemplate } },
      ],
    }),
  },
  'PersistentVolumeClaimVolumeSource must not reference a generated PVC': {
    expectedError: 'spec.volumes[0].persistentVolumeClaim.claimName: Invalid value: "123-ephemeral-volume": must not reference a PVC that gets created for an ephemeral volume',
    pod: makePod('123', {
      volumes: [
        { name: 'pvc-volume', persistentVolumeClaim: { claimName: '123-ephemeral-volume' } },
        { name: 'ephemeral-volume', ephemeral: { volumeClaimTemplate: validPVCTemplate } },
      ],
    }),
  },
  'invalid pod-deletion-cost': {
    expectedError: 'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "text": must be a 32bit integer',
    pod: makePod('valid-extended', {}, { annotations: { 'controller.kubernetes.io/pod-deletion-cost': 'text' } }),
  },
  'invalid leading zeros pod-deletion-cost': {
    expectedError: 'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "008": must be a 32bit integer',
    pod: makePod('valid-extended', {}, { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '008' } }),
  },
  'invalid leading plus sign pod-deletion-cost': {
    expectedError: 'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
    pod: makePod('valid-extended', {}, { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '+10' } }),
  },
  'invalid required node affinity, value of NodeSelectorRequirement should be a valid label value': {
    expectedError:
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"-1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    pod: makePod('123', nodeAffinity({ key: 'foo', operator: 'In', values: ['-1'] })),
  },
};
for (const [name, c] of Object.entries(errorCases)) {
  test(`${T}: ${name}`, () => {
    const errs = validatePodCreate(c.pod, ZERO_OPTS);
    assert.ok(errs.length > 0, `${name}: expected failure`);
    const actual = aggregateMessage(errs);
    assert.ok(actual.includes(c.expectedError), `${name}: expected error to contain ${JSON.stringify(c.expectedError)}, got ${JSON.stringify(actual)}`);
  });
}

const T_GATES = `${UPSTREAM} TestValidatePodCreateWithSchedulingGates`;
const essentials = { containers: [{ name: 'con', image: 'pause', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' };
test(`${T_GATES}: create a Pod with nodeName and schedulingGates, feature enabled`, () => {
  const errs = validatePodCreate(makePod('pod', { ...essentials, nodeName: 'node', schedulingGates: [{ name: 'foo' }] }), ZERO_OPTS);
  assertErrors(errs, [{ type: 'FieldValueForbidden', field: 'spec.nodeName', detail: 'cannot be set until all schedulingGates have been cleared' }], 'nodeName + gates');
});
test(`${T_GATES}: create a Pod with schedulingGates, feature enabled`, () => {
  assertErrors(validatePodCreate(makePod('pod', { ...essentials, schedulingGates: [{ name: 'foo' }] }), ZERO_OPTS), [], 'gates only');
});

// What a learner sees for common mistakes: errorString of each error, in
// upstream's wording (field.Error.Error() over the messages in validation.go),
// for a defaulted Pod under the v1.36 options.
const SRC = 'pkg/apis/core/validation/validation.go';
const learnerCases: { upstream: string; name: string; pod: JsonObject; messages: string[] }[] = [
  {
    upstream: `${SRC} validateRestartPolicy`,
    name: 'restartPolicy: Sometimes',
    pod: makePod('web', { restartPolicy: 'Sometimes' }),
    messages: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
  },
  {
    upstream: `${SRC} validateContainerCommon`,
    name: 'a container without an image',
    pod: makePod('web', { containers: [makeContainer('app', { image: '' })] }),
    messages: ['spec.containers[0].image: Required value'],
  },
  {
    upstream: `${SRC} validateHandler, validateLivenessProbe`,
    name: 'livenessProbe: {} (no handler, and successThreshold 0 is not 1)',
    pod: makePod('web', { containers: [makeContainer('app', { livenessProbe: {} })] }),
    messages: ['spec.containers[0].livenessProbe: Required value: must specify a handler type', 'spec.containers[0].livenessProbe.successThreshold: Invalid value: 0: must be 1'],
  },
  {
    upstream: `${SRC} validateResourceRequirements`,
    name: 'a memory request above the limit',
    pod: makePod('web', { containers: [makeContainer('app', { resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } } })] }),
    messages: ['spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi'],
  },
  {
    upstream: `${SRC} validateContainers`,
    name: 'two containers named the same',
    pod: makePod('web', { containers: [makeContainer('app'), makeContainer('app')] }),
    messages: ['spec.containers[1].name: Duplicate value: "app"'],
  },
];
for (const c of learnerCases) {
  test(`${c.upstream}: ${c.name}`, () => assert.deepEqual(validatePodCreate(c.pod, POD_OPTS).map(errorString), c.messages));
}
