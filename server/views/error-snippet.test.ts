// The snippet under a run's error: the error's line with one line of context
// either side (issue 13, point 5: the line after is often the one the message
// is about), the column marked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorSnippet } from './view-models.ts';

const YAML = 'resources:\n  requests:\n    memory: 600Mi\n  limits:\n    memory: 500Mi';

describe('errorSnippet', () => {
  const cases: { name: string; line?: number; column?: number; want: ReturnType<typeof errorSnippet> }[] = [
    {
      name: 'an error in the middle shows the line before and the line after, the column marked',
      line: 3,
      column: 13,
      want: [
        { no: 2, text: '  requests:', hit: false },
        { no: 3, text: '    memory: ', at: '6', after: '00Mi', hit: true },
        { no: 4, text: '  limits:', hit: false },
      ],
    },
    {
      name: 'an error on the first line has no line before it',
      line: 1,
      column: 1,
      want: [
        { no: 1, text: '', at: 'r', after: 'esources:', hit: true },
        { no: 2, text: '  requests:', hit: false },
      ],
    },
    {
      name: 'an error on the last line has no line after it; a column past the end marks a space',
      line: 5,
      column: 40,
      want: [
        { no: 4, text: '  limits:', hit: false },
        { no: 5, text: '    memory: 500Mi', at: ' ', after: '', hit: true },
      ],
    },
    { name: 'a line without a column is marked whole', line: 4, want: [
      { no: 3, text: '    memory: 600Mi', hit: false },
      { no: 4, text: '  limits:', hit: true },
      { no: 5, text: '    memory: 500Mi', hit: false },
    ] },
    { name: 'no line, no snippet', want: [] },
    { name: 'a line outside the input, no snippet', line: 9, column: 1, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(errorSnippet(YAML, c.line, c.column), c.want));
  }
});
