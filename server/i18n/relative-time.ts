// "in 10 minutes", "in 3 days", "2 hours ago" (and 10分钟后, 3天后) for the
// review page, through Intl.RelativeTimeFormat in the page's language.

import type { Lang } from '../content/model.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const formats = new Map<Lang, Intl.RelativeTimeFormat>();

/** `at` relative to `now` (both RFC 3339), in the largest unit that fits, rounded; under a minute is "now". */
export function relativeTime(lang: Lang, at: string, now: string): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
    formats.set(lang, format);
  }
  const seconds = (Date.parse(at) - Date.parse(now)) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}
