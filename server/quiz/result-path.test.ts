import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lookupResultPath, parseResultPath } from './result-path.ts';

const output = {
  result: {
    pods: [
      { name: 'web-0', node: 'node-2', restarts: [{ at: 10 }, { at: 30 }] },
      { name: 'web-1', node: null },
    ],
    'odd key': 1,
  },
  trace: [{ title: 'first' }, { title: 'last' }],
};

describe('result paths', () => {
  const cases: [string, unknown][] = [
    ['pods[0].node', 'node-2'],
    ['result.pods[0].node', 'node-2'],
    ['pods[name=web-1].node', null],
    ['pods[name="web-0"].restarts[-1].at', 30],
    ["pods[name='web-0'].restarts.length", 2],
    ['pods.length', 2],
    ['trace[-1].title', 'last'],
    ['trace.length', 2],
  ];
  for (const [path, expected] of cases) {
    it(`reads ${path} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(lookupResultPath(output, path), { found: true, value: expected });
    });
  }

  it('says why a path is not found', () => {
    assert.deepEqual(lookupResultPath(output, 'pods[2].node'), { found: false, reason: 'result.pods has 2 elements, no [2]' });
    assert.deepEqual(lookupResultPath(output, 'pods[name=web-9]'), { found: false, reason: 'no element of result.pods has name=web-9' });
    assert.deepEqual(lookupResultPath(output, 'nodes'), { found: false, reason: 'result has no field "nodes"' });
    assert.deepEqual(lookupResultPath(output, 'pods[0].node.x'), { found: false, reason: 'result.pods[0].node has no field "x"' });
  });

  it('does not read inherited properties', () => {
    assert.equal(lookupResultPath(output, 'pods[0].constructor').found, false);
    assert.equal(lookupResultPath(output, 'pods[0].__proto__').found, false);
  });

  it('refuses a path it cannot parse', () => {
    assert.throws(() => parseResultPath('pods[0'), /cannot read the path/);
  });
});
