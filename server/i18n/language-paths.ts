// Each lesson has a URL per language: `/lessons/<slug>` in English and
// `/zh/lessons/<slug>` in Chinese (issue 16), linked to each other with hreflang.
//
// The `/zh` prefix is a language, not a place: a request under it is answered
// by the same routes as the path without it, in Chinese. Opening a `/zh/` page
// chooses Chinese for the learner (the cookie the switch sets), so the pages it
// links to, which carry no prefix, stay Chinese. A learner whose language is
// Chinese who opens a lesson's English-form URL is sent to its Chinese form, so
// the address bar always names the language on screen.

import type { Lang } from '../content/model.ts';

const ZH_PREFIX = /^\/zh(?=\/|\?|$)/;

/** The path without its language prefix, and the language the prefix names (if any). */
export function splitLanguagePrefix(url: string): { lang?: Lang; url: string } {
  if (!ZH_PREFIX.test(url)) return { url };
  const rest = url.slice(3);
  return { lang: 'zh', url: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
}

/** A lesson page's path (and anything under it) in a language: `/zh` before it for Chinese. */
export function lessonPath(lang: Lang, slug: string, rest = ''): string {
  return `${lang === 'zh' ? '/zh' : ''}/lessons/${encodeURIComponent(slug)}${rest}`;
}

/**
 * Where to go back to after the learner switched to `lang`: the same page, in the
 * language form of its URL when it has one (lesson pages); other pages follow the cookie.
 */
export function pathInLanguage(path: string, lang: Lang): string {
  const { url } = splitLanguagePrefix(path);
  return lang === 'zh' && url.startsWith('/lessons/') ? `/zh${url}` : url;
}
