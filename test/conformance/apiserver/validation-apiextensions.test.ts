// Upstream: staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation_test.go
// (stored version): TestValidateCustomResourceDefinition and
// TestValidateCustomResourceDefinitionUpdate, the cases of its table's
// first part that apiextensions.k8s.io/v1 JSON can express. Upstream validates the
// internal type; v1 converts to it with spec.version = versions[0].name, and a
// schema, subresources or printer columns that every version has alike lifted
// to the top level, so an internal top-level Validation is written here as the
// same schema in every version. Upstream's loop matches errors by type and
// field both ways (every expected error found once, no other error); it gives a
// Webhook conversion without conversionReviewVersions ["v1beta1"] ("duplicate
// defaulting behaviour"), written into the JSON here.
// Not transcribed: cases only the internal type can express (spec.version unlike
// versions[0], per-version fields all identical, preserveUnknownFields nil),
// cases built on validValidationSchema / validUnstructuralValidationSchema, and
// the deep OpenAPI schema cases (value validations, defaults, embedded
// resources, CEL rules, list types: a later chapter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import {
  validateCustomResourceDefinition,
  validateCustomResourceDefinitionUpdate,
} from '../../../simulations/apiserver/validation/apiextensions/custom-resource-definition.ts';

const FILE = 'staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation_test.go';
const UP = 'TestValidateCustomResourceDefinition';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';

type Want = { type: string; field: string };
const required = (field: string): Want => ({ type: 'FieldValueRequired', field });
const invalid = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const unsupported = (field: string): Want => ({ type: 'FieldValueNotSupported', field });
const forbidden = (field: string): Want => ({ type: 'FieldValueForbidden', field });

const NAMES = { plural: 'plural', singular: 'singular', kind: 'Plural', listKind: 'PluralList' };
const OBJECT_SCHEMA = { openAPIV3Schema: { type: 'object' } };
const version = (name: string, served: boolean, storage: boolean, extra: JsonObject = {}): JsonObject => ({ name, served, storage, ...extra });
/** Two versions, "version" the storage one, each with the case's schema (internal top-level Validation). */
const twoVersions = (schema: JsonObject = OBJECT_SCHEMA, first = 'version'): JsonObject[] => [
  version(first, true, true, { schema }),
  version('version2', true, false, { schema }),
];
const crd = (spec: JsonObject, status: JsonObject | undefined, name = 'plural.group.com'): JsonObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name },
  spec,
  ...(status ? { status } : {}),
});
const clusterSpec = (versions: JsonObject[], extra: JsonObject = {}): JsonObject => ({ group: 'group.com', scope: 'Cluster', names: NAMES, versions, ...extra });
const namespacedSpec = (versions: JsonObject[], extra: JsonObject = {}): JsonObject => ({ group: 'group.com', scope: 'Namespaced', names: NAMES, versions, ...extra });
const stored = (...v: string[]): JsonObject => ({ storedVersions: v });
const webhook = (clientConfig: JsonObject | undefined, conversionReviewVersions: string[] = ['v1beta1']): JsonObject => ({
  strategy: 'Webhook',
  webhook: { ...(clientConfig ? { clientConfig } : {}), conversionReviewVersions },
});

interface Case { upstream: string; name: string; object: JsonObject; errors: Want[] }

const cases: Case[] = [
  {
    upstream: UP,
    name: 'invalid types disallowed',
    object: crd(clusterSpec([version('version', true, true, { schema: { openAPIV3Schema: { type: 'object', properties: { foo: { type: 'bogus' } } } } })]), stored('version')),
    errors: [unsupported('spec.validation.openAPIV3Schema.properties[foo].type')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: invalid port 0',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ service: { name: 'n', namespace: 'ns', port: 0 } }) }), stored('version')),
    errors: [invalid('spec.conversion.webhookClientConfig.service.port')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: invalid port 65536',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ service: { name: 'n', namespace: 'ns', port: 65536 } }) }), stored('version')),
    errors: [invalid('spec.conversion.webhookClientConfig.service.port')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: both service and URL provided',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ url: 'https://example.com/webhook', service: { name: 'n', namespace: 'ns' } }) }), stored('version')),
    errors: [required('spec.conversion.webhookClientConfig')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: blank URL',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ url: '' }) }), stored('version')),
    errors: [invalid('spec.conversion.webhookClientConfig.url'), invalid('spec.conversion.webhookClientConfig.url')],
  },
  {
    upstream: UP,
    name: 'webhookconfig_should_not_be_set',
    object: crd(clusterSpec(twoVersions(), { conversion: { strategy: 'None', webhook: { clientConfig: { url: 'https://example.com/webhook' } } } }), stored('version')),
    errors: [forbidden('spec.conversion.webhookClientConfig')],
  },
  {
    upstream: UP,
    name: 'ConversionReviewVersions_should_not_be_set',
    object: crd(clusterSpec(twoVersions(), { conversion: { strategy: 'None', webhook: { conversionReviewVersions: ['v1beta1'] } } }), stored('version')),
    errors: [forbidden('spec.conversion.conversionReviewVersions')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: invalid ConversionReviewVersion',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ url: 'https://example.com/webhook' }, ['invalid-version']) }), stored('version')),
    errors: [invalid('spec.conversion.conversionReviewVersions')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: invalid ConversionReviewVersion version string',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ url: 'https://example.com/webhook' }, ['0v']) }), stored('version')),
    errors: [invalid('spec.conversion.conversionReviewVersions[0]'), invalid('spec.conversion.conversionReviewVersions')],
  },
  {
    upstream: UP,
    name: 'webhookconfig: at least one valid ConversionReviewVersion',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ url: 'https://example.com/webhook' }, ['invalid-version', 'v1beta1']) }), stored('version')),
    errors: [],
  },
  {
    upstream: UP,
    name: 'webhookconfig: duplicate ConversionReviewVersion',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook({ url: 'https://example.com/webhook' }, ['v1beta1', 'v1beta1']) }), stored('version')),
    errors: [invalid('spec.conversion.conversionReviewVersions[1]')],
  },
  {
    upstream: UP,
    name: 'missing_webhookconfig',
    object: crd(clusterSpec(twoVersions(), { conversion: webhook(undefined) }), stored('version')),
    errors: [required('spec.conversion.webhookClientConfig')],
  },
  {
    upstream: UP,
    name: 'invalid_conversion_strategy',
    object: crd(clusterSpec(twoVersions(), { conversion: { strategy: 'non_existing_conversion' } }), stored('version')),
    errors: [unsupported('spec.conversion.strategy')],
  },
  {
    upstream: UP,
    name: 'webhook conversion with preserveUnknownFields=false, conversionReviewVersions=[v1beta1]',
    object: crd(clusterSpec(twoVersions(OBJECT_SCHEMA, 'version1'), { conversion: webhook({ url: 'https://example.com/webhook' }, ['v1beta1']), preserveUnknownFields: false }), stored('version1')),
    errors: [],
  },
  {
    upstream: UP,
    name: 'webhook conversion with preserveUnknownFields=false, conversionReviewVersions=[v1]',
    object: crd(clusterSpec(twoVersions(OBJECT_SCHEMA, 'version1'), { conversion: webhook({ url: 'https://example.com/webhook' }, ['v1']), preserveUnknownFields: false }), stored('version1')),
    errors: [],
  },
  {
    upstream: UP,
    name: 'no_storage_version',
    object: crd(clusterSpec([version('version', true, false, { schema: OBJECT_SCHEMA }), version('version2', true, false, { schema: OBJECT_SCHEMA })], { conversion: { strategy: 'None' } }), stored('version')),
    errors: [invalid('spec.versions')],
  },
  {
    upstream: UP,
    name: 'multiple_storage_version',
    object: crd(clusterSpec([version('version', true, true, { schema: OBJECT_SCHEMA }), version('version2', true, true, { schema: OBJECT_SCHEMA })], { conversion: { strategy: 'None' } }), stored('version')),
    errors: [invalid('spec.versions'), invalid('status.storedVersions')],
  },
  {
    upstream: UP,
    name: 'missing_storage_version_in_stored_versions',
    object: crd(clusterSpec([version('version', true, false, { schema: OBJECT_SCHEMA }), version('version2', true, true, { schema: OBJECT_SCHEMA })], { conversion: { strategy: 'None' } }), stored('version')),
    errors: [invalid('status.storedVersions')],
  },
  {
    upstream: UP,
    name: 'empty_stored_version',
    object: crd(clusterSpec([version('version', true, true, { schema: OBJECT_SCHEMA })], { conversion: { strategy: 'None' } }), stored()),
    errors: [invalid('status.storedVersions')],
  },
  {
    upstream: UP,
    // No versions: the internal top-level schema has nowhere to go in v1.
    name: 'mismatched name',
    object: crd({ group: 'group.com', names: { plural: 'plural' } }, undefined, 'plural.not.group.com'),
    errors: [
      invalid('status.storedVersions'),
      invalid('metadata.name'),
      invalid('spec.versions'),
      required('spec.scope'),
      required('spec.names.singular'),
      required('spec.names.kind'),
      required('spec.names.listKind'),
    ],
  },
  {
    upstream: UP,
    name: 'missing values',
    object: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'plural.group.com' } },
    errors: [
      invalid('status.storedVersions'),
      invalid('metadata.name'),
      invalid('spec.versions'),
      required('spec.group'),
      required('spec.scope'),
      required('spec.names.plural'),
      required('spec.names.singular'),
      required('spec.names.kind'),
      required('spec.names.listKind'),
    ],
  },
  {
    upstream: UP,
    name: 'bad names 02',
    object: crd(
      {
        group: 'group.c(*&om',
        versions: [version('version', true, true, { schema: OBJECT_SCHEMA })],
        conversion: { strategy: 'None' },
        names: { plural: 'plural', singular: 'singular', kind: 'matching', listKind: 'matching' },
        preserveUnknownFields: false,
      },
      { acceptedNames: { plural: 'plural', singular: 'singular', kind: 'matching', listKind: 'matching' }, storedVersions: ['version'] },
      'plural.group',
    ),
    errors: [invalid('metadata.name'), invalid('spec.group'), required('spec.scope'), invalid('spec.names.listKind'), invalid('status.acceptedNames.listKind')],
  },
  {
    upstream: UP,
    name: 'additionalProperties and properties forbidden',
    object: crd(
      namespacedSpec([version('version', true, true, { schema: { openAPIV3Schema: { type: 'object', properties: { foo: { type: 'object', properties: { bar: { type: 'object' } }, additionalProperties: false } } } } })], {
        conversion: { strategy: 'None' },
        preserveUnknownFields: false,
      }),
      stored('version'),
    ),
    errors: [forbidden('spec.validation.openAPIV3Schema.properties[foo].additionalProperties')],
  },
  {
    upstream: UP,
    name: 'additionalProperties without properties allowed (map[string]string)',
    object: crd(
      namespacedSpec([version('version', true, true, { schema: { openAPIV3Schema: { type: 'object', properties: { foo: { type: 'object', additionalProperties: { type: 'string' } } } } } })], {
        conversion: { strategy: 'None' },
        preserveUnknownFields: false,
      }),
      stored('version'),
    ),
    errors: [],
  },
  {
    upstream: UP,
    name: 'x-kubernetes-preserve-unknown-field: false',
    object: crd(namespacedSpec([version('version', true, true, { schema: { openAPIV3Schema: { 'x-kubernetes-preserve-unknown-fields': false } } })], { preserveUnknownFields: false }), stored('version')),
    errors: [invalid('spec.validation.openAPIV3Schema.x-kubernetes-preserve-unknown-fields')],
  },
  {
    upstream: UP,
    name: 'preserveUnknownFields with no schema at all',
    object: crd(namespacedSpec([version('version', true, true), version('version2', true, false, { schema: {} })], { preserveUnknownFields: false }), stored('version')),
    errors: [required('spec.versions[0].schema.openAPIV3Schema'), required('spec.versions[1].schema.openAPIV3Schema')],
  },
  {
    upstream: UP,
    name: 'schema is required',
    object: crd(namespacedSpec([version('version', true, true), version('version2', true, false, { schema: {} })], { preserveUnknownFields: false }), stored('version')),
    errors: [required('spec.versions[0].schema.openAPIV3Schema'), required('spec.versions[1].schema.openAPIV3Schema')],
  },
  {
    upstream: UP,
    name: 'preserveUnknownFields: true',
    object: crd(namespacedSpec([version('version', true, true, { schema: OBJECT_SCHEMA })], { preserveUnknownFields: true }), stored('version')),
    errors: [invalid('spec.preserveUnknownFields')],
  },
  {
    upstream: UP,
    name: 'labelSelectorPath outside of .spec and .status',
    object: crd(
      namespacedSpec(
        [
          version('version0', true, true, { schema: OBJECT_SCHEMA, subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } } }),
          version('version1', true, false, { schema: OBJECT_SCHEMA, subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.labelSelector' } } }),
          version('version2', true, false, { schema: OBJECT_SCHEMA, subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.labelSelector' } } }),
          version('version3', true, false, { schema: OBJECT_SCHEMA, subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.labelSelector' } } }),
        ],
        { preserveUnknownFields: false },
      ),
      stored('version0'),
    ),
    errors: [invalid('spec.versions[3].subresources.scale.labelSelectorPath')],
  },
  {
    upstream: UP,
    name: 'defaults with enabled feature gate',
    object: crd(namespacedSpec([version('version', true, true, { schema: { openAPIV3Schema: { type: 'object', properties: { a: { type: 'number', default: 42.0 } } } } })], { preserveUnknownFields: false }), stored('version')),
    errors: [],
  },
  {
    upstream: UP,
    name: 'x-kubernetes-validations access metadata name',
    object: crd(
      namespacedSpec(
        [
          version('version', true, true, {
            subresources: { status: {} },
            schema: {
              openAPIV3Schema: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
                'x-kubernetes-validations': [{ rule: 'size(self.metadata.name) > 3' }],
                properties: { metadata: { type: 'object', properties: { name: { type: 'string' } } } },
              },
            },
          }),
        ],
        { preserveUnknownFields: false },
      ),
      stored('version'),
    ),
    errors: [],
  },
  {
    upstream: UP,
    name: 'defaults with enabled feature gate, unstructural schema',
    object: crd(namespacedSpec([version('version', true, true, { schema: { openAPIV3Schema: { properties: { a: { default: 42.0 } } } } })], { preserveUnknownFields: false }), stored('version')),
    errors: [required('spec.validation.openAPIV3Schema.properties[a].type'), required('spec.validation.openAPIV3Schema.type')],
  },
  {
    upstream: UP,
    name: 'defaults with enabled feature gate, structural schema',
    object: crd(namespacedSpec([version('version', true, true, { schema: { openAPIV3Schema: { type: 'object', properties: { a: { type: 'number', default: 42.0 } } } } })], { preserveUnknownFields: false }), stored('version')),
    errors: [],
  },
];

const key = (e: Want): string => `${e.type} ${e.field}`;

test(`${FILE} ${UP}`, () => {
  for (const c of cases) {
    const errs = validateCustomResourceDefinition(c.object);
    assert.deepEqual(errs.map((e) => key(e)).sort(), c.errors.map(key).sort(), `${c.name}:\n${show(errs)}`);
  }
});

// TestValidateCustomResourceDefinitionUpdate: its cases requested through
// apiextensions.k8s.io/v1 (the v1beta1 ones are not served), from the stored
// version's first part. Both objects carry resourceVersion "1".
test(`${FILE} TestValidateCustomResourceDefinitionUpdate`, () => {
  const U = 'TestValidateCustomResourceDefinitionUpdate';
  const withRV = (o: JsonObject): JsonObject => ({ ...o, metadata: { ...(o.metadata as JsonObject), resourceVersion: '1' } });
  const one = (schema: JsonObject, extra: JsonObject = {}): JsonObject =>
    withRV(crd(clusterSpec([version('version', true, true, { schema })], extra), stored('version')));
  const props = (foo: JsonObject): JsonObject => ({ openAPIV3Schema: { type: 'object', properties: { foo } } });
  const updates: (Case & { old: JsonObject })[] = [
    {
      upstream: U,
      name: 'invalid types updates disallowed via v1',
      old: one(OBJECT_SCHEMA, { preserveUnknownFields: false }),
      object: one(props({ type: 'bogus' }), { preserveUnknownFields: false }),
      errors: [unsupported('spec.validation.openAPIV3Schema.properties[foo].type')],
    },
    {
      upstream: U,
      name: 'invalid types updates allowed via v1 if old object has invalid types',
      old: one(props({ type: 'bogus' }), { preserveUnknownFields: false }),
      object: one(props({ type: 'bogus2' }), { preserveUnknownFields: false }),
      errors: [],
    },
    {
      upstream: U,
      name: 'structural to non-structural updates not allowed via v1',
      old: one(props({ type: 'integer' }), { preserveUnknownFields: true }),
      object: one(props({}), { preserveUnknownFields: true }),
      errors: [required('spec.validation.openAPIV3Schema.properties[foo].type')],
    },
    {
      upstream: U,
      name: 'absent schema to non-structural updates not allowed via v1',
      old: one({}, { preserveUnknownFields: true }),
      object: one(props({}), { preserveUnknownFields: true }),
      errors: [required('spec.validation.openAPIV3Schema.properties[foo].type')],
    },
    {
      upstream: U,
      name: 'non-structural updates allowed via v1 if old object has non-structural schema',
      old: withRV(crd(clusterSpec([version('version', true, true, { schema: props({}) }), version('version2', true, false, { schema: props({ type: 'number' }) })], { preserveUnknownFields: true }), stored('version'))),
      object: withRV(crd(clusterSpec([version('version', true, true, { schema: props({ description: 'b' }) }), version('version2', true, false, { schema: props({ description: 'a' }) })], { preserveUnknownFields: true }), stored('version'))),
      errors: [],
    },
  ];
  for (const c of updates) {
    const errs = validateCustomResourceDefinitionUpdate(c.object, c.old);
    assert.deepEqual(errs.map((e) => key(e)).sort(), c.errors.map(key).sort(), `${c.name}:\n${show(errs)}`);
  }
});
