// What the rbac partial needs: terminal transcripts, the reviews table and the who-can matrix.
import type { RbacResult } from './engine.ts';

type L = { en: string; zh: string };

export interface RbacView {
  me: string;
  commands: { prompt: string; out: { text: string; cls: string }[]; why: L | null }[];
  reviews: { who: string; what: string; allowed: boolean; verdict: L; reason: string }[];
  matrix: { namespace: string; header: { resource: string; verbs: string[] }[]; rows: { label: string; cells: { ok: boolean; mark: string; title: string }[] }[] } | null;
  aggregation: { clusterRole: string; selected: string; rules: number; updated: boolean }[];
}

function ruleText(r: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] }): string {
  const parts = [`verbs [${r.verbs.join(' ')}]`];
  if (r.apiGroups?.length) parts.push(`apiGroups [${r.apiGroups.map((g) => (g === '' ? '""' : g)).join(' ')}]`);
  if (r.resources?.length) parts.push(`resources [${r.resources.join(' ')}]`);
  if (r.resourceNames?.length) parts.push(`resourceNames [${r.resourceNames.join(' ')}]`);
  if (r.nonResourceURLs?.length) parts.push(`nonResourceURLs [${r.nonResourceURLs.join(' ')}]`);
  return parts.join(', ');
}

export function buildView(r: RbacResult): RbacView {
  return {
    me: `${r.me.user || '(anonymous)'} · groups: ${r.me.groups.join(', ') || 'none'} · namespace: ${r.me.namespace}`,
    commands: r.commands.map((c) => ({
      prompt: `$ ${c.command}`,
      out: [...c.stderr.map((text) => ({ text, cls: 'rbac-err' })), ...(c.stdout ? c.stdout.split('\n').map((text) => ({ text, cls: c.allowed === false ? 'rbac-no' : c.allowed ? 'rbac-yes' : '' })) : []), { text: `(exit ${c.exitCode})`, cls: 'rbac-muted' }],
      why: c.decidedBy
        ? {
          en: `Allowed as ${c.subject.user}: ${c.decidedBy.description}, rules[${c.decidedBy.ruleIndex}] of ${c.decidedBy.role} (${ruleText(c.decidedBy.rule)}). The authorizer stopped at the first allowing rule, after ${c.rulesVisited}.`,
          zh: `以 ${c.subject.user} 的身份被允许：${c.decidedBy.description}，${c.decidedBy.role} 的 rules[${c.decidedBy.ruleIndex}]（${ruleText(c.decidedBy.rule)}）。鉴权器在第一条允许的规则处停下，共检查了 ${c.rulesVisited} 条。`,
        }
        : c.allowed === false
          ? {
            en: `Denied for ${c.subject.user} (groups ${c.subject.groups.join(', ') || 'none'}): none of the ${c.rulesVisited} rule(s) that apply allows it. RBAC only adds permissions; "no" is the absence of a rule.`,
            zh: `${c.subject.user}（组：${c.subject.groups.join(', ') || '无'}）被拒绝：适用的 ${c.rulesVisited} 条规则没有一条允许它。RBAC 只叠加权限，“no”意味着没有任何规则允许。`,
          }
          : null,
    })),
    reviews: r.reviews.map((v) => ({
      who: `${v.user || '(none)'}${v.groups.length ? ` [${v.groups.join(', ')}]` : ''}`,
      what: v.path ? `${v.verb} ${v.path}` : `${v.verb} ${v.resource}${v.subresource ? `/${v.subresource}` : ''}${v.apiGroup ? `.${v.apiGroup}` : ''}${v.name ? ` ${v.name}` : ''}${v.namespace ? ` -n ${v.namespace}` : ' (cluster-wide)'}`,
      allowed: v.allowed,
      verdict: v.allowed ? { en: 'allowed', zh: '允许' } : { en: 'denied', zh: '拒绝' },
      reason: v.reason || '""',
    })),
    matrix: r.matrix && {
      namespace: r.matrix.namespace || '(cluster-wide)',
      header: r.matrix.resources.map((resource) => ({ resource, verbs: r.matrix!.verbs })),
      rows: r.matrix.subjects.map((s, i) => ({
        label: s.label,
        cells: r.matrix!.cells[i].flatMap((perVerb, j) => perVerb.map((by, k) => ({ ok: by !== null, mark: by !== null ? '✓' : '·', title: by ?? `${r.matrix!.verbs[k]} ${r.matrix!.resources[j]}: no rule` }))),
      })),
    },
    aggregation: r.aggregation.map((a) => ({ clusterRole: a.clusterRole, selected: a.selected.join(', ') || '—', rules: a.rules, updated: a.updated })),
  };
}
