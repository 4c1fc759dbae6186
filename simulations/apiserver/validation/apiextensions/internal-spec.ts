// The internal CustomResourceDefinitionSpec that apiextensions.k8s.io/v1
// converts to, which is what validation reads (and why its error paths say
// spec.validation and spec.version for a v1 object):
// - spec.version is versions[0].name;
// - when every version has the same schema (one version always does), the
//   schema moves to the top-level spec.validation and leaves the versions;
//   the same for subresources, additionalPrinterColumns and selectableFields;
// - spec.conversion.webhook.{clientConfig,conversionReviewVersions} become
//   conversion.webhookClientConfig and conversion.conversionReviewVersions;
// - preserveUnknownFields becomes a pointer to the bool (never nil from v1).
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/conversion.go
//      (Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec,
//      Convert_v1_CustomResourceConversion_To_apiextensions_CustomResourceConversion)

import { asBool, asList, asObject } from '../../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../../apimachinery/json.ts';
import { semanticEqual } from '../apps/shared-helpers.ts';

export interface InternalVersion {
  raw: JsonObject;
  name: string;
  /** CustomResourceValidation ({openAPIV3Schema}) or undefined. */
  schema: JsonObject | undefined;
  subresources: JsonObject | undefined;
  additionalPrinterColumns: JsonValue[];
  selectableFields: JsonValue[];
}

export interface InternalSpec {
  raw: JsonObject;
  versions: InternalVersion[];
  version: string;
  validation: JsonObject | undefined;
  subresources: JsonObject | undefined;
  additionalPrinterColumns: JsonValue[];
  selectableFields: JsonValue[];
  conversion: JsonObject | undefined;
  preserveUnknownFields: boolean;
}

/** The internal spec of a v1 CRD spec. */
export function internalSpec(spec: JsonObject): InternalSpec {
  const versions: InternalVersion[] = asList(spec.versions).map((v) => {
    const o = asObject(v) ?? {};
    return {
      raw: o,
      name: typeof o.name === 'string' ? o.name : '',
      schema: asObject(o.schema),
      subresources: asObject(o.subresources),
      additionalPrinterColumns: asList(o.additionalPrinterColumns),
      selectableFields: asList(o.selectableFields),
    };
  });
  const out: InternalSpec = {
    raw: spec,
    versions,
    version: versions.length > 0 ? versions[0].name : '',
    validation: undefined,
    subresources: undefined,
    additionalPrinterColumns: [],
    selectableFields: [],
    conversion: internalConversion(asObject(spec.conversion)),
    preserveUnknownFields: asBool(spec.preserveUnknownFields),
  };
  if (versions.length === 0) return out;
  const same = (get: (v: InternalVersion) => JsonValue | undefined) => versions.every((v) => semanticEqual(get(v), get(versions[0])));
  if (same((v) => v.subresources)) {
    out.subresources = versions[0].subresources;
    for (const v of versions) v.subresources = undefined;
  }
  if (same((v) => v.schema)) {
    out.validation = versions[0].schema;
    for (const v of versions) v.schema = undefined;
  }
  if (same((v) => v.additionalPrinterColumns)) {
    out.additionalPrinterColumns = versions[0].additionalPrinterColumns;
    for (const v of versions) v.additionalPrinterColumns = [];
  }
  if (same((v) => v.selectableFields)) {
    out.selectableFields = versions[0].selectableFields;
    for (const v of versions) v.selectableFields = [];
  }
  return out;
}

function internalConversion(conversion: JsonObject | undefined): JsonObject | undefined {
  if (!conversion) return undefined;
  const webhook = asObject(conversion.webhook);
  const out: JsonObject = { strategy: conversion.strategy ?? '' };
  if (webhook) {
    if (webhook.clientConfig !== undefined && webhook.clientConfig !== null) out.webhookClientConfig = webhook.clientConfig;
    if (webhook.conversionReviewVersions !== undefined) out.conversionReviewVersions = webhook.conversionReviewVersions;
  }
  return out;
}
