// The one fetch adapter for @huggingface/hub (http/fetch-adapter.ts): what the library asks is what
// the caller's `send` gets (URL, upper-case method, headers, every kind of body, the signal and the
// library's own init), and the answer comes back as a Response the library can read (headers with
// several values, no body where the Fetch API allows none, a 502 for a status it cannot carry). And
// the library itself, driven through it against the local Hub.

import { Readable } from 'node:stream';
import { whoAmI } from '@huggingface/hub';
import { describe, expect, it } from 'vitest';
import { createFetchAdapter, type AdaptedRequest } from '../../src/http/fetch-adapter.js';
import { sendRequest, type HttpResponse } from '../../src/http/request.js';
import { startLocalServices } from '../support/local-services.js';

const answer = (status: number, body = '', headers: HttpResponse['headers'] = {}): HttpResponse => ({
  status,
  headers,
  body,
  bytes: Buffer.from(body),
});

/** An adapter whose `send` records each request and gives `reply`'s answer. */
function recording(reply: (request: AdaptedRequest) => HttpResponse = () => answer(200, '{}')) {
  const sent: AdaptedRequest[] = [];
  const adapted = createFetchAdapter({
    send: (request) => {
      sent.push(request);
      return Promise.resolve(reply(request));
    },
    streamBody: (body) =>
      body instanceof Uint16Array
        ? { length: body.byteLength, description: 'streamed', open: () => Readable.from([]) }
        : undefined,
  });
  return { adapted, sent };
}

describe('the fetch adapter', () => {
  it('hands send the URL, the method in upper case, the headers, the signal and the init', async () => {
    const { adapted, sent } = recording();
    const controller = new AbortController();
    const init = { method: 'post', headers: { 'X-One': '1' }, signal: controller.signal, progressHint: { part: 1 } };
    await adapted(new URL('https://hub.test/api/x?y=1'), init);
    await adapted(new Request('https://hub.test/from-request', { method: 'PUT' }));
    await adapted('https://hub.test/plain');
    expect(sent.map((request) => [request.url.href, request.method])).toEqual([
      ['https://hub.test/api/x?y=1', 'POST'],
      ['https://hub.test/from-request', 'PUT'],
      ['https://hub.test/plain', 'GET'],
    ]);
    expect(sent[0]?.headers).toEqual({ 'x-one': '1' });
    expect(sent[0]?.signal).toBe(controller.signal);
    expect((sent[0]?.init as { progressHint?: unknown } | undefined)?.progressHint).toEqual({ part: 1 });
  });

  it('turns every kind of body into one the action sends; what the caller streams stays a stream', async () => {
    const { adapted, sent } = recording();
    const bodies: NonNullable<RequestInit['body']>[] = [
      'text',
      new Blob(['blob']),
      new TextEncoder().encode('bytes').buffer,
      new Uint8Array([1, 2]),
      new DataView(new Uint8Array([9, 8, 7]).buffer, 1, 2),
      new Uint16Array([1, 2]),
    ];
    for (const body of bodies) await adapted('https://hub.test/', { method: 'PUT', body });
    await adapted('https://hub.test/', { method: 'PUT' });
    const seen = sent.map(({ body }) =>
      typeof body === 'string' || body === undefined ? body : body instanceof Uint8Array ? [...body] : body.description,
    );
    expect(seen).toEqual([
      'text',
      [...Buffer.from('blob')],
      [...Buffer.from('bytes')],
      [1, 2],
      [8, 7],
      'streamed',
      undefined,
    ]);
    await expect(
      adapted('https://hub.test/', { method: 'PUT', body: Readable.toWeb(Readable.from([])) as ReadableStream }),
    ).rejects.toThrow('a request body of a kind the action does not send');
  });

  it('gives the library a Response it can read: status, repeated headers, the URL, and no body where none is allowed', async () => {
    const { adapted } = recording((request) =>
      request.url.pathname === '/ok'
        ? answer(201, '{"a":1}', { 'set-cookie': ['a=1', 'b=2'], 'x-request-id': 'r1' })
        : request.url.pathname === '/empty'
          ? answer(204, 'ignored')
          : answer(999, 'odd'),
    );
    const ok = await adapted('https://hub.test/ok');
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ a: 1 });
    expect(ok.headers.get('x-request-id')).toBe('r1');
    expect(ok.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(ok.url).toBe('https://hub.test/ok');
    const empty = await adapted('https://hub.test/empty');
    expect([empty.status, await empty.text()]).toEqual([204, '']);
    const odd = await adapted('https://hub.test/odd');
    expect(odd.status).toBe(502);
  });

  it("serves @huggingface/hub's own calls over the action's requests, against the local Hub", async () => {
    const services = await startLocalServices();
    try {
      services.hub.addPublisher('octocat', { repository: 'acme/awesome-model' });
      services.hub.issuedTokens.push({ token: 'hf_oauth_0123456789abcdef', resource: 'octocat', expiresAt: Infinity });
      const paths: string[] = [];
      const adapted = createFetchAdapter({
        send: ({ url, headers }) => {
          paths.push(url.pathname);
          return sendRequest({
            method: 'GET',
            url,
            headers,
            timeoutMs: 10_000,
            timeoutLabel: 'the test limit',
            maxBodyBytes: 64 * 1024,
          });
        },
      });
      const identity = await whoAmI({
        hubUrl: services.hub.url,
        accessToken: 'hf_oauth_0123456789abcdef',
        fetch: adapted,
      });
      expect(identity.name).toBe('octocat');
      expect(paths).toEqual(['/api/whoami-v2']);
      expect(services.hub.reads).toEqual([{ path: '/api/whoami-v2', token: 'hf_oauth_0123456789abcdef' }]);
    } finally {
      await services.stop();
    }
  });
});
