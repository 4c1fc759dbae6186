import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evictionMessage, formatThreshold, parseThresholdStatement, podRequestBytes, thresholdMet } from './eviction.ts';

const MI = 2 ** 20;

test('evictionMessage: node line, threshold line, then one line per container over its request (request 0 prints "0"), with the trailing space', () => {
  const pod = { spec: { containers: [{ name: 'app', resources: { requests: { memory: '256Mi' } } }, { name: 'side' }, { name: 'small', resources: { requests: { memory: '1Gi' } } }] } };
  const { message, offendingContainers, offendingContainersUsage } = evictionMessage(
    pod,
    [{ name: 'app', workingSet: 1843 * MI }, { name: 'side', workingSet: '10Mi' }, { name: 'small', workingSet: '10Mi' }],
    { quantity: '100Mi', availableBytes: 91244 * 1024 },
  );
  assert.equal(
    message,
    'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91244Ki. ' +
      'Container app was using 1843Mi, request is 256Mi, has larger consumption of memory. ' +
      'Container side was using 10Mi, request is 0, has larger consumption of memory. ',
  );
  assert.deepEqual(offendingContainers, ['app', 'side']);
  assert.deepEqual(offendingContainersUsage, ['1843Mi', '10Mi']);
});

test('thresholds: quantities and float32 percentages of capacity; met only when strictly above available', () => {
  const q = parseThresholdStatement('memory.available', '100Mi');
  assert.ok(q && typeof q !== 'string');
  assert.equal(thresholdMet(q, 100 * MI, 4096 * MI), false);
  assert.equal(thresholdMet(q, 100 * MI - 1, 4096 * MI), true);
  const pct = parseThresholdStatement('memory.available', '10%');
  assert.ok(pct && typeof pct !== 'string' && 'percentage' in pct);
  assert.equal(pct.percentage, Math.fround(0.1));
  // NewQuantity(int64(float64(capacity) × float64(float32(0.1))), BinarySI) for 1Gi
  assert.equal(formatThreshold(pct, 1024 * MI), String(Math.trunc(1024 * MI * Math.fround(0.1))));
  assert.equal(parseThresholdStatement('memory.available', '12Qi'), "'12Qi' is not a valid quantity");
});

test('podRequestBytes follows PodRequests: containers and sidecars add up, a bigger init container step wins, overhead is added', () => {
  const pod = {
    spec: {
      initContainers: [
        { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { memory: '50Mi' } } },
        { name: 'migrate', resources: { requests: { memory: '500Mi' } } },
      ],
      containers: [{ name: 'app', resources: { requests: { memory: '200Mi' } } }],
      overhead: { memory: '10Mi' },
    },
  };
  // max(200 + 50, 500 + 50) + 10 = 560Mi
  assert.equal(podRequestBytes(pod), 560 * MI);
});
