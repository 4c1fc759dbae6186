// The chapter plan (../shared/CURRICULUM.md): the book's table of contents.
// The home page lists every chapter in this order; chapters whose lesson is
// not written yet are shown as planned, without a link.

export interface PlannedChapter {
  number: number;
  slug: string;
  title: { en: string; zh: string };
}

export const CURRICULUM: readonly PlannedChapter[] = [
  { number: 1, slug: 'architecture', title: { en: 'Cluster architecture', zh: '集群架构' } },
  { number: 2, slug: 'pod-creation', title: { en: 'From kubectl create to a running container', zh: '从 kubectl create 到容器运行' } },
  { number: 3, slug: 'pod-lifecycle', title: { en: 'Pod lifecycle', zh: 'Pod 生命周期' } },
  { number: 4, slug: 'resources-oom', title: { en: 'Resources and OOMKilled troubleshooting', zh: '资源与 OOMKilled 排查' } },
  { number: 5, slug: 'declarative-apply', title: { en: 'The declarative API and kubectl apply', zh: '声明式 API 与 kubectl apply' } },
  { number: 6, slug: 'scheduler', title: { en: 'The scheduler', zh: '调度器' } },
  { number: 7, slug: 'controllers', title: { en: 'Controllers and workloads', zh: '控制器与工作负载' } },
  { number: 8, slug: 'etcd', title: { en: 'etcd', zh: 'etcd' } },
  { number: 9, slug: 'informers', title: { en: 'client-go informers', zh: 'client-go Informer 机制' } },
  { number: 10, slug: 'services', title: { en: 'Services and discovery', zh: 'Service 与服务发现' } },
  { number: 11, slug: 'networking', title: { en: 'The network model', zh: '网络模型' } },
  { number: 12, slug: 'ingress', title: { en: 'Nginx, reverse proxies and Ingress', zh: 'Nginx、反向代理与 Ingress' } },
  { number: 13, slug: 'config-security', title: { en: 'ConfigMaps, Secrets, RBAC and certificates', zh: 'ConfigMap、Secret、RBAC 与证书' } },
  { number: 14, slug: 'storage', title: { en: 'Storage: volumes, PV and PVC', zh: '存储：Volume、PV 与 PVC' } },
  { number: 15, slug: 'containers', title: { en: 'How containers work', zh: '容器原理' } },
  { number: 16, slug: 'nodes', title: { en: 'Node lifecycle', zh: 'Node 生命周期' } },
  { number: 17, slug: 'extending', title: { en: 'Extending Kubernetes', zh: '扩展 Kubernetes' } },
];

export function plannedChapter(slug: string): PlannedChapter | undefined {
  return CURRICULUM.find((c) => c.slug === slug);
}
