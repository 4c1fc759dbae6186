// Typed errors shared by every engine and the server. (HTTP's own, such as
// NotFoundError for an unknown lesson, cell or engine, are in server/http/errors.ts.)
//
// Outcomes (an unschedulable Pod, an OOMKilled container, a conflicting apply)
// are *results*, never errors. Errors are only for bad input (ValidationError,
// answered 400 with the line and field) and for programmer mistakes (anything
// else, answered 500 and logged).

import { formatFieldPath } from '../apimachinery/field-path.ts';
import type { FieldPath } from '../apimachinery/field-path.ts';
export { formatFieldPath };
export type { FieldPath };

/** Where in the learner's YAML something is (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The JSON shape of a validation error, as the API returns it. */
export interface ValidationErrorBody {
  message: string;
  line?: number;
  column?: number;
  path?: string;
  /** Which YAML document (1-based) the error is in, when known. */
  document?: number;
}

export interface ValidationErrorOptions {
  /** The field, relative to `object` when given. */
  path?: FieldPath;
  /** The object the path starts from; lets the runtime find the line in the YAML. */
  object?: object;
  position?: SourcePosition;
  document?: number;
  /** Machine-readable kind of problem, e.g. "limit", "yaml", "schema". */
  code?: string;
  /**
   * The whole message when it is not `path: reason`: an API server's Status
   * message (`Pod "web" is invalid: spec.containers[0].image: Required value`)
   * already names its fields, and `path` then only says where to point.
   */
  message?: string;
}

/**
 * Bad input: a YAML syntax error, a field that does not validate, a limit
 * exceeded. The message says what is wrong in words a learner can act on;
 * `path` and the resolved position say where.
 *
 * @example
 *   throw new ValidationError("'12Qi' is not a valid quantity", {
 *     object: pod, path: ['spec', 'containers', 0, 'resources', 'limits', 'memory'],
 *   });
 *   // → "spec.containers[0].resources.limits.memory: '12Qi' is not a valid quantity"
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** The reason without the path prefix. */
  readonly reason: string;
  readonly path?: FieldPath;
  readonly object?: object;
  position?: SourcePosition;
  document?: number;
  readonly code: string;

  constructor(reason: string, options: ValidationErrorOptions = {}) {
    const pathText = options.path && options.path.length > 0 ? formatFieldPath(options.path) : '';
    super(options.message ?? (pathText ? `${pathText}: ${reason}` : reason));
    this.reason = reason;
    this.path = options.path;
    this.object = options.object;
    this.position = options.position;
    this.document = options.document;
    this.code = options.code ?? 'schema';
  }

  toJSON(): ValidationErrorBody {
    const body: ValidationErrorBody = { message: this.message };
    if (this.position) {
      body.line = this.position.line;
      body.column = this.position.column;
    }
    if (this.path && this.path.length > 0) body.path = formatFieldPath(this.path);
    if (this.document !== undefined) body.document = this.document;
    return body;
  }
}

/** A simulation asked for more than the engine allows (nodes × pods, events, virtual time). */
export class LimitExceededError extends ValidationError {
  constructor(reason: string, options: ValidationErrorOptions = {}) {
    super(reason, { ...options, code: 'limit' });
  }
}

/** Describes a JS value briefly for an error message (never the whole input). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `'${shown}'`;
  }
  return String(value);
}
