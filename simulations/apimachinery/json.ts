// JSON data as Kubernetes objects hold it once decoded from YAML or JSON: the
// values of encoding/json's interface{} (unstructured.Unstructured's content).
// src: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Sets a property as plain data, even for `__proto__`, without touching prototypes. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
