// UI strings in English and Chinese. Lesson text lives in content/; these are
// only the words of the interface around it. Every key exists in both languages
// (test/http/i18n.test.ts checks it).

import type { Lang } from '../content/model.ts';

export const STRINGS = {
  en: {
    'site.tagline': 'Learn Kubernetes internals for the interview: read, run real manifests, predict, check.',
    'skip': 'Skip to content',
    'nav.lessons': 'Lessons',
    'nav.progress': 'Progress',
    'nav.main': 'Main',
    'prefs.language': 'Language',
    'prefs.theme': 'Theme',
    'prefs.theme.light': 'Light',
    'prefs.theme.dark': 'Dark',
    'prefs.theme.system': 'Auto',
    'home.title': 'Chapters',
    'home.continue': 'Continue where you left off',
    'home.planned': 'planned',
    'home.howto.title': 'How it works',
    'home.howto.body':
      'Each chapter is a notebook. Read the prose, then edit the Kubernetes YAML in a simulation cell and run it: the result appears right below, with a step-by-step explanation. Quizzes ask you to predict what the simulation will do; the server checks your answer against what it computes. Your edits and answers are saved on this server.',
    'progress.quizzes': 'quizzes',
    'progress.correct': 'correct',
    'progress.answered': 'answered',
    'progress.cellsRun': 'simulations run',
    'progress.title': 'Your progress',
    'progress.missed': 'Questions to review',
    'progress.missed.none': 'Nothing to review: every question you answered, you answered right the first time.',
    'progress.export': 'Download my progress (JSON)',
    'progress.import': 'Import progress',
    'progress.import.help': 'Move your progress to another browser: download it here, then import the file there.',
    'progress.import.button': 'Import',
    'progress.imported': 'Imported {cells} and {attempts}.',
    'progress.chapter': 'Chapter',
    'progress.empty': 'No lessons yet.',
    'lesson.contents': 'Contents',
    'lesson.prev': 'Previous',
    'lesson.next': 'Next',
    'lesson.sources': 'Covers these parts of the source notes',
    'lesson.sources.all': 'All the source notes',
    'notes.title': 'Source notes',
    'notes.intro': 'The study notes these lessons are built from, as they are: in Chinese, read-only, with numbered lines. A lesson’s “Note check” links to the lines it corrects.',
    'notes.note': 'Note {id}',
    'notes.lines.one': '{count} line',
    'notes.lines.other': '{count} lines',
    'notes.original': 'The Chinese original, shown as it is. Where it is wrong, the lessons say so in a “Note check”.',
    'notes.marked': 'Cited lines {first}–{last}',
    'notes.line': 'line {n}',
    'notes.breadcrumbs': 'Where you are',
    'lesson.translationMissing': 'This chapter is not translated yet; showing the English version.',
    'sim.label': 'Simulation',
    'sim.editor': 'Scenario (Kubernetes YAML)',
    'sim.run': 'Run',
    'sim.reset': 'Reset',
    'sim.shortcut': 'Ctrl+Enter runs',
    'sim.edited': 'your edited version (saved)',
    'sim.default': 'default scenario',
    'sim.runs.one': '{count} run',
    'sim.runs.other': '{count} runs',
    'sim.error': 'The scenario cannot run',
    'sim.error.line': 'line {line}, column {column}',
    'sim.error.lineOnly': 'line {line}',
    'sim.error.empty': 'The scenario is empty: write or paste Kubernetes YAML, or press Reset for the lesson’s scenario.',
    'sim.error.tooLong': 'The scenario is longer than {limit} characters: shorten it and run again.',
    'sim.error.staleForm': 'This form has expired (its security token is stale): reload the page and run again.',
    'sim.error.rateLimited': 'Too many runs in a minute: wait {seconds} s and run again.',
    'sim.error.path': 'Field:',
    'sim.error.snippet': 'Where in the scenario',
    'sim.error.notSaved': 'This scenario was not saved: the editor shows what you sent, and the page keeps your last saved version until a run succeeds.',
    'sim.error.tooLarge': 'The scenario is larger than the 256 KiB a run accepts; it was not saved. The editor shows your last saved version.',
    'js.running': 'Running…',
    'js.failed': 'The request failed; check your connection and try again.',
    'js.edited': 'your edited version (saved)',
    'js.default': 'default scenario',
    'js.checking': 'Checking…',
    'js.loading': 'Loading…',
    'js.detailFailed': 'Could not load this. Open it on its own page instead.',
    'js.errorTitle': 'The scenario cannot run',
    'js.showLastGood': 'Show the last result that ran',
    'js.lastGoodNote': 'This is the last result that ran. The editor still holds the scenario with the error.',
    'js.showError': 'Show the error again',
    'js.predictEdited': 'You have edited this simulation’s scenario. This question is about the lesson’s scenario, not yours: it is graded against what the simulation computes for the lesson’s version.',
    'js.showScenario': 'Show the lesson’s scenario',
    'sim.why': 'Why: step by step',
    'sim.json': 'Raw result (JSON)',
    'sim.running': 'Running…',
    'sim.failed': 'The request failed; check your connection and try again.',
    'sim.predictFirst': 'Predict first: the result of this scenario answers the questions below, so it is shown once you have answered them. Or press Run to see it now.',
    'sim.predictFirst.questions': 'Questions about this result:',
    'sim.budget': 'This run stopped early at its {reason} budget ({limit}); what follows is the part computed before it.',
    'sim.budget.at': 'The clock stopped at {at}.',
    'quiz.label': 'Quiz',
    'quiz.predict': 'Predict',
    'quiz.check': 'Check answer',
    'quiz.yourAnswer': 'Your answer',
    'quiz.correctAnswer': 'Correct answer',
    'quiz.right': 'Right.',
    'quiz.wrong': 'Not quite.',
    'quiz.why': 'Why',
    'quiz.followUp': 'The interviewer asks next',
    'quiz.followUp.show': 'Show an answer',
    'quiz.seen': 'Right this time, after seeing the answer.',
    'quiz.seen.note': 'Your first answer was wrong, and the answer was shown then: this counts as seen, not learned, and the question stays in Questions to review.',
    'quiz.firstRight.note': 'Your first answer was right: that is the one that counts.',
    'quiz.attempts.one': '{count} attempt',
    'quiz.attempts.other': '{count} attempts',
    'quiz.predict.edited': 'You have edited this simulation’s scenario. This question is about the lesson’s scenario, not yours: it is graded against what the simulation computes for the lesson’s version.',
    'quiz.predict.showScenario': 'Show the lesson’s scenario',
    'quiz.predict.seeResult': 'See the simulation’s result',
    'scenario.title': 'The lesson’s scenario: {cell}',
    'progress.seen': 'answered right after seeing the answer',
    'progress.imported.cells.one': '{count} edited cell',
    'progress.imported.cells.other': '{count} edited cells',
    'progress.imported.answers.one': '{count} answer',
    'progress.imported.answers.other': '{count} answers',
    'progress.imported.upToDate': 'Already up to date: the file holds nothing that is not here already.',
    'quiz.predict.note': 'Graded against what the simulation computes for the cell’s default scenario.',
    'quiz.placeholder.text': 'Type your answer',
    'quiz.placeholder.number': 'A number',
    'quiz.choiceWhy': 'About each choice',
    'quiz.none': 'none',
    'detail.back': 'Back to the cell',
    'notFound.title': 'Page not found',
    'notFound.body': 'There is no page here. The lesson may have moved.',
    'notFound.home': 'Back to the chapters',
    'error.title': 'Something went wrong',
    'error.body': 'The request could not be completed.',
    'shortcuts.title': 'Keyboard shortcuts',
  },
  zh: {
    'site.tagline': '为面试学习 Kubernetes 内部原理：阅读、运行真实清单、预测、核对。',
    'skip': '跳到正文',
    'nav.lessons': '课程',
    'nav.progress': '进度',
    'nav.main': '主导航',
    'prefs.language': '语言',
    'prefs.theme': '主题',
    'prefs.theme.light': '浅色',
    'prefs.theme.dark': '深色',
    'prefs.theme.system': '跟随系统',
    'home.title': '章节',
    'home.continue': '从上次离开的地方继续',
    'home.planned': '计划中',
    'home.howto.title': '使用方法',
    'home.howto.body':
      '每一章都是一本笔记本。先读正文，再在模拟单元里修改 Kubernetes YAML 并运行：结果就显示在下方，并附有逐步解释。测验会让你预测模拟的结果，服务器用模拟实际算出的结果来判分。你的修改和答案都保存在这台服务器上。',
    'progress.quizzes': '测验',
    'progress.correct': '答对',
    'progress.answered': '已答',
    'progress.cellsRun': '已运行的模拟',
    'progress.title': '学习进度',
    'progress.missed': '需要复习的题目',
    'progress.missed.none': '没有需要复习的题目：你回答过的每道题，第一次就答对了。',
    'progress.export': '下载我的进度（JSON）',
    'progress.import': '导入进度',
    'progress.import.help': '把进度搬到另一个浏览器：在这里下载文件，再到那边导入。',
    'progress.import.button': '导入',
    'progress.imported': '已导入{cells}和{attempts}。',
    'progress.chapter': '章节',
    'progress.empty': '还没有课程。',
    'lesson.contents': '目录',
    'lesson.prev': '上一章',
    'lesson.next': '下一章',
    'lesson.sources': '本章覆盖的笔记内容',
    'lesson.sources.all': '全部源笔记',
    'notes.title': '源笔记',
    'notes.intro': '这些课程所依据的学习笔记，原样呈现：中文原文、只读、带行号。课程里的“笔记纠错”会链接到它所纠正的那几行。',
    'notes.note': '笔记 {id}',
    'notes.lines.one': '{count} 行',
    'notes.lines.other': '{count} 行',
    'notes.original': '中文原文，原样呈现。其中有误的地方，课程会在“笔记纠错”中指出。',
    'notes.marked': '被引用的第 {first}–{last} 行',
    'notes.line': '第 {n} 行',
    'notes.breadcrumbs': '当前位置',
    'lesson.translationMissing': '本章尚未翻译，暂时显示英文版。',
    'sim.label': '模拟',
    'sim.editor': '场景（Kubernetes YAML）',
    'sim.run': '运行',
    'sim.reset': '重置',
    'sim.shortcut': 'Ctrl+Enter 运行',
    'sim.edited': '你修改过的版本（已保存）',
    'sim.default': '默认场景',
    'sim.runs.one': '{count} 次运行',
    'sim.runs.other': '{count} 次运行',
    'sim.error': '场景无法运行',
    'sim.error.line': '第 {line} 行，第 {column} 列',
    'sim.error.lineOnly': '第 {line} 行',
    'sim.error.empty': '场景是空的：请写入或粘贴 Kubernetes YAML，或点“重置”恢复课程的场景。',
    'sim.error.tooLong': '场景超过了 {limit} 个字符：请删减后再运行。',
    'sim.error.staleForm': '这个表单已过期（安全令牌失效）：请刷新页面后再运行。',
    'sim.error.rateLimited': '一分钟内运行次数过多：请等待 {seconds} 秒后再运行。',
    'sim.error.path': '字段：',
    'sim.error.snippet': '场景中出错的位置',
    'sim.error.notSaved': '这个场景没有保存：编辑器里是你提交的内容，页面仍保留你上次保存的版本，直到运行成功。',
    'sim.error.tooLarge': '场景超过了一次运行允许的 256 KiB，没有保存。编辑器里是你上次保存的版本。',
    'js.running': '运行中…',
    'js.failed': '请求失败，请检查网络后重试。',
    'js.edited': '你修改过的版本（已保存）',
    'js.default': '默认场景',
    'js.checking': '检查中…',
    'js.loading': '加载中…',
    'js.detailFailed': '加载失败，请在单独的页面中打开。',
    'js.errorTitle': '场景无法运行',
    'js.showLastGood': '显示上一次成功运行的结果',
    'js.lastGoodNote': '这是上一次成功运行的结果。编辑器里仍是出错的场景。',
    'js.showError': '再次显示错误',
    'js.predictEdited': '你修改过这个模拟的场景。这道题问的是课程里的原始场景，不是你的版本：判分依据的是模拟对原始场景的计算结果。',
    'js.showScenario': '查看课程的原始场景',
    'sim.why': '为什么：逐步解释',
    'sim.json': '原始结果（JSON）',
    'sim.running': '运行中…',
    'sim.failed': '请求失败，请检查网络后重试。',
    'sim.predictFirst': '先预测：这个场景的结果就是下面几道题的答案，所以答完题后才显示。也可以现在点“运行”直接查看。',
    'sim.predictFirst.questions': '关于这个结果的题目：',
    'sim.budget': '本次运行达到 {reason} 上限（{limit}）后提前停止；下面是停止前算出的部分。',
    'sim.budget.at': '虚拟时钟停在 {at}。',
    'quiz.label': '测验',
    'quiz.predict': '预测',
    'quiz.check': '检查答案',
    'quiz.yourAnswer': '你的答案',
    'quiz.correctAnswer': '正确答案',
    'quiz.right': '答对了。',
    'quiz.wrong': '不太对。',
    'quiz.why': '原因',
    'quiz.followUp': '面试官接着会问',
    'quiz.followUp.show': '查看参考答案',
    'quiz.seen': '这次答对了，但是在看过答案之后。',
    'quiz.seen.note': '你第一次答错了，当时已经显示了答案：这次只算“看过答案”，不算掌握，这道题仍留在“需要复习的题目”里。',
    'quiz.firstRight.note': '你第一次就答对了：算数的是第一次。',
    'quiz.attempts.one': '{count} 次作答',
    'quiz.attempts.other': '{count} 次作答',
    'quiz.predict.edited': '你修改过这个模拟的场景。这道题问的是课程里的原始场景，不是你的版本：判分依据的是模拟对原始场景的计算结果。',
    'quiz.predict.showScenario': '查看课程的原始场景',
    'quiz.predict.seeResult': '查看模拟结果',
    'scenario.title': '课程的原始场景：{cell}',
    'progress.seen': '看过答案后才答对',
    'progress.imported.cells.one': '{count} 个修改过的单元',
    'progress.imported.cells.other': '{count} 个修改过的单元',
    'progress.imported.answers.one': '{count} 个答案',
    'progress.imported.answers.other': '{count} 个答案',
    'progress.imported.upToDate': '已是最新：文件里没有这里还没有的内容。',
    'quiz.predict.note': '按模拟对该单元默认场景的计算结果判分。',
    'quiz.placeholder.text': '输入你的答案',
    'quiz.placeholder.number': '一个数字',
    'quiz.choiceWhy': '各选项解析',
    'quiz.none': '无',
    'detail.back': '返回该单元',
    'notFound.title': '页面不存在',
    'notFound.body': '这里没有页面，课程可能已经移动。',
    'notFound.home': '返回章节列表',
    'error.title': '出错了',
    'error.body': '请求未能完成。',
    'shortcuts.title': '键盘快捷键',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type StringKey = keyof (typeof STRINGS)['en'];

/** Looks up a UI string, filling `{name}` placeholders. Unknown keys are returned as-is (and caught by tests). */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const table = STRINGS[lang] as Record<string, string>;
  const text = table[key] ?? (STRINGS.en as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), zh: new Intl.PluralRules('zh-CN') };

/**
 * A string that depends on a count, through Intl.PluralRules: `key.one`,
 * `key.other` (and whichever other forms a language uses) with `{count}` filled in.
 *
 * @example
 *   plural('en', 'quiz.attempts', 1) // → '1 attempt'
 *   plural('en', 'quiz.attempts', 2) // → '2 attempts'
 *   plural('zh', 'quiz.attempts', 1) // → '1 次作答'
 */
export function plural(lang: Lang, key: string, count: number, params: Record<string, unknown> = {}): string {
  const form = pluralRules[lang].select(count);
  const table = STRINGS[lang] as Record<string, string>;
  const formKey = `${key}.${form}` in table ? `${key}.${form}` : `${key}.other`;
  return translate(lang, formKey, { ...params, count: count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') });
}

/** The strings the page script uses (keys `js.*`, without the prefix), as JSON (the layout puts it in a meta tag). */
export function clientStrings(lang: Lang): string {
  const table = STRINGS[lang] as Record<string, string>;
  const picked = Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith('js.')).map(([k, v]) => [k.slice(3), v]));
  return JSON.stringify(picked);
}

/** The UI language: an explicit choice (cookie) first, then Accept-Language, then English. */
export function pickLanguage(cookieValue: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookieValue === 'en' || cookieValue === 'zh') return cookieValue;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
