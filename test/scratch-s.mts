import { loadContent } from '../server/content/load.ts';
import { loadNotes } from '../server/content/notes.ts';
import { engines } from '../simulations/registry.ts';
import { SearchIndex } from '../server/search/search-index.ts';
let t = performance.now();
const content = loadContent({ contentDir: 'content', engines });
const notes = loadNotes('/work/shared/notes');
t = performance.now();
const idx = new SearchIndex(content, notes);
console.log('build', (performance.now() - t).toFixed(1), 'ms', idx.size, 'docs');
for (const [q, lang] of [['taint', 'en'], ['调度', 'zh'], ['调度', 'en'], ['scheduling', 'en'], ['"OR NEAR( *', 'en'], ['OOMKilled', 'zh'], ['pod 调度', 'zh']] as const) {
  t = performance.now();
  const r = idx.search(q, lang);
  console.log(q, lang, (performance.now() - t).toFixed(2), 'ms', r.terms, r.lessons.length, r.notes.length);
  for (const h of [...r.lessons.slice(0, 2), ...r.notes.slice(0, 1)]) console.log('  ', h.href, '|', h.title.slice(0, 50), '|', h.snippet.slice(0, 160));
}
