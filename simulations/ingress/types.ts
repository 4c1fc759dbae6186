// The slices of networking.k8s.io/v1 that the Ingress matcher reads
// (k8s.io/api networking/v1 types.go). Objects come from the shared API server
// (already decoded, defaulted and validated) or from a direct call of
// matchIngress, which reads them defensively.

export interface ServiceBackendPort {
  name?: string;
  number?: number;
}

/** IngressBackend: a Service and port, or a typed resource (mutually exclusive). */
export interface IngressBackend {
  service?: { name: string; port?: ServiceBackendPort };
  resource?: { apiGroup?: string; kind: string; name: string };
}

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface HTTPIngressPath {
  path?: string;
  pathType?: PathType | string;
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface IngressTLS {
  hosts?: string[];
  secretName?: string;
}

export interface Ingress {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    creationTimestamp?: string;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: IngressRule[];
    tls?: IngressTLS[];
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

export interface IngressClass {
  metadata: { name: string; creationTimestamp?: string; annotations?: Record<string, string> };
  spec: { controller?: string; parameters?: unknown };
}
