// Conformance: field.Path printing against apimachinery's own tests.
// src (k8s.io/apimachinery v0.36.3): pkg/util/validation/field/path_test.go, path.go
//
// Not ported: the Root() checks (Path keeps no public parent or root accessor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, tooLong } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';

const P = 'pkg/util/validation/field/path_test.go';

// --- TestPath: each step of upstream's chain, built directly (Path has no parent accessor) ---
const root = Path.of('root');
const pathCases: [Path, string][] = [
  [root, 'root'],
  [root.child('first'), 'root.first'],
  [root.child('first').child('second'), 'root.first.second'],
  [root.child('first').child('second').index(0), 'root.first.second[0]'],
  [root.child('first').child('second').index(0).child('third'), 'root.first.second[0].third'],
  [root.child('first').child('second').index(0).child('third').index(93), 'root.first.second[0].third[93]'],
  [root.child('first').child('second').index(0).child('third'), 'root.first.second[0].third'],
  [root.child('first').child('second').index(0), 'root.first.second[0]'],
  [root.child('first').child('second').index(0).key('key'), 'root.first.second[0][key]'],
];
pathCases.forEach(([p, want], i) => test(`${P} TestPath [${i}]: ${want}`, () => assert.equal(p.toString(), want)));

// --- TestPathMultiArg ---
const multi = Path.of('root', 'first');
const multiCases: [Path, string][] = [
  [multi, 'root.first'],
  [multi.child('second', 'third'), 'root.first.second.third'],
  [multi.child('second', 'third').index(0), 'root.first.second.third[0]'],
  [multi.child('second', 'third'), 'root.first.second.third'],
  [multi.child('second'), 'root.first.second'],
  [multi, 'root.first'],
  [Path.of('root'), 'root'],
];
multiCases.forEach(([p, want], i) => test(`${P} TestPathMultiArg [${i}]: ${want}`, () => assert.equal(p.toString(), want)));

// path.go Path.String: a name-less element prints as a subscript, so NewPath("") is "[]".
test('pkg/util/validation/field/path.go Path.String: NewPath("") prints "[]"', () => {
  assert.equal(Path.of('').toString(), '[]');
  assert.equal(errorString(tooLong(Path.of(''), 1048576)), '[]: Too long: may not be more than 1048576 bytes');
});
