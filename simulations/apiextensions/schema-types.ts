// The CRD schema as the learner writes it: a version's openAPIV3Schema, read
// as plain JSON (apiextensions.k8s.io/v1 JSONSchemaProps), and helpers to
// walk it the way structuralschema.Structural is walked upstream.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/structural.go

import type { JsonObject } from '../apimachinery/json.ts';

/** apiextensions.k8s.io/v1 JSONSchemaProps, the fields this chapter reads. */
export interface JSONSchemaProps {
  type?: string;
  format?: string;
  description?: string;
  title?: string;
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, JSONSchemaProps>;
  items?: JSONSchemaProps;
  additionalProperties?: JSONSchemaProps | boolean;
  required?: string[];
  enum?: unknown[];
  maximum?: number;
  minimum?: number;
  exclusiveMaximum?: boolean;
  exclusiveMinimum?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
  maxProperties?: number;
  minProperties?: number;
  allOf?: JSONSchemaProps[];
  anyOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  [key: string]: unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural's Properties[k], only own keys (a property named "__proto__" is a key like any other). */
export function propertyOf(s: JSONSchemaProps | null | undefined, key: string): JSONSchemaProps | undefined {
  if (!s || !isPlainObject(s.properties) || !Object.prototype.hasOwnProperty.call(s.properties, key)) return undefined;
  const p = s.properties[key];
  return isPlainObject(p) ? (p as JSONSchemaProps) : {};
}

/**
 * Structural's AdditionalProperties: undefined when absent; `{ schema }` with
 * schema null for `additionalProperties: false` (Bool:false, no schema, which
 * upstream's pruning reads as "keep the key, prune its value as schema-less")
 * and for `true`.
 */
export function additionalPropertiesOf(s: JSONSchemaProps | null | undefined): { schema: JSONSchemaProps | null } | undefined {
  if (!s || s.additionalProperties === undefined || s.additionalProperties === null) return undefined;
  if (typeof s.additionalProperties === 'boolean') return { schema: null };
  return isPlainObject(s.additionalProperties) ? { schema: s.additionalProperties as JSONSchemaProps } : undefined;
}

export function itemsOf(s: JSONSchemaProps | null | undefined): JSONSchemaProps | null {
  return s && isPlainObject(s.items) ? (s.items as JSONSchemaProps) : null;
}

export type { JsonObject };
