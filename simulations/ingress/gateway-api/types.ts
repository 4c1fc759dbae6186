// The slices of gateway.networking.k8s.io/v1 (kubernetes-sigs/gateway-api v1.6,
// apis/v1/{gatewayclass,gateway,httproute,shared}_types.go) that the simulation reads.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [k: string]: unknown;
}

export interface GatewayClass {
  apiVersion?: string;
  kind?: 'GatewayClass';
  metadata: ObjectMeta;
  spec: { controllerName: string; description?: string };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: string;
  tls?: { mode?: string; certificateRefs?: Array<{ group?: string; kind?: string; name: string; namespace?: string }> };
  allowedRoutes?: {
    namespaces?: { from?: 'All' | 'Selector' | 'Same' | string; selector?: LabelSelector };
    kinds?: Array<{ group?: string; kind: string }>;
  };
}

export interface Gateway {
  apiVersion?: string;
  kind?: 'Gateway';
  metadata: ObjectMeta;
  spec: { gatewayClassName: string; listeners: Listener[]; addresses?: Array<{ type?: string; value?: string }> };
}

export interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export interface HTTPPathMatch {
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression' | string;
  value?: string;
}

export interface HTTPHeaderMatch {
  type?: 'Exact' | 'RegularExpression' | string;
  name: string;
  value: string;
}

export interface HTTPRouteMatch {
  path?: HTTPPathMatch;
  headers?: HTTPHeaderMatch[];
  queryParams?: HTTPHeaderMatch[];
  method?: string;
}

/** HTTPBackendRef: a BackendRef (group, kind, name, namespace, port, weight) with filters. */
export interface HTTPBackendRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  filters?: unknown[];
}

export interface HTTPRouteRule {
  name?: string;
  matches?: HTTPRouteMatch[];
  filters?: Array<{ type: string; [k: string]: unknown }>;
  backendRefs?: HTTPBackendRef[];
}

export interface HTTPRoute {
  apiVersion?: string;
  kind?: 'HTTPRoute';
  metadata: ObjectMeta;
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: HTTPRouteRule[] };
}

export interface ReferenceGrant {
  metadata: ObjectMeta;
  spec: { from: Array<{ group: string; kind: string; namespace: string }>; to: Array<{ group: string; kind: string; name?: string }> };
}

export interface Namespace {
  metadata: { name: string; labels?: Record<string, string> };
}

export const GROUP = 'gateway.networking.k8s.io';
