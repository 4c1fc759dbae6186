// Upstream: pkg/apis/autoscaling/validation/validation_test.go (newest stored version):
// TestValidateBehavior, TestValidateHorizontalPodAutoscaler (its first 28 error cases).
// autoscaling/v2 JSON for upstream's internal objects (the internal type follows v2);
// resource.NewMilliQuantity(300, DecimalSI) is "300m". Upstream checks that the
// first error's text contains the case's message; where that message quotes a
// value as an older apimachinery printed it (`Invalid value: InvalidResource`)
// the check keeps the detail.
// Not transcribed: TestValidateScale (Scale is a subresource, not a kind here),
// the HPAScaleToZero and HPAConfigurableTolerance gate tests (gates fixed at v1.36).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/autoscaling/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const create = (hpa: JsonObject): ErrorList => validationFor('autoscaling/v2/HorizontalPodAutoscaler')!.create(hpa);
function assertFirstContains(errs: ErrorList, text: string, label: string): void {
  assert.ok(errs.length > 0, `${label}: expected failure`);
  assert.ok(errorString(errs[0]).includes(text), `${label}: first error ${errorString(errs[0])} lacks ${JSON.stringify(text)}\n${show(errs)}`);
}

const cpuUtilization = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } };
const hpa = (spec: JsonObject): JsonObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'myautoscaler', namespace: 'default' },
  spec: { minReplicas: 1, maxReplicas: 5, ...spec },
});
const rc = { kind: 'ReplicationController', name: 'myrc' };

test(`${FILE} TestValidateBehavior`, () => {
  const simplePoliciesList = [
    { type: 'Percent', value: 10, periodSeconds: 1 },
    { type: 'Pods', value: 1, periodSeconds: 1800 },
  ];
  const fourPolicies = [
    { type: 'Pods', value: 1, periodSeconds: 2 },
    { type: 'Percent', value: 3, periodSeconds: 4 },
    { type: 'Pods', value: 5, periodSeconds: 6 },
    { type: 'Percent', value: 7, periodSeconds: 8 },
  ];
  /** prepareHPAWithBehavior. */
  const withBehavior = (behavior: JsonObject): JsonObject => hpa({ scaleTargetRef: rc, metrics: [cpuUtilization], behavior });
  const successes: JsonObject[] = [
    {},
    {
      scaleUp: { stabilizationWindowSeconds: 3600, selectPolicy: 'Min', policies: simplePoliciesList },
      scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Disabled', policies: simplePoliciesList },
    },
    {
      scaleUp: { stabilizationWindowSeconds: 120, selectPolicy: 'Max', policies: fourPolicies },
      scaleDown: { stabilizationWindowSeconds: 120, selectPolicy: 'Max', policies: fourPolicies },
    },
  ];
  for (const b of successes) assert.equal(create(withBehavior(b)).length, 0, show(create(withBehavior(b))));
  const errors: [JsonObject, string][] = [];
  for (const dir of ['scaleUp', 'scaleDown']) {
    errors.push(
      [{ [dir]: { selectPolicy: 'Min' } }, `spec.behavior.${dir}.policies: Required value: must specify at least one Policy`],
      [{ [dir]: { stabilizationWindowSeconds: 3601, selectPolicy: 'Min', policies: simplePoliciesList } }, `spec.behavior.${dir}.stabilizationWindowSeconds: Invalid value: 3601: must be less than or equal to 3600`],
      [{ [dir]: { policies: [{ type: dir === 'scaleUp' ? 'Pods' : 'Percent', value: 7, periodSeconds: 1801 }] } }, `spec.behavior.${dir}.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800`],
      [{ [dir]: { selectPolicy: 'incorrect', policies: [{ type: 'Pods', value: 7, periodSeconds: 8 }] } }, `spec.behavior.${dir}.selectPolicy: Unsupported value: "incorrect": supported values: "Disabled", "Max", "Min"`],
      [{ [dir]: { policies: [{ type: 'hm', value: 7, periodSeconds: 8 }] } }, `spec.behavior.${dir}.policies[0].type: Unsupported value: "hm": supported values: "Percent", "Pods"`],
      [{ [dir]: { policies: [{ type: 'Pods', value: 8 }] } }, `spec.behavior.${dir}.policies[0].periodSeconds: Invalid value: 0: must be greater than zero`],
      [{ [dir]: { policies: [{ type: 'Pods', periodSeconds: 8 }] } }, `spec.behavior.${dir}.policies[0].value: Invalid value: 0: must be greater than zero`],
      [{ [dir]: { policies: [{ type: 'Pods', periodSeconds: -1, value: 1 }] } }, `spec.behavior.${dir}.policies[0].periodSeconds: Invalid value: -1: must be greater than zero`],
      [{ [dir]: { policies: [{ type: 'Pods', periodSeconds: 1, value: -1 }] } }, `spec.behavior.${dir}.policies[0].value: Invalid value: -1: must be greater than zero`],
    );
  }
  for (const [b, msg] of errors) assertFirstContains(create(withBehavior(b)), msg, msg);
});

test(`${FILE} TestValidateHorizontalPodAutoscaler`, () => {
  const selector = { matchLabels: { label: 'value' } };
  const successes: JsonObject[] = [
    hpa({ scaleTargetRef: rc, metrics: [cpuUtilization] }),
    hpa({ scaleTargetRef: rc }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '300m' } } }] }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'Pods', pods: { metric: { name: 'somemetric' }, target: { type: 'AverageValue', averageValue: '300m' } } }] }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-container', target: { type: 'Utilization', averageUtilization: 70 } } }] }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-container', target: { type: 'AverageValue', averageValue: '300m' } } }] }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'Object', object: { describedObject: rc, metric: { name: 'somemetric' }, target: { type: 'Value', value: '300m' } } }] }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector }, target: { type: 'Value', value: '300m' } } }] }),
    hpa({ scaleTargetRef: rc, metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector }, target: { type: 'AverageValue', averageValue: '300m' } } }] }),
  ];
  for (const s of successes) assert.equal(create(s).length, 0, show(create(s)));

  const containerCPU = (extra: JsonObject): JsonObject => ({ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-application', target: { type: 'Utilization', averageUtilization: 70 }, ...extra } });
  const errors: [JsonObject, string][] = [
    [hpa({ scaleTargetRef: { name: 'myrc' }, metrics: [cpuUtilization] }), 'scaleTargetRef.kind: Required'],
    [hpa({ scaleTargetRef: { name: 'myrc' }, metrics: [containerCPU({})] }), 'scaleTargetRef.kind: Required'],
    [hpa({ scaleTargetRef: { kind: '..', name: 'myrc' }, metrics: [cpuUtilization] }), 'scaleTargetRef.kind: Invalid'],
    [hpa({ scaleTargetRef: { kind: '..', name: 'myrc' }, metrics: [containerCPU({})] }), 'scaleTargetRef.kind: Invalid'],
    [hpa({ scaleTargetRef: { kind: 'ReplicationController' }, metrics: [cpuUtilization] }), 'scaleTargetRef.name: Required'],
    [hpa({ scaleTargetRef: { kind: 'ReplicationController' }, metrics: [containerCPU({})] }), 'scaleTargetRef.name: Required'],
    [hpa({ scaleTargetRef: { kind: 'ReplicationController', name: '..' }, metrics: [cpuUtilization] }), 'scaleTargetRef.name: Invalid'],
    [hpa({ scaleTargetRef: { kind: 'ReplicationController', name: '..' }, metrics: [containerCPU({})] }), 'scaleTargetRef.name: Invalid'],
    [hpa({ scaleTargetRef: {}, minReplicas: -1 }), 'must be greater than or equal to 1'],
    [hpa({ scaleTargetRef: {}, minReplicas: 7 }), 'must be greater than or equal to `minReplicas`'],
    [
      hpa({ scaleTargetRef: rc, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70, averageValue: '300m' } } }] }),
      'may not set both a target raw value and a target utilization',
    ],
    [hpa({ scaleTargetRef: rc, metrics: [containerCPU({ target: { type: 'Utilization', averageUtilization: 70, averageValue: '300m' } })] }), 'may not set both a target raw value and a target utilization'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Resource', resource: { target: { type: 'Utilization', averageUtilization: 70 } } }] }), 'must specify a resource name'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'ContainerResource', containerResource: { container: 'test-application', target: { type: 'Utilization', averageUtilization: 70 } } }] }), 'must specify a resource name'],
    [hpa({ scaleTargetRef: rc, metrics: [containerCPU({ name: 'InvalidResource' })] }), 'must be a standard resource type or fully qualified'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: -10 } } }] }), 'must be greater than 0'],
    [hpa({ scaleTargetRef: rc, metrics: [containerCPU({ target: { type: 'Utilization', averageUtilization: -10 } })] }), 'must be greater than 0'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: -10 } } }] }), 'must specify a container'],
    [hpa({ scaleTargetRef: rc, metrics: [containerCPU({ container: '---***', target: { type: 'Utilization', averageUtilization: -10 } })] }), 'Invalid value: "---***"'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Value' } } }] }), 'must set either a target raw value or a target utilization'],
    [hpa({ scaleTargetRef: rc, metrics: [containerCPU({ target: { type: 'Value' } })] }), 'must set either a target raw value or a target utilization'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Pods', pods: { metric: {}, target: { type: 'Value', averageValue: '100m' } } }] }), 'must specify a metric name'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Pods', pods: { metric: { name: 'somemetric' }, target: { type: 'Value' } } }] }), 'must specify a positive target averageValue'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Object', object: { describedObject: rc, metric: { name: 'somemetric' }, target: { type: 'Value' } } }] }), 'must set either a target value or averageValue'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Object', object: { describedObject: { name: 'myrc' }, metric: { name: 'somemetric' }, target: { type: 'Value', value: '100m' } } }] }), 'object.describedObject.kind: Required'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'Object', object: { describedObject: rc, target: { type: 'Value', value: '100m' } } }] }), 'must specify a metric name'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'External', external: { metric: { selector }, target: { type: 'Value', value: '300m' } } }] }), 'must specify a metric name'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'External', external: { metric: { name: 'foo/../', selector }, target: { type: 'Value', value: '300m' } } }] }), "'/'"],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector }, target: { type: 'Value' } } }] }), 'must set either a target value for metric or a per-pod target'],
    [hpa({ scaleTargetRef: rc, metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector }, target: { type: 'Value', value: '-300m' } } }] }), 'must be positive'],
  ];
  for (const [h, msg] of errors) assertFirstContains(create(h), msg, msg);
});
