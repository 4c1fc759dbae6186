// Stored simulation outputs carry the version of the engine that computed them
// (Engine.version, column cell_states.output_version). A learner's run is kept
// in SQLite and rendered again on every visit; once an engine changes, an old
// output must never reach the newer view: an output of another version, or of
// none (rows kept before versions were stored), is recomputed from its stored
// input, and kept again with the current version.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { learnerCookie, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { rootPath } from '../../server/paths.ts';
import type { Db } from '../../server/db/open.ts';

const dirs: string[] = [];
const sites: Site[] = [];
after(async () => {
  await Promise.all(sites.map((s) => s.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kn-outputs-'));
  dirs.push(dir);
  return dir;
}

async function siteOn(dataDir: string): Promise<Site> {
  const site = await startTestSite({ dataDir });
  sites.push(site);
  return site;
}

const LEARNER = 'stored-outputs-learner'; // 22 characters, as learner ids are
// Before cookies were signed (issue 14), a bare id: still honoured for a learner the database knows.
const LEGACY_COOKIE = `kn_learner=${LEARNER}`;
const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

/** An output as an older inventory engine might have kept it: its names are nowhere in the input. */
const STALE = JSON.stringify({
  ok: true,
  result: { count: 1, objects: [{ kind: 'Pod', name: 'stale-object', namespace: 'default' }], kinds: ['Pod'] },
  trace: [{ title: 'read Pod default/stale-object' }],
});

function row(db: Db | Database.Database) {
  return db
    .prepare(`SELECT input, output_json, output_version, run_count FROM cell_states WHERE learner_id = ? AND lesson_slug = 'architecture' AND cell_id = 'two-pods'`)
    .get(LEARNER) as { input: string; output_json: string | null; output_version: string | null; run_count: number };
}

/** The output block of the two-pods cell on a lesson page. */
function twoPodsOutput(html: string): string {
  const start = html.indexOf('<div class="sim-output" id="cell-two-pods-output"');
  assert.ok(start >= 0, 'the two-pods cell is on the page');
  return html.slice(start, html.indexOf('</section>', start));
}

describe('stored outputs and engine versions', () => {
  it('renders an output of the current version as stored, and recomputes one of another version from its input', async () => {
    const site = await siteOn(tempDir());
    await site.ready;
    const app = () => request(site.app);
    const COOKIE = learnerCookie(site, LEARNER);
    await app().post('/api/lessons/architecture/cells/two-pods/run').set('Cookie', COOKIE).send({ input: POD('fresh-0') }).expect(200);
    assert.equal(row(site.db).output_version, '1', 'the run is stored with the inventory engine’s version');

    // Control: an output of the current version is what the page shows (it is not re-run on every visit).
    site.db.prepare(`UPDATE cell_states SET output_json = ? WHERE learner_id = ?`).run(STALE, LEARNER);
    const current = await app().get('/lessons/architecture').set('Cookie', COOKIE).expect(200);
    assert.match(twoPodsOutput(current.text), /stale-object/);

    // The same output, computed by another version of the engine: recomputed, never rendered.
    site.db.prepare(`UPDATE cell_states SET output_version = '0' WHERE learner_id = ?`).run(LEARNER);
    const page = await app().get('/lessons/architecture').set('Cookie', COOKIE).expect(200);
    const output = twoPodsOutput(page.text);
    assert.doesNotMatch(output, /stale-object/);
    assert.match(output, /&quot;fresh-0&quot;/);
    const kept = row(site.db);
    assert.equal(kept.output_version, '1', 'kept again with the current version');
    assert.match(kept.output_json!, /"fresh-0"/);
    assert.equal(kept.run_count, 1, 'a recomputation is not a run of the learner');

    // Details read the recomputed output too.
    site.db.prepare(`UPDATE cell_states SET output_json = ?, output_version = '0' WHERE learner_id = ?`).run(STALE, LEARNER);
    const detail = await app().get('/api/lessons/architecture/cells/two-pods/details/object-0').set('Cookie', COOKIE).expect(200);
    assert.equal(detail.body.title, 'Pod fresh-0');
  });

  it('migrates a database with rows from before versions were stored, keeps them, and recomputes their outputs', async () => {
    // A database as the previous release left it: only the first migration, and a kept output without a version.
    const dir = tempDir();
    const old = new Database(join(dir, 'kube-notebook.sqlite'));
    old.exec(readFileSync(rootPath('server', 'db', 'migrations', '001-initial.sql'), 'utf8'));
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO learners (id, created_at, last_seen_at) VALUES (?, '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z')`).run(LEARNER);
    old
      .prepare(
        `INSERT INTO cell_states (learner_id, lesson_slug, cell_id, input, output_json, run_count, updated_at)
         VALUES (?, 'architecture', 'two-pods', ?, ?, 3, '2025-06-01T00:00:00.000Z')`,
      )
      .run(LEARNER, POD('from-last-release'), STALE);
    old.close();

    const site = await siteOn(dir);
    await site.ready;
    const latest = readdirSync(rootPath('server', 'db', 'migrations')).filter((f) => /^\d{3}-.+\.sql$/.test(f)).length;
    assert.equal(site.db.pragma('user_version', { simple: true }), latest, 'migrated to the latest version');
    const before = row(site.db);
    assert.deepEqual(
      { ...before, output_json: JSON.parse(before.output_json!) },
      { input: POD('from-last-release'), output_json: JSON.parse(STALE), output_version: null, run_count: 3 },
      'the old row is kept as it was, with no version',
    );

    const page = await request(site.app).get('/lessons/architecture').set('Cookie', LEGACY_COOKIE).expect(200);
    assert.match(page.text, /name: from-last-release/, 'the learner’s scenario is in the editor');
    const output = twoPodsOutput(page.text);
    assert.doesNotMatch(output, /stale-object/, 'the unversioned output is not rendered');
    assert.match(output, /&quot;from-last-release&quot;/, 'it is recomputed from the stored input');
    assert.equal(row(site.db).output_version, '1');
  });
});
