// The strategic merge patch directives
// (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go, constants).

import { SmpError } from './errors.ts';

export const directiveMarker = '$patch';
export const deleteDirective = 'delete';
export const replaceDirective = 'replace';
export const mergeDirective = 'merge';
export const retainKeysStrategy = 'retainKeys';
export const deleteFromPrimitiveListDirectivePrefix = '$deleteFromPrimitiveList';
export const retainKeysDirective = '$retainKeys';
export const setElementOrderDirectivePrefix = '$setElementOrder';

/**
 * extractRetainKeysPatchStrategy: splits "merge,retainKeys" into
 * [hasRetainKeys, otherStrategy].
 *
 * @example extractRetainKeysPatchStrategy(['merge', 'retainKeys']) // [true, 'merge']
 */
export function extractRetainKeysPatchStrategy(strategies: string[]): [boolean, string] {
  switch (strategies.length) {
    case 0:
      return [false, ''];
    case 1:
      return strategies[0] === retainKeysStrategy ? [true, ''] : [false, strategies[0]];
    case 2:
      if (strategies[0] === retainKeysStrategy) return [true, strategies[1]];
      if (strategies[1] === retainKeysStrategy) return [true, strategies[0]];
      throw new SmpError(`unexpected patch strategy: [${strategies.join(' ')}]`);
    default:
      throw new SmpError(`unexpected patch strategy: [${strategies.join(' ')}]`);
  }
}
