import type { ApiError } from '../../shared/errors/error-codes.ts';

/** An API answer that was not 2xx, with the server's `{ code, message, fields }`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
  fieldMessage(path: string): string | undefined {
    return this.body.fields?.find((f) => f.path === path)?.message;
  }
}

let csrfToken = '';
let language = 'da';
let onSessionEnded: () => void = () => {};

/** What to do when the server says the session has ended (log-out elsewhere, idle timeout, an administrator). */
export function setSessionEndedHandler(handler: () => void): void {
  onSessionEnded = handler;
}

export function setCsrfToken(token: string): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': language };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (response.status === 401 && !path.startsWith('/api/auth/')) onSessionEnded();
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({ code: 'internal_error', message: response.statusText }))) as unknown;
  if (!response.ok) throw new ApiRequestError(response.status, data as ApiError);
  return data as T;
}

/**
 * A request whose body is a file as the browser has it (bytes, in whatever encoding it was saved), answered with the
 * raw response: JSON, or a stream of JSON lines the caller reads as it comes.
 */
export async function apiFile(
  path: string,
  init: { method?: string; body?: Blob; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': language, 'x-csrf-token': csrfToken };
  if (init.body) headers['content-type'] = init.contentType ?? 'application/octet-stream';
  const response = await fetch(path, {
    method: init.method ?? 'POST',
    headers,
    credentials: 'same-origin',
    body: init.body ?? null,
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => ({ code: 'internal_error', message: response.statusText }))) as unknown;
    throw new ApiRequestError(response.status, data as ApiError);
  }
  return response;
}

/** A multipart form (an uploaded document): the browser sets the boundary; answers and errors as `api`. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'accept-language': language, 'x-csrf-token': csrfToken },
    credentials: 'same-origin',
    body: form,
  });
  if (response.status === 401) onSessionEnded();
  const data = (await response.json().catch(() => ({ code: 'internal_error', message: response.statusText }))) as unknown;
  if (!response.ok) throw new ApiRequestError(response.status, data as ApiError);
  return data as T;
}
