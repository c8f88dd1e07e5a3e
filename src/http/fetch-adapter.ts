// The one `fetch` that @huggingface/hub is given, by verify (hub/verify.ts; the upload no longer
// uses the library, see upload/send-commit.ts): it turns the library's Fetch API calls into the action's own requests
// and their answers back into Responses, so every request of the library gets what the action's
// HTTP stack gives (request.ts: proxies, time limits, body caps, no redirects) where Node's global
// fetch would ignore HTTPS_PROXY and buffer large bodies. What is sent, with which token and which
// policy, is the caller's `send`; this adapter only translates, in both directions.

import type { HttpResponse, StreamedBody } from './request.js';

/** A request of the library, in the action's terms. */
export interface AdaptedRequest {
  readonly url: URL;
  /** Upper case. */
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | StreamedBody | undefined;
  readonly signal: AbortSignal | undefined;
  /** The library's own init, for what it passes outside the Fetch API (the upload's progress hints). */
  readonly init: RequestInit | undefined;
}

export interface FetchAdapterOptions {
  /** Sends one request of the library (or answers it); the answer becomes the library's Response. */
  readonly send: (request: AdaptedRequest) => Promise<HttpResponse>;
  /** A body the caller streams itself (the upload's files on disk), or undefined for any other. */
  readonly streamBody?: (body: unknown) => StreamedBody | undefined;
}

/** A `fetch` for @huggingface/hub over `options.send`. */
export function createFetchAdapter(options: FetchAdapterOptions): typeof fetch {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const body = await toRequestBody(init?.body, options.streamBody);
    const response = await options.send({ url, method, headers, body, signal: init?.signal ?? undefined, init });
    return toFetchResponse(url, response);
  };
}

/** The library's body, as the action sends it: what the caller streams stays a stream, never read whole. */
async function toRequestBody(
  body: RequestInit['body'],
  streamBody: FetchAdapterOptions['streamBody'],
): Promise<string | Uint8Array | StreamedBody | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  const streamed = streamBody?.(body);
  if (streamed) return streamed;
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new Error('@huggingface/hub sent a request body of a kind the action does not send');
}

/**
 * An answer as a fetch Response, with its URL (which the library puts in its errors). A status the
 * Fetch API cannot carry a body with (1xx, 204, 205, 304) comes without one; a status it cannot
 * represent at all (outside 200-599) becomes a 502: the answer was not one a server should give.
 */
export function toFetchResponse(url: URL, response: HttpResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const status = response.status;
  const bodyless = status < 200 || status === 204 || status === 205 || status === 304;
  const result = new Response(bodyless ? null : new Uint8Array(response.bytes), {
    status: status < 200 || status > 599 ? 502 : status,
    headers,
  });
  Object.defineProperty(result, 'url', { value: url.href });
  return result;
}
