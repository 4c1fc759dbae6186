// Hostname rules of the Gateway API, each case from the spec's own examples
// (apis/v1/httproute_types.go HTTPRouteSpec.Hostnames, gateway_types.go Listener.Hostname).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostnameMatches, intersectHostnames, listenerSpecificity } from './hostname.ts';

test('"*.example.com" matches test.example.com and foo.test.example.com, but not example.com', () => {
  assert.equal(hostnameMatches('*.example.com', 'test.example.com'), true);
  assert.equal(hostnameMatches('*.example.com', 'foo.test.example.com'), true);
  assert.equal(hostnameMatches('*.example.com', 'example.com'), false);
});

test('a listener test.example.com matches routes with test.example.com or *.example.com', () => {
  assert.equal(intersectHostnames('test.example.com', 'test.example.com'), 'test.example.com');
  assert.equal(intersectHostnames('test.example.com', '*.example.com'), 'test.example.com');
  assert.equal(intersectHostnames('test.example.com', 'other.example.com'), null);
});

test('a listener *.example.com matches *.example.com, test.example.com and foo.test.example.com, not example.com or test.example.net', () => {
  for (const h of ['*.example.com', 'test.example.com', 'foo.test.example.com']) assert.notEqual(intersectHostnames('*.example.com', h), null, h);
  for (const h of ['example.com', 'test.example.net']) assert.equal(intersectHostnames('*.example.com', h), null, h);
});

test('"foo.example.com" takes precedence over "*.example.com", which takes precedence over ""; "*.foo.example.com" over "*.example.com"', () => {
  assert.ok(listenerSpecificity('foo.example.com') > listenerSpecificity('*.example.com'));
  assert.ok(listenerSpecificity('*.example.com') > listenerSpecificity(''));
  assert.ok(listenerSpecificity('*.foo.example.com') > listenerSpecificity('*.example.com'));
});
