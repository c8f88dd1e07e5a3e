// upload/transport.ts in process, against two loopback servers standing for the hub and a storage
// host: the token goes to the hub (its origin and path) only, fetched from the holder for each
// attempt; a caller's own Authorization never reaches the hub and does reach another host; a signed
// hub URL can go without the token; what is transient is retried with the server's Retry-After, and
// a final refusal becomes the caller's error, or is returned as it is.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteError } from '../../src/errors.js';
import { closeIdleConnections } from '../../src/http/agents.js';
import { HubTokenHolder } from '../../src/hub/token-holder.js';
import { UploadTransport } from '../../src/upload/transport.js';

interface Seen {
  readonly path: string;
  readonly authorization: string | undefined;
}

/** A server that records what it is sent and answers from a queue (200 "{}" when empty). */
async function startServer(): Promise<{
  url: string;
  seen: Seen[];
  answers: Array<[number, Record<string, string>]>;
  server: Server;
}> {
  const seen: Seen[] = [];
  const answers: Array<[number, Record<string, string>]> = [];
  const server = createServer((request: IncomingMessage, response) => {
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    request.resume();
    request.on('end', () => {
      const [status, headers] = answers.shift() ?? [200, {}];
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(status === 200 ? '{}' : '{"error":"busy"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, answers, server };
}

let hub: Awaited<ReturnType<typeof startServer>>;
let storage: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  hub = await startServer();
  storage = await startServer();
});
afterAll(async () => {
  closeIdleConnections();
  for (const { server } of [hub, storage]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

function transport(log: string[] = []): UploadTransport {
  let issued = 0;
  const tokens = new HubTokenHolder(
    { token: { accessToken: 'hf_jwt_first_token_0123', expiresInSeconds: 3600 }, requestedAt: new Date() },
    {
      renew: () =>
        Promise.resolve({
          token: { accessToken: `hf_jwt_renewed_${++issued}`, expiresInSeconds: 3600 },
          requestedAt: new Date(),
        }),
      log: () => undefined,
    },
  );
  return new UploadTransport({
    hubUrl: new URL(`${hub.url}/hub/`),
    tokens,
    maxAttempts: 3,
    idleMs: 5_000,
    log: (line) => log.push(line),
  });
}

describe('the upload transport', () => {
  it('attaches the token on the hub only, replacing a caller’s Authorization there and keeping it elsewhere', async () => {
    hub.seen.length = 0;
    storage.seen.length = 0;
    const sender = transport();
    const headers = { Authorization: 'Bearer caller-own-token' };
    await sender.send({ method: 'GET', url: new URL(`${hub.url}/hub/api/x`), headers, what: 'a hub call' });
    await sender.send({ method: 'GET', url: new URL(`${hub.url}/elsewhere`), headers, what: 'outside the hub path' });
    await sender.send({ method: 'PUT', url: new URL(`${storage.url}/bucket/key`), body: 'bytes', what: 'an upload' });
    await sender.send({
      method: 'POST',
      url: new URL(`${hub.url}/hub/complete`),
      what: 'a signed URL',
      authenticate: false,
    });
    expect(hub.seen).toEqual([
      { path: '/hub/api/x', authorization: 'Bearer hf_jwt_first_token_0123' },
      { path: '/elsewhere', authorization: 'Bearer caller-own-token' },
      { path: '/hub/complete', authorization: undefined },
    ]);
    expect(storage.seen).toEqual([{ path: '/bucket/key', authorization: undefined }]);
  });

  it('retries what is transient with the Retry-After, one line each, then succeeds', async () => {
    hub.seen.length = 0;
    hub.answers.push([503, { 'Retry-After': '0', 'x-request-id': 'r-1' }], [429, {}]);
    const log: string[] = [];
    const response = await transport(log).send({
      method: 'GET',
      url: new URL(`${hub.url}/hub/api/y`),
      what: 'the call',
    });
    expect(response.status).toBe(200);
    expect(hub.seen).toHaveLength(3);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(
      /^The call was answered HTTP 503 \(x-request-id: r-1\)\. Retrying in .* \(attempt 2 of 3\)\.$/,
    );
  });

  it('turns a final refusal into the caller’s error, or returns it when the caller reads statuses itself', async () => {
    hub.answers.push([404, {}]);
    const refuse = (): RemoteError => new RemoteError('refused', { code: 'HUB_REFUSED', transient: false });
    await expect(
      transport().send({ method: 'GET', url: new URL(`${hub.url}/hub/api/z`), what: 'the call' }, refuse),
    ).rejects.toThrow('refused');
    hub.answers.push([404, {}]);
    const answered = await transport().send({ method: 'GET', url: new URL(`${hub.url}/hub/api/z`), what: 'the call' });
    expect(answered.status).toBe(404);
    hub.answers.push([503, { 'Retry-After': '0' }], [503, { 'Retry-After': '0' }], [503, { 'Retry-After': '0' }]);
    const exhausted = await transport().send({ method: 'GET', url: new URL(`${hub.url}/hub/api/z`), what: 'the call' });
    expect(exhausted.status).toBe(503);
  });

  it('fails a network error after its attempts, and stops waiting when the caller aborts', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const log: string[] = [];
    await expect(transport(log).send({ method: 'GET', url, what: 'the upload of a.bin' })).rejects.toThrow(
      /^The upload of a\.bin failed: connection to 127\.0\.0\.1:\d+ refused/,
    );
    expect(log).toHaveLength(2);
    const aborted = AbortSignal.abort(new Error('stop'));
    await expect(transport().send({ method: 'GET', url, what: 'x', signal: aborted })).rejects.toThrow('stop');
  });
});
