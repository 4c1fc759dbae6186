// Generated from k8s.io/apiextensions-apiserver pkg/apis/apiextensions/v1/types.go and types_jsonschema.go (kubernetes/kubernetes staging,
// commits 61c7fad9 and 0dbde3ef: the v1.36 fields; the k8s.io/apiextensions-apiserver v0.36.3 tag itself was not available):
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const APIEXTENSIONS_V1: GoPackage = {
  id: 'apiextensions',
  path: 'k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1',
  name: 'v1',
  structs: {
    CustomResourceColumnDefinition: ['name string', 'type string', 'format string o', 'description string o', 'priority int32 o', 'jsonPath string'],
    CustomResourceConversion: ['strategy ConversionStrategyType', 'webhook *WebhookConversion o'],
    CustomResourceDefinition: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec CustomResourceDefinitionSpec', 'status CustomResourceDefinitionStatus o'],
    CustomResourceDefinitionCondition: ['type CustomResourceDefinitionConditionType', 'status ConditionStatus', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o', 'observedGeneration int64 o'],
    CustomResourceDefinitionNames: ['plural string', 'singular string o', 'shortNames []string o lt:atomic', 'kind string', 'listKind string o', 'categories []string o lt:atomic'],
    CustomResourceDefinitionSpec: ['group string', 'names CustomResourceDefinitionNames', 'scope ResourceScope', 'versions []CustomResourceDefinitionVersion lt:atomic', 'conversion *CustomResourceConversion o', 'preserveUnknownFields bool o'],
    CustomResourceDefinitionStatus: ['conditions []CustomResourceDefinitionCondition lt:map lk:type', 'acceptedNames CustomResourceDefinitionNames', 'storedVersions []string lt:atomic', 'observedGeneration int64 o'],
    CustomResourceDefinitionVersion: ['name string', 'served bool', 'storage bool', 'deprecated bool o', 'deprecationWarning *string o', 'schema *CustomResourceValidation o', 'subresources *CustomResourceSubresources o', 'additionalPrinterColumns []CustomResourceColumnDefinition o lt:atomic', 'selectableFields []SelectableField o lt:atomic'],
    CustomResourceSubresourceScale: ['specReplicasPath string', 'statusReplicasPath string', 'labelSelectorPath *string o'],
    CustomResourceSubresourceStatus: [],
    CustomResourceSubresources: ['status *CustomResourceSubresourceStatus o', 'scale *CustomResourceSubresourceScale o'],
    CustomResourceValidation: ['openAPIV3Schema *JSONSchemaProps o'],
    ExternalDocumentation: ['description string o', 'url string o'],
    JSONSchemaProps: ['id string o', '$schema JSONSchemaURL o', '$ref *string o', 'description string o', 'type string o', 'format string o', 'title string o', 'default *JSON o', 'maximum *float64 o', 'exclusiveMaximum bool o', 'minimum *float64 o', 'exclusiveMinimum bool o', 'maxLength *int64 o', 'minLength *int64 o', 'pattern string o', 'maxItems *int64 o', 'minItems *int64 o', 'uniqueItems bool o', 'multipleOf *float64 o', 'enum []JSON o lt:atomic', 'maxProperties *int64 o', 'minProperties *int64 o', 'required []string o lt:atomic', 'items *JSONSchemaPropsOrArray o', 'allOf []JSONSchemaProps o lt:atomic', 'oneOf []JSONSchemaProps o lt:atomic', 'anyOf []JSONSchemaProps o lt:atomic', 'not *JSONSchemaProps o', 'properties map[string]JSONSchemaProps o', 'additionalProperties *JSONSchemaPropsOrBool o', 'patternProperties map[string]JSONSchemaProps o', 'dependencies JSONSchemaDependencies o', 'additionalItems *JSONSchemaPropsOrBool o', 'definitions JSONSchemaDefinitions o', 'externalDocs *ExternalDocumentation o', 'example *JSON o', 'nullable bool o', 'x-kubernetes-preserve-unknown-fields *bool o', 'x-kubernetes-embedded-resource bool o', 'x-kubernetes-int-or-string bool o', 'x-kubernetes-list-map-keys []string o lt:atomic', 'x-kubernetes-list-type *string o', 'x-kubernetes-map-type *string o', 'x-kubernetes-validations ValidationRules o ps:merge pk:rule lt:map lk:rule'],
    SelectableField: ['jsonPath string'],
    ServiceReference: ['namespace string', 'name string', 'path *string o', 'port *int32 o'],
    ValidationRule: ['rule string', 'message string o', 'messageExpression string o', 'reason *FieldValueErrorReason o', 'fieldPath string o', 'optionalOldSelf *bool o'],
    WebhookClientConfig: ['url *string o', 'service *ServiceReference o', 'caBundle []byte o'],
    WebhookConversion: ['clientConfig *WebhookClientConfig o', 'conversionReviewVersions []string lt:atomic'],
  },
  named: {
    ConditionStatus: 'string',
    ConversionStrategyType: 'string',
    CustomResourceDefinitionConditionType: 'string',
    FieldValueErrorReason: 'string',
    JSONSchemaDefinitions: 'map[string]JSONSchemaProps',
    JSONSchemaDependencies: 'map[string]JSONSchemaPropsOrStringArray',
    JSONSchemaURL: 'string',
    ResourceScope: 'string',
    ValidationRules: '[]ValidationRule',
  },
};
