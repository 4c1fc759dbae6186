// Server settings: the defaults the README's quick start relies on, and every
// variable config.ts reads is documented in the README's Configuration table.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('loadConfig', () => {
  it('with nothing set, serves on port 3000 with data in ./data (resolved from the working folder)', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, resolve('./data'));
    assert.equal(config.headersTimeoutMs, 10_000);
    assert.equal(config.requestTimeoutMs, 15_000);
  });

  it('reads PORT, DATA_DIR and HEADERS_TIMEOUT_MS from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/srv/kn', HEADERS_TIMEOUT_MS: '2500' });
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, '/srv/kn');
    assert.equal(config.headersTimeoutMs, 2500);
  });

  it('refuses a setting that is not a non-negative integer, naming it', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a non-negative integer, got "eighty"/);
    assert.throws(() => loadConfig({ HEADERS_TIMEOUT_MS: '-1' }), /HEADERS_TIMEOUT_MS must be a non-negative integer/);
  });

  it('documents every environment variable it reads in the README Configuration table, with its default', () => {
    const source = readFileSync(`${ROOT}server/config.ts`, 'utf8');
    const read = new Set([...source.matchAll(/int\('([A-Z_]+)'|env\.([A-Z_]+)/g)].map((m) => m[1] ?? m[2]));
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const rows = new Map([...section.matchAll(/^\| `([A-Z_]+)` \| `([^`]*)`/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual([...read].filter((name) => !rows.has(name)), [], 'variables missing from the README');
    // The numeric defaults in the table are the ones the code uses.
    for (const match of source.matchAll(/int\('([A-Z_]+)', ([\d_]+)/g)) {
      assert.equal(rows.get(match[1]), match[2].replaceAll('_', ''), `README default of ${match[1]}`);
    }
  });
});
