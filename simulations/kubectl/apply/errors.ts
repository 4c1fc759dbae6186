// How kubectl prints a failed request: the API server's Status, wrapped with
// the file it came from (cmdutil.AddSourceToErr), then printed by
// cmdutil.CheckErr: an Invalid error by its causes, other Status errors as
// "Error from server (<Reason>): <message>", anything else as "error: <message>".
// When several objects of one file fail, apply.go returns an aggregate and
// every error is printed by messageForError, one per line.
// src: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, StandardErrorMessage,
//      MultipleErrors, MultilineError, statusCausesToAggrError, AddSourceToErr)

import type { ApiResult } from '../../apiserver/result.ts';

/** One error of `kubectl apply`, printed alone or among others. */
export interface KubectlError {
  /** checkErr on this error alone: what stderr shows when it is the only one (ends in a newline). */
  readonly alone: string;
  /** messageForError: its line when several errors are printed together. */
  readonly inList: string;
}

/** An error that is not a Status from the server: "error: <message>" alone, the message itself among others. */
export function plainError(message: string): KubectlError {
  return { alone: withNewline(message.startsWith('error: ') ? message : `error: ${message}`), inList: message };
}

/**
 * A Status the server answered, its message prefixed as AddSourceToErr
 * prefixes it (`error when creating "web.yaml": `; see sourcePrefix).
 *
 * @example serverError(alreadyExists, sourcePrefix('creating', 'web.yaml')).alone
 *   // 'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\n'
 */
export function serverError(result: ApiResult, prefix = ''): KubectlError {
  const message = `${prefix}${result.message ?? ''}`;
  const standard = result.reason ? `Error from server (${result.reason}): ${message}` : `Error from server: ${message}`;
  if (result.code === 422 || result.reason === 'Invalid') return { alone: invalidMessage(result, message), inList: standard };
  return { alone: withNewline(standard), inList: standard };
}

/** AddSourceToErr's prefix: `error when <verb> "<source>": `. */
export function sourcePrefix(verb: string, source: string): string {
  return `error when ${verb} ${JSON.stringify(source)}: `;
}

/** checkErr's apierrors.IsInvalid case: the causes, not the message, once the Status says which object. */
function invalidMessage(result: ApiResult, message: string): string {
  const details = result.status?.details;
  let s = 'The request is invalid';
  if (!details) return withNewline(message ? `${s}: ${message}` : s);
  const causes = details.causes ?? [];
  if ((details.kind ?? '') !== '' || (details.name ?? '') !== '') s = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  else if (message && causes.length === 0) s += `: ${message}`;
  if (causes.length === 0) return withNewline(s);
  // statusCausesToAggrError: "<field>: <message>", duplicates dropped; MultilineError.
  const lines = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (lines.length === 1) return `${s}: ${lines[0]}\n`;
  return `${s}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** What apply prints on stderr for all its errors, in order (checkErr of the error, or of their aggregate). */
export function printErrors(errors: readonly KubectlError[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) return errors[0].alone;
  return errors.map((e) => `${e.inList}\n`).join('');
}
