// imagePullPolicy defaulting, case by case against upstream's rule.
//
// pkg/apis/core/v1/defaults.go SetDefaults_Container: when imagePullPolicy is empty,
// `_, tag, _, _ := parsers.ParseImageName(obj.Image)`; tag "latest" → Always, any
// other → IfNotPresent. pkg/util/parsers/parsers.go ParseImageName returns the
// reference's tag, and "latest" only when the reference has neither a tag nor a
// digest. So: no tag → Always; ":latest" → Always; another tag → IfNotPresent;
// a digest without a tag → tag "" → IfNotPresent. A colon before the last "/" is a
// registry port, not a tag (docker/distribution reference grammar).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPullPolicy } from './images.ts';

const DIGEST = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';

const cases: { name: string; image: string; want: 'Always' | 'IfNotPresent' }[] = [
  { name: 'no tag: ParseImageName fills in "latest", so Always', image: 'nginx', want: 'Always' },
  { name: 'an explicit :latest tag is Always', image: 'nginx:latest', want: 'Always' },
  { name: 'a version tag is IfNotPresent', image: 'nginx:1.27', want: 'IfNotPresent' },
  { name: 'a registry host with a port and no tag: the port is not a tag, so Always', image: 'registry.example.com:5000/shop/api', want: 'Always' },
  { name: 'a registry host with a port and a version tag is IfNotPresent', image: 'registry.example.com:5000/shop/api:2.3.1', want: 'IfNotPresent' },
  { name: 'a digest without a tag: the tag is empty (not "latest"), so IfNotPresent', image: `nginx@${DIGEST}`, want: 'IfNotPresent' },
  { name: 'a version tag and a digest are IfNotPresent', image: `nginx:1.27@${DIGEST}`, want: 'IfNotPresent' },
];

for (const c of cases) {
  test(`SetDefaults_Container: ${c.name} (${c.image})`, () => {
    assert.equal(defaultPullPolicy(c.image), c.want);
  });
}

// ParseImageName returns the tag even when a digest is also given, so
// "nginx:latest@sha256:…" has tag "latest" and SetDefaults_Container picks Always.
// images.ts treats every reference containing "@" as IfNotPresent: a known gap,
// reported to the lead rather than fixed here (images.ts is outside this change).
test('SetDefaults_Container: ":latest" plus a digest still has tag "latest", so Always', () => {
  assert.equal(defaultPullPolicy(`nginx:latest@${DIGEST}`), 'Always');
});
