// Reads a value out of a simulation's output with the path a predict quiz names.
//
//   pods[name=web-0].node     relative to output.result
//   result.pods[0].node       the same, explicit
//   trace[-1].title           the trace
//   events.length             a list's length
//
// Segments: `.field`, `[index]` (negative counts from the end), `[key=value]`
// (the first element whose `key` equals `value`, compared as strings; the value
// may be quoted), and `.length` on a list.

export type PathSegment =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'match'; key: string; value: string };

export type PathLookup = { found: true; value: unknown } | { found: false; reason: string };

const TOKEN = /\.([^.[\]]+)|\[(-?\d+)\]|\[([^=\]]+)=("[^"]*"|'[^']*'|[^\]]*)\]/y;

/** Parses a path; throws an Error naming the bad part. */
export function parseResultPath(path: string): { root: 'result' | 'trace'; segments: PathSegment[] } {
  let rest = path.trim();
  let root: 'result' | 'trace' = 'result';
  const rootMatch = /^(result|trace)(?=$|[.[])/.exec(rest);
  if (rootMatch) {
    root = rootMatch[1] as 'result' | 'trace';
    rest = rest.slice(rootMatch[0].length);
  } else if (rest !== '' && !rest.startsWith('[')) {
    rest = `.${rest}`;
  }
  const segments: PathSegment[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rest.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(rest);
    if (!m) throw new Error(`cannot read the path "${path}" at "${rest.slice(start)}"`);
    if (m[1] !== undefined) segments.push({ kind: 'field', name: m[1] });
    else if (m[2] !== undefined) segments.push({ kind: 'index', index: Number(m[2]) });
    else segments.push({ kind: 'match', key: m[3].trim(), value: unquote(m[4].trim()) });
  }
  return { root, segments };
}

function unquote(value: string): string {
  if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
    return value.slice(1, -1);
  }
  return value;
}

/** Looks the path up in `{ result, trace }`. */
export function lookupResultPath(output: { result: unknown; trace: unknown }, path: string): PathLookup {
  const { root, segments } = parseResultPath(path);
  let current: unknown = root === 'result' ? output.result : output.trace;
  let walked = root;
  for (const segment of segments) {
    if (segment.kind === 'field') {
      if (segment.name === 'length' && Array.isArray(current)) {
        current = current.length;
      } else if (current !== null && typeof current === 'object' && !Array.isArray(current) && Object.prototype.hasOwnProperty.call(current, segment.name)) {
        current = (current as Record<string, unknown>)[segment.name];
      } else {
        return { found: false, reason: `${walked} has no field "${segment.name}"` };
      }
      walked += `.${segment.name}`;
    } else if (segment.kind === 'index') {
      if (!Array.isArray(current)) return { found: false, reason: `${walked} is not a list` };
      const index = segment.index < 0 ? current.length + segment.index : segment.index;
      if (index < 0 || index >= current.length) {
        return { found: false, reason: `${walked} has ${current.length} elements, no [${segment.index}]` };
      }
      current = current[index];
      walked += `[${segment.index}]`;
    } else {
      if (!Array.isArray(current)) return { found: false, reason: `${walked} is not a list` };
      const match = current.find(
        (item) => item !== null && typeof item === 'object' && String((item as Record<string, unknown>)[segment.key]) === segment.value,
      );
      if (match === undefined) {
        return { found: false, reason: `no element of ${walked} has ${segment.key}=${segment.value}` };
      }
      current = match;
      walked += `[${segment.key}=${segment.value}]`;
    }
  }
  return { found: true, value: current };
}
