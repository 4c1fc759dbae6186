import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UidGenerator, isV4Uid, uidFromSeed } from './uid.ts';

test('the same seed gives the same sequence; another seed another one', () => {
  const a = new UidGenerator('scenario-1');
  const b = new UidGenerator('scenario-1');
  const c = new UidGenerator('scenario-2');
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(Array.from({ length: 5 }, () => b.next()), seqA);
  assert.notDeepEqual(Array.from({ length: 5 }, () => c.next()), seqA);
  assert.equal(uidFromSeed('scenario-1'), seqA[0]);
});

test('every UID is RFC 4122 version 4: xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx, and all differ', () => {
  const g = new UidGenerator('');
  const seen = new Set<string>();
  const variants = new Set<string>();
  for (let i = 0; i < 50_000; i++) {
    const u = g.next();
    assert.ok(isV4Uid(u), u);
    seen.add(u);
    variants.add(u[19]);
  }
  assert.equal(seen.size, 50_000);
  assert.deepEqual([...variants].sort(), ['8', '9', 'a', 'b']);
});

test('isV4Uid refuses other shapes', () => {
  for (const s of ['', 'not-a-uid', '01234567-89ab-1def-8123-456789abcdef', '01234567-89ab-4def-c123-456789abcdef', '01234567-89AB-4DEF-8123-456789ABCDEF']) {
    assert.equal(isV4Uid(s), false, s);
  }
  assert.equal(isV4Uid('01234567-89ab-4def-8123-456789abcdef'), true);
});
