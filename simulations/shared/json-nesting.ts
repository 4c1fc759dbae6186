// How deeply a JSON text nests, measured without parsing it.
//
// Some learner input is JSON inside a YAML string: kubectl's
// last-applied-configuration annotation is the prime case. The YAML reader
// bounds nesting (yaml.ts, DEFAULT_YAML_LIMITS.maxDepth) but cannot see into a
// string, so such text is measured here before anything recursive walks it:
// 12,000 levels of `{"a":` parse fine and then overflow the merge's recursion.

/**
 * The deepest nesting of objects and arrays in `text` (0 for a scalar).
 * Brackets inside strings do not count. Linear, no recursion, no allocation;
 * the text need not be valid JSON (JSON.parse reports that separately).
 *
 * @example
 *   jsonNestingDepth('{"a":[1,{"b":"]]"}]}') // 3
 *   jsonNestingDepth('"{[{["')               // 0
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return deepest;
}
