import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portsConflict } from './node-ports.ts';

test('a hostPort conflicts on the same protocol and port when either side binds 0.0.0.0 or both bind the same IP', () => {
  const any = { ip: '0.0.0.0', protocol: 'TCP', port: 80 };
  assert.equal(portsConflict(any, [{ ip: '10.0.0.1', protocol: 'TCP', port: 80 }]), true);
  assert.equal(portsConflict({ ip: '10.0.0.1', protocol: 'TCP', port: 80 }, [{ ip: '10.0.0.2', protocol: 'TCP', port: 80 }]), false);
  assert.equal(portsConflict(any, [{ ip: '0.0.0.0', protocol: 'UDP', port: 80 }]), false);
  assert.equal(portsConflict(any, [{ ip: '0.0.0.0', protocol: 'TCP', port: 81 }]), false);
});
