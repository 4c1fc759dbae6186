// A Chinese lesson is written in Chinese: no English prose is left in a zh.md.
// English is allowed where a Chinese engineer reads it in English on a real
// cluster or in the code: fenced blocks (scenarios, YAML, shell, kubectl
// output), inline code, Kubernetes kinds, components, field names and status
// strings (capitalised or written as identifiers), a quiz's choice values and
// short answers, and the terms of the glossary in docs/CONTENT.md that the
// Chinese community keeps in English (requests, limits, phase, reason ...).
// What is refused is a run of ordinary English words: a sentence or a clause
// that was not translated.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { splitLesson } from '../../server/content/split-lesson.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

/**
 * Lower-case English words a Chinese lesson may use as they are: the terms
 * Chinese engineers write in English (see the glossary in docs/CONTENT.md),
 * and kubectl's verbs and printed outcomes.
 * Capitalised words (Pod, Deployment, Running, OOMKilled) and identifiers
 * (`kube-proxy`, `spec.nodeName`, `v1.33`) are names and always allowed.
 */
const TERMS = new Set(
  `
  kubelet kubectl kubeadm containerd crictl etcd cgroup cgroups namespace namespaces
  pod pods node nodes container containers sidecar sidecars init
  spec status phase condition conditions reason message labels annotation annotations
  request requests limit limits allocatable capacity taint taints toleration tolerations
  profile profiles plugin plugins filter score bind binding watch
  tag digest image registry webhook webhooks admission finalizers
  patch merge replace strategic retainkeys original current modified
  apply diff scale run create edit label delete describe logs top get
  dry throttle working set readiness liveness startup gate gates
  term terms preferred required fields subresource manager managers
  topology spread constraint constraints burst bin-packing round-robin jitter
  configured unchanged created serverside-applied
  true false null none n/a
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** A stretch of text with no Chinese in it is untranslated when it has this many ordinary English words. */
const MIN_ENGLISH_WORDS = 3;

/** Chinese characters and full-width punctuation: what separates one stretch of Latin text from the next. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]+/u;

/** Removes what is English by design: inline code, link targets, Markdown marks, HTML entities. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/(`+)[\s\S]*?\1/g, ' § ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*_[\]#>|]/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
}

/**
 * The stretches of untranslated English in a piece of Markdown. A stretch is
 * the text between two Chinese characters; it is English prose when it holds
 * at least MIN_ENGLISH_WORDS ordinary words: lower-case words that are not
 * glossary terms, plus a capitalised first word ("The", "Run", "Why").
 * `englishRuns('调度器只给 Pod 选节点，it never moves running Pods。')` is
 * `['it never moves running Pods']`.
 */
function englishRuns(markdown: string): string[] {
  const runs: string[] = [];
  for (const stretch of visibleText(markdown).split(CHINESE)) {
    const words = stretch
      .split(/[^\p{L}\p{N}'._/-]+/u)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter(Boolean);
    const ordinary = (w: string) => /^[a-z][a-z']*$/.test(w) && !TERMS.has(w);
    let count = words.filter(ordinary).length;
    if (words.length > 1 && /^[A-Z][a-z]+$/.test(words[0]) && !TERMS.has(words[0].toLowerCase()) && ordinary(words[1])) count++;
    if (count >= MIN_ENGLISH_WORDS) runs.push(stretch.replace(/§/g, '`…`').trim().replace(/[\s.,;:!?]+$/, ''));
  }
  return runs;
}

interface Finding {
  where: string;
  english: string;
}

/** Every untranslated run in a zh.md, with file:line (and the quiz field). */
function findEnglish(text: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const split = splitLesson(text, file);
  const front = parseYaml(split.frontMatter) as Record<string, unknown>;
  const lines = text.split('\n');
  for (const field of ['title', 'summary'] as const) {
    const line = lines.findIndex((l) => l.startsWith(`${field}:`)) + 1;
    for (const english of englishRuns(String(front[field] ?? ''))) findings.push({ where: `${file}:${line} (${field})`, english });
  }
  for (const block of split.blocks) {
    if (block.kind === 'sim') continue; // the scenario is Kubernetes YAML, byte for byte the en.md one
    if (block.kind === 'prose') {
      // Fenced blocks inside prose (```yaml, ```bash, ```text) are code.
      let fence: string | undefined;
      block.text.split('\n').forEach((line, i) => {
        const open = /^\s*(`{3,}|~{3,})/.exec(line);
        if (open) {
          if (fence === undefined) fence = open[1];
          else if (open[1].startsWith(fence)) fence = undefined;
          return;
        }
        if (fence !== undefined) return;
        for (const english of englishRuns(line)) findings.push({ where: `${file}:${block.line + i}`, english });
      });
      continue;
    }
    if (block.kind === 'challenge') {
      // The scenarios and checks are Kubernetes YAML and result paths; the words around them are Chinese.
      const challenge = parseYaml(block.body) as Record<string, unknown>;
      const fields: [string, unknown][] = [
        ['title', challenge.title],
        ['task', challenge.task],
        ['solution.explain', (challenge.solution as Record<string, unknown> | undefined)?.explain],
      ];
      ((challenge.objectives as Record<string, unknown>[] | undefined) ?? []).forEach((o, i) => fields.push([`objectives[${i}].text`, o.text]));
      ((challenge.hints as unknown[] | undefined) ?? []).forEach((h, i) => fields.push([`hints[${i}]`, h]));
      for (const [name, value] of fields) {
        if (typeof value !== 'string') continue;
        for (const english of englishRuns(value)) findings.push({ where: `${file}:${block.line} (challenge "${block.id}" ${name})`, english });
      }
      continue;
    }
    const quiz = parseYaml(block.body) as Record<string, unknown>;
    const fields: [string, unknown][] = [
      ['prompt', quiz.prompt],
      ['explain', quiz.explain],
      ['followUp.question', (quiz.followUp as Record<string, unknown> | undefined)?.question],
      ['followUp.answer', (quiz.followUp as Record<string, unknown> | undefined)?.answer],
    ];
    ((quiz.choices as Record<string, unknown>[] | undefined) ?? []).forEach((choice, i) => {
      // A choice's `value` is what the engine computes (a node name, a status, an event message): English by design.
      fields.push([`choices[${i}].text`, choice.text], [`choices[${i}].label`, choice.label], [`choices[${i}].explain`, choice.explain]);
    });
    for (const [name, value] of fields) {
      if (typeof value !== 'string') continue;
      for (const english of englishRuns(value)) findings.push({ where: `${file}:${block.line} (quiz "${block.id}" ${name})`, english });
    }
  }
  return findings;
}

describe('zh.md has no English prose left', () => {
  it('finds an untranslated sentence, and an untranslated clause inside Chinese', () => {
    assert.deepEqual(englishRuns('The scheduler only places Pods that have no node.'), ['The scheduler only places Pods that have no node']);
    assert.deepEqual(englishRuns('调度器只给 Pod 选节点，it never moves running Pods。'), ['it never moves running Pods']);
    const lesson = '---\ntitle: "调度器"\nsummary: "Why a Pod is Pending."\norder: 6\nsources: ["000: x (lines 1-2)"]\ntags: [t]\n---\n\n## 调度\n\nRun the cell and read the events.\n';
    assert.deepEqual(findEnglish(lesson, 'zh.md'), [
      { where: 'zh.md:3 (summary)', english: 'Why a Pod is Pending' },
      { where: 'zh.md:11', english: 'Run the cell and read the events' },
    ]);
    const quiz = '---\ntitle: "调度器"\nsummary: "为什么 Pending"\norder: 6\nsources: ["000: x (lines 1-2)"]\ntags: [t]\n---\n\n```quiz id=q\ntype: single\nprompt: 哪个？\nchoices:\n  - text: 对\n    correct: true\n    explain: Because the taint is not tolerated.\nexplain: 解释\nfollowUp:\n  question: 问\n  answer: 答\n```\n';
    assert.deepEqual(findEnglish(quiz, 'zh.md'), [{ where: 'zh.md:9 (quiz "q" choices[0].explain)', english: 'Because the taint is not tolerated' }]);
    const challenge = '---\ntitle: "调度器"\nsummary: "为什么 Pending"\norder: 6\nsources: ["000: x (lines 1-2)"]\ntags: [t]\n---\n\n```challenge scheduler id=c file=a.yaml\ntitle: 修好它\ntask: 两个副本 Pending。\nobjectives:\n  - check: pods[name=web-1].node != null\n    text: 副本被调度\nhints: ["Read the message first."]\nsolution:\n  file: b.yaml\n  explain: 因为污点。\n```\n';
    assert.deepEqual(findEnglish(challenge, 'zh.md'), [{ where: 'zh.md:9 (challenge "c" hints[0])', english: 'Read the message first' }]);
  });

  it('accepts code, YAML, kubectl output, Kubernetes names and the glossary terms', () => {
    const ok = [
      '调度器通过 `binding` 子资源写回 `spec.nodeName`，消息是 `0/3 nodes are available: 3 Insufficient cpu.`。',
      'Pod 的 phase 是 **Running**；容器处于 `Waiting`，reason 为 `CrashLoopBackOff`。',
      'request 是预留，limit 是上限；kubelet 按 QoS 设置 oom_score_adj。',
      '节点被打上 `node.kubernetes.io/memory-pressure:NoSchedule` 污点，见 [官方文档](https://kubernetes.io/docs/concepts/)。',
      'Vertical Pod Autoscaler（VPA）、Server-Side Apply 与 HorizontalPodAutoscaler。',
    ];
    for (const line of ok) assert.deepEqual(englishRuns(line), [], line);
    const lesson = '---\ntitle: "调度器"\nsummary: "为什么 Pending"\norder: 6\nsources: ["000: the scheduler (lines 1-2)"]\ntags: [t]\n---\n\n```yaml\n# a filter; ScheduleAnyway makes it a score\nwhenUnsatisfiable: DoNotSchedule\n```\n\n```sim scheduler id=s\n# Already running on node-big: most of its CPU is requested.\nkind: Node\n```\n\n```text\n0/2 nodes are available: 2 node(s) didn\'t match pod anti-affinity rules.\n```\n';
    assert.deepEqual(findEnglish(lesson, 'zh.md'), []);
  });

  const lessons = existsSync(contentDir)
    ? readdirSync(contentDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(contentDir, e.name, 'zh.md')))
        .map((e) => `content/${e.name}/zh.md`)
    : [];

  it('every zh.md in content/ is Chinese outside code, YAML, Kubernetes names and kubectl output', { skip: lessons.length === 0 && 'no zh.md yet' }, () => {
    const findings = lessons.flatMap((file) => findEnglish(readFileSync(join(contentDir, '..', file), 'utf8'), file));
    assert.deepEqual(
      findings.map((f) => `${f.where}: "${f.english}"`),
      [],
      'English left in a Chinese lesson: translate it, or put Kubernetes output and names in `inline code`',
    );
  });
});
