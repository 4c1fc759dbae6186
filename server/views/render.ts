// Compiles every template once at start-up: pages, the layout, shared
// partials (views/partials/**) and each engine's partials
// (simulations/<id>/views/*.hbs, registered as "<id>/<name>"). Also bundles the
// stylesheet and script the pages load, fingerprinted so they can be cached.

import Handlebars from 'handlebars';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Lang } from '../content/model.ts';
import { clientStrings, plural, translate } from '../i18n/strings.ts';
import { lessonPath } from '../i18n/language-paths.ts';
import { constants, gzipSync } from 'node:zlib';
import { gzipPieces, precompressedChain, type Piece } from './gzip-pieces.ts';

export interface Asset {
  path: string;
  body: Buffer;
  type: string;
  /** The body gzipped, made on first use. */
  gzipped(): Buffer;
}

function asset(path: string, body: Buffer, type: string): Asset {
  let gzipped: Buffer | undefined;
  return { path, body, type, gzipped: () => (gzipped ??= gzipSync(body, { level: constants.Z_BEST_COMPRESSION })) };
}

const SLOT_NONCE = randomBytes(6).toString('hex');

/**
 * HTML rendered once and kept as UTF-8 bytes (a cell that shows the same thing
 * to every learner who has not touched it), with holes where the request's
 * CSRF token goes: render it with `csrfToken: Fragment.CSRF_PLACEHOLDER`.
 */
export class Fragment {
  /** Only [a-z0-9-], so escaping leaves it as it is inside an attribute. */
  static readonly CSRF_PLACEHOLDER = `kn-csrf-${SLOT_NONCE}`;
  /** Compressed pieces, by the length of the token that goes between them. */
  private readonly compressed = new Map<number, readonly Piece[]>();
  private constructor(readonly pieces: readonly Buffer[]) {}

  static of(html: string): Fragment {
    return new Fragment(html.split(Fragment.CSRF_PLACEHOLDER).map((piece) => Buffer.from(piece)));
  }

  /** Fragments sent one after the other, as one (compresses better than each alone). */
  static concat(fragments: readonly Fragment[]): Fragment {
    const pieces: Buffer[] = [];
    let open: Buffer[] = [];
    for (const fragment of fragments) {
      fragment.pieces.forEach((piece, i) => {
        if (i > 0) {
          pieces.push(Buffer.concat(open));
          open = [];
        }
        open.push(piece);
      });
    }
    pieces.push(Buffer.concat(open));
    return new Fragment(pieces);
  }

  /** Total size, for cache accounting. */
  get byteLength(): number {
    return this.pieces.reduce((sum, piece) => sum + piece.length, 0);
  }

  /**
   * The pieces with their compressed form, compressed the first time a gzip
   * response with a token of this length needs them (a deployment's tokens
   * all have one length).
   */
  precompressed(tokenLength: number): readonly Piece[] {
    let pieces = this.compressed.get(tokenLength);
    if (!pieces) {
      pieces = precompressedChain(this.pieces, tokenLength);
      if (this.compressed.size < 4) this.compressed.set(tokenLength, pieces);
    }
    return pieces;
  }
}

/** A Map of fragments that drops its oldest entries once their bytes pass the bound. */
export class FragmentCache {
  private readonly entries = new Map<string, Fragment>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string, make: () => Fragment): Fragment {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const made = make();
    this.entries.set(key, made);
    this.bytes += made.byteLength;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes || oldKey === key) break;
      this.entries.delete(oldKey);
      this.bytes -= old.byteLength;
    }
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A page ready to send, as it is or gzipped. */
export class PageBody {
  constructor(private readonly parts: readonly (Buffer | Fragment)[], private readonly token: Buffer) {}

  identity(): Buffer {
    return Buffer.concat(this.flatten((fragment) => fragment.pieces.map((raw) => ({ raw }))).map((piece) => piece.raw));
  }

  gzip(): Buffer {
    return gzipPieces(this.flatten((fragment) => fragment.precompressed(this.token.length)));
  }

  private flatten(piecesOf: (fragment: Fragment) => readonly Piece[]): Piece[] {
    const out: Piece[] = [];
    for (const part of this.parts) {
      if (!(part instanceof Fragment)) {
        out.push({ raw: part });
        continue;
      }
      piecesOf(part).forEach((piece, i) => {
        if (i > 0) out.push({ raw: this.token });
        out.push(piece);
      });
    }
    return out;
  }
}

/**
 * Pre-encoded HTML for a page: `marker(bytes)` goes into the model where the
 * bytes belong, and `splice` puts them in. Encoding the whole page string to
 * UTF-8 (and flattening it first) on every request was most of a lesson
 * page's cost; with slots, the large parts are encoded once.
 */
export class ByteSlots {
  private static readonly prefix = `<!--kn-slot:${SLOT_NONCE}:`;
  private readonly parts: (Buffer | Fragment)[] = [];
  private readonly token: Buffer;

  /** `csrfToken`: what fills the holes of the fragments spliced in. */
  constructor(csrfToken = '') {
    this.token = Buffer.from(csrfToken);
  }

  /** The placeholder to render (unescaped) in place of `content`. */
  marker(content: Buffer | Fragment): string {
    this.parts.push(content);
    return `${ByteSlots.prefix}${this.parts.length - 1}-->`;
  }

  /** The rendered page with every placeholder replaced by its bytes. */
  splice(html: string): PageBody {
    const out: (Buffer | Fragment)[] = [];
    let from = 0;
    for (;;) {
      const at = html.indexOf(ByteSlots.prefix, from);
      if (at < 0) break;
      const end = html.indexOf('-->', at);
      out.push(Buffer.from(html.slice(from, at)), this.parts[Number(html.slice(at + ByteSlots.prefix.length, end))]);
      from = end + 3;
    }
    out.push(Buffer.from(html.slice(from)));
    return new PageBody(out, this.token);
  }
}

export interface Views {
  page(name: string, model: Record<string, unknown>): string;
  /** The page as bytes, with the slots' bytes spliced in. */
  pageBytes(name: string, model: Record<string, unknown>, slots: ByteSlots): PageBody;
  partial(name: string, context: Record<string, unknown>): string;
  hasPartial(name: string): boolean;
  /** Fingerprinted bundles and static files, by URL path. */
  assets: Map<string, Asset>;
  assetUrls: { css: string; js: string; editor?: string };
}

export interface ViewsOptions {
  viewsDir: string;
  simulationsDir: string;
  /** The code editor's bundle (editor-bundle.ts); without it lesson pages keep the plain textarea. */
  editorBundle?: Buffer;
}

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return walk(full, ext);
      return full.endsWith(ext) ? [full] : [];
    });
}

function langOf(options: Handlebars.HelperOptions): Lang {
  const root = options.data?.root as { lang?: Lang } | undefined;
  return root?.lang === 'zh' ? 'zh' : 'en';
}

export function createViews({ viewsDir, simulationsDir, editorBundle }: ViewsOptions): Views {
  const hbs = Handlebars.create();

  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hbs.registerHelper('lt', (a: number, b: number) => a < b);
  hbs.registerHelper('gt', (a: number, b: number) => a > b);
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('inc', (a: number) => Number(a) + 1);
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));
  hbs.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
  );
  hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    return translate(langOf(options), key, options.hash ?? {});
  });

  // A lesson's page in the page's language: /lessons/<slug> or /zh/lessons/<slug> (i18n/language-paths.ts).
  hbs.registerHelper('lessonHref', function (this: unknown, slug: unknown, options: Handlebars.HelperOptions) {
    return lessonPath(langOf(options), String(slug));
  });

  hbs.registerHelper('plural', function (this: unknown, key: string, count: unknown, options: Handlebars.HelperOptions) {
    return plural(langOf(options), key, Number(count), options.hash ?? {});
  });

  const partialNames = new Set<string>();
  const partialsDir = join(viewsDir, 'partials');
  for (const file of walk(partialsDir, '.hbs')) {
    const name = relative(partialsDir, file).replace(/\\/g, '/').replace(/\.hbs$/, '');
    hbs.registerPartial(name, hbs.compile(readFileSync(file, 'utf8'), { strict: false }));
    partialNames.add(name);
  }
  const engineCss: string[] = [];
  const engineJs: string[] = [];
  for (const folder of existsSync(simulationsDir) ? readdirSync(simulationsDir).sort() : []) {
    const dir = join(simulationsDir, folder, 'views');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const file of walk(dir, '.hbs')) {
      const name = `${folder}/${relative(dir, file).replace(/\\/g, '/').replace(/\.hbs$/, '')}`;
      hbs.registerPartial(name, hbs.compile(readFileSync(file, 'utf8')));
      partialNames.add(name);
    }
    for (const file of walk(dir, '.css')) engineCss.push(`/* ${folder}/${relative(dir, file)} */\n${readFileSync(file, 'utf8')}`);
    for (const file of walk(dir, '.client.js')) engineJs.push(`/* ${folder}/${relative(dir, file)} */\n${readFileSync(file, 'utf8')}`);
  }

  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of walk(join(viewsDir, 'pages'), '.hbs')) {
    pages.set(relative(join(viewsDir, 'pages'), file).replace(/\.hbs$/, ''), hbs.compile(readFileSync(file, 'utf8')));
  }
  const layout = hbs.compile(readFileSync(join(viewsDir, 'layouts', 'main.hbs'), 'utf8'));

  // Assets: one stylesheet and one script, fingerprinted; plus static files (icons).
  const assets = new Map<string, Asset>();
  const bundle = (parts: string[], ext: 'css' | 'js', type: string) => {
    const body = Buffer.from(parts.join('\n\n'));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const path = `/assets/app.${hash}.${ext}`;
    assets.set(path, asset(path, body, type));
    return path;
  };
  const assetDir = join(viewsDir, 'assets');
  const css = bundle(
    [...walk(join(assetDir, 'css'), '.css').map((f) => readFileSync(f, 'utf8')), ...engineCss],
    'css',
    'text/css; charset=utf-8',
  );
  const js = bundle(
    [...walk(join(assetDir, 'js'), '.js').map((f) => readFileSync(f, 'utf8')), ...engineJs],
    'js',
    'text/javascript; charset=utf-8',
  );
  // The code editor: its own bundle, loaded by app.js on lesson pages only, after the first paint.
  let editor: string | undefined;
  if (editorBundle) {
    editor = `/assets/editor.${createHash('sha256').update(editorBundle).digest('hex').slice(0, 12)}.js`;
    assets.set(editor, asset(editor, editorBundle, 'text/javascript; charset=utf-8'));
  }
  for (const file of walk(join(assetDir, 'static'), '')) {
    const name = relative(join(assetDir, 'static'), file).replace(/\\/g, '/');
    const type = name.endsWith('.svg') ? 'image/svg+xml' : name.endsWith('.png') ? 'image/png' : 'application/octet-stream';
    assets.set(`/assets/${name}`, asset(`/assets/${name}`, readFileSync(file), type));
  }

  const enStrings = clientStrings('en');
  const zhStrings = clientStrings('zh');
  const extraAssets: Record<string, string> = editor ? { editor } : {};

  return {
    assets,
    assetUrls: { css, js, editor },
    page(name, model) {
      const template = pages.get(name);
      if (!template) throw new Error(`no page template "${name}"`);
      const data = { ...model, assets: { css, js, ...extraAssets }, clientStrings: model.lang === 'zh' ? zhStrings : enStrings };
      return layout({ ...data, body: template(data) });
    },
    pageBytes(name, model, slots) {
      return slots.splice(this.page(name, model));
    },
    partial(name, context) {
      const template = hbs.partials[name];
      if (!template) throw new Error(`no partial "${name}"`);
      const compiled = typeof template === 'function' ? template : hbs.compile(template);
      return (compiled as Handlebars.TemplateDelegate)(context);
    },
    hasPartial(name) {
      return partialNames.has(name);
    },
  };
}
