// What kubectl needs of the API server, and the HTTP requests it sends: the
// apply, diff and patch commands call these methods, the way kubectl's
// resource.Helper calls the REST API (GET, POST, PATCH with a Content-Type and
// ?fieldManager, ?dryRun=All, ?force). ApiServer is one; a test can pass a
// stand-in for kinds the simulated server does not serve.

import type { ObjectRef, WriteOptions } from '../../apiserver/api-server.ts';
import type { PatchRequest } from '../../apiserver/patcher.ts';
import type { ApiResult } from '../../apiserver/result.ts';

export interface ApiClient {
  get(ref: ObjectRef): ApiResult;
  create(object: object, options?: WriteOptions): ApiResult;
  patch(ref: ObjectRef, body: unknown, options?: WriteOptions & PatchRequest): ApiResult;
}

/** One request as kubectl sends it (what the view shows, and what conformance tests compare with real kubectl's). */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query: string;
  contentType: string;
  body: string;
}

/** The server's answer, as much of it as kubectl reports. */
export interface HttpResponse {
  code: number;
  reason?: string;
  message?: string;
}

export function responseOf(result: ApiResult): HttpResponse {
  return { code: result.code, ...(result.reason ? { reason: result.reason } : {}), ...(result.message ? { message: result.message } : {}) };
}
