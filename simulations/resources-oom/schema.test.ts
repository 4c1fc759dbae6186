import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/errors.ts';
import { attachPosition } from '../shared/yaml.ts';
import { simulateMemory } from './simulate.ts';
import { objects } from './test-helpers.ts';

const NODE = `apiVersion: v1
kind: Node
metadata: { name: node-1 }
status: { capacity: { memory: 4Gi } }
`;

const cases: { name: string; yaml: string; message: string; line?: number }[] = [
  {
    name: 'an invalid quantity names the field',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - name: c\n    resources:\n      limits: { memory: 12Qi }\n`,
    message: "spec.containers[0].resources.limits.memory: '12Qi' is not a valid quantity",
    line: 13,
  },
  {
    name: 'a request above the limit is refused with the API server’s wording (ValidateResourceRequirements)',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - name: c\n    resources:\n      requests: { memory: 2Gi }\n      limits: { memory: 1Gi }\n`,
    message: 'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
  },
  {
    name: 'a usage curve whose points go back in time is refused at that point',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c } ] }\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec:\n  containers:\n  - pod: p\n    container: c\n    usage:\n      pattern: points\n      points:\n      - { at: 1m, usage: 100Mi }\n      - { at: 30s, usage: 200Mi }\n`,
    message: 'spec.containers[0].usage.points[1].at: Invalid value: "30s": the usage curve must move forward in time (each point after the one before)',
  },
  {
    name: 'a node with no memory is refused',
    yaml: 'apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\nstatus: { capacity: { memory: "0" } }\n',
    message: 'status.capacity.memory: Invalid value: "0": a node with no memory cannot run Pods; must be greater than 0',
  },
  {
    name: 'a node without status.capacity.memory is refused',
    yaml: 'apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\n',
    message: 'status.capacity.memory: Required value: the Node needs status.capacity.memory (how much memory the machine has)',
  },
  {
    name: 'an unknown usage pattern lists the supported ones',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c } ] }\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec:\n  containers:\n  - { pod: p, container: c, usage: { pattern: sawtooth } }\n`,
    message: 'spec.containers[0].usage.pattern: Unsupported value: "sawtooth": supported values: "steady", "leak", "spikes", "step", "points"',
  },
  {
    name: 'a usage entry for a container that does not exist is refused',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c } ] }\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec:\n  containers:\n  - { pod: p, container: nope, usage: { pattern: steady, level: 1Mi } }\n`,
    message: 'spec.containers[0].container: Not found: Pod "p" has no container "nope"',
  },
  {
    name: 'more than 24 h of virtual time is a limit, not a crash',
    yaml: `${NODE}---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec: { duration: 25h }\n`,
    message: 'spec.duration: at most 24h of virtual time per run',
  },
];

for (const c of cases) {
  test(`bad input: ${c.name}`, () => {
    assert.throws(
      () => simulateMemory(objects(c.yaml)),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError, String(err));
        assert.equal(err.message, c.message);
        if (c.line) assert.equal(attachPosition(err).position?.line, c.line);
        return true;
      },
    );
  });
}
