// HTML escaping for text the server puts into HTML itself. Kept apart from
// content/markdown.ts so that request-time code never loads the Markdown parser.

/** Escapes &, <, >, " and ' for use in element text and quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
