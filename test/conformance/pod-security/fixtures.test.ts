// The Pod Security fixtures of kubernetes/pod-security-admission v0.36.2 (Kubernetes v1.36):
// test/testdata/<level>/v1.<minor>/{pass,fail}/*.yaml, generated upstream by test/fixtures_test.go
// TestFixtures and run against a real kube-apiserver by test/run.go. Transcribed as data in
// fixtures.json (one copy of each distinct Pod). A pass fixture must be allowed at its level and
// version; a fail fixture refused, with its own check (the file name's prefix) among the violations.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkPodSecurity } from '../../../simulations/pod-security/public-api.ts';

const data = JSON.parse(readFileSync(new URL('./fixtures.json', import.meta.url), 'utf8')) as {
  cases: [level: 'baseline' | 'restricted', minor: number, expect: 'pass' | 'fail', file: string, pod: number][];
  pods: unknown[];
};

// OverrideCheckIDs in check_restrictedVolumes.go, check_capabilities_restricted.go,
// check_seccompProfile_restricted.go and check_procMount_restricted.go (IDs lower-cased as the file names are).
const OVERRIDES: Record<string, string> = {
  hostpathvolumes: 'restrictedvolumes', capabilities_baseline: 'capabilities_restricted', seccompprofile_baseline: 'seccompprofile_restricted', procmount: 'procmount_restricted',
};

describe('pod-security-admission test/testdata fixtures (every level and version 1.0 to 1.35)', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    it(`${level}: every pass fixture is allowed and every fail fixture fails its own check`, () => {
      let n = 0;
      for (const [l, minor, expect, file, podIndex] of data.cases) {
        if (l !== level) continue;
        n++;
        const got = checkPodSecurity(level, `v1.${minor}`, data.pods[podIndex] as never);
        const where = `${level}/v1.${minor}/${expect}/${file}.yaml`;
        if (expect === 'pass') {
          assert.equal(got.allowed, true, `${where}: ${JSON.stringify(got.violations)}`);
        } else {
          assert.equal(got.allowed, false, `${where} was allowed`);
          const check = file.replace(/\d+$/, '');
          // At restricted, a baseline check's fixture fails the restricted check that overrides it.
          const overriddenBy = level === 'restricted' ? OVERRIDES[check] : undefined;
          assert.ok(got.violations.some((v) => v.check.toLowerCase() === check || v.check.toLowerCase() === overriddenBy), `${where}: ${check} not among ${got.violations.map((v) => v.check).join(', ')}`);
        }
      }
      assert.ok(n > 1000, 'the fixtures were read');
    });
  }
  it('v1.36 and "latest" evaluate as the newest policy version (1.35), as registry.go caps them', () => {
    for (const [l, minor, expect, , podIndex] of data.cases) {
      if (minor !== 35) continue;
      for (const version of ['v1.36', 'latest'] as const) {
        assert.equal(checkPodSecurity(l, version, data.pods[podIndex] as never).allowed, expect === 'pass');
      }
    }
  });
});
