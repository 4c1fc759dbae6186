import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonNestingDepth } from './json-nesting.ts';

const cases: { name: string; text: string; depth: number }[] = [
  { name: 'a scalar nests nothing', text: '42', depth: 0 },
  { name: 'an empty object is one level', text: '{}', depth: 1 },
  { name: 'objects and arrays both count', text: '{"a":[1,{"b":2}]}', depth: 3 },
  { name: 'the deepest branch counts, not the sum', text: '[[1],[[2]],[3]]', depth: 3 },
  { name: 'brackets inside strings are text', text: '{"a":"{[{[{["}', depth: 1 },
  { name: 'an escaped quote does not end the string', text: '{"a":"\\"[[[["}', depth: 1 },
  { name: 'an escaped backslash before the closing quote ends it', text: '{"a":"\\\\","b":[[]]}', depth: 3 },
  { name: 'invalid JSON is still measured', text: '[[[[', depth: 4 },
  { name: '12,000 levels are measured without recursion', text: '['.repeat(12_000) + ']'.repeat(12_000), depth: 12_000 },
];

for (const c of cases) {
  test(`jsonNestingDepth: ${c.name}`, () => {
    assert.equal(jsonNestingDepth(c.text), c.depth);
  });
}
