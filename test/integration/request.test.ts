// http/request.ts and its pieces, in process, against loopback servers the test starts: answers read
// whole and capped, the total time limit and the inactivity limit (the longer wait once the body is
// sent), bodies from memory, from a stream and from a file range (with progress, and refused when
// the file is not as long as announced), socket failures explained, abort, kept-alive connections
// closed, and the trace lines under step debug logging. Limits are short: what is asserted is the
// outcome and its code, never how long it took.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RemoteError } from '../../src/errors.js';
import { closeIdleConnections, proxyHostFor } from '../../src/http/agents.js';
import { FILE_CHUNK_BYTES } from '../../src/http/file-pump.js';
import { createTestCertificates, findOpenssl } from '../support/certificates.js';
import { ForwardProxy } from '../support/forward-proxy.js';
import { sendRequest, type HttpRequest, type HttpResponse, type StreamedBody } from '../../src/http/request.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

/** A loopback server whose answer each test sets; it records every request's body. */
class LoopbackServer {
  handler: Handler = (_request, response) => response.end('ok');
  readonly bodies: Buffer[] = [];
  readonly connections = new Set<string>();
  #server: Server | undefined;

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      this.connections.add(`${request.socket.remotePort ?? 0}`);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        this.bodies.push(body);
        this.handler(request, response, body);
      });
      request.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path = '/'): URL {
    return new URL(path, `http://127.0.0.1:${(this.#server?.address() as AddressInfo).port}`);
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}

const server = new LoopbackServer();
const scratch = mkdtempSync(join(tmpdir(), 'request-test-'));
beforeAll(() => server.start());
afterAll(async () => {
  closeIdleConnections();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => {
  server.handler = (_request, response) => response.end('ok');
  server.bodies.length = 0;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const get = (overrides: Partial<HttpRequest> = {}): Promise<HttpResponse> =>
  sendRequest({
    method: 'GET',
    url: server.url('/thing'),
    headers: {},
    timeoutMs: 5_000,
    timeoutLabel: 'the test limit',
    maxBodyBytes: 1024,
    ...overrides,
  });

async function failure(promise: Promise<unknown>): Promise<RemoteError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RemoteError);
  return error as RemoteError;
}

describe('an answer', () => {
  it('is read whole, as text and bytes, with its status and headers; a redirect is not followed', async () => {
    server.handler = (_request, response) => {
      response.writeHead(302, { Location: 'http://elsewhere.test/', 'x-request-id': 'abc' });
      response.end('moved');
    };
    const response = await get();
    expect(response.status).toBe(302);
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.body).toBe('moved');
    expect(response.bytes.equals(Buffer.from('moved'))).toBe(true);
  });

  it('larger than the cap fails for good, whatever its status', async () => {
    server.handler = (_request, response) => response.end(Buffer.alloc(4096, 0x61));
    const error = await failure(get());
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(/^the response from 127\.0\.0\.1:\d+ \(HTTP 200\) is larger than 1024 bytes$/);
  });

  it('that never comes fails at the time limit, transiently, naming the limit', async () => {
    server.handler = () => undefined;
    const error = await failure(get({ timeoutMs: 100 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.transient).toBe(true);
    expect(error.message).toMatch(/^GET 127\.0\.0\.1:\d+\/thing did not complete within the test limit$/);
  });

  it('that stops moving fails at the inactivity limit (a stall), transiently', async () => {
    server.handler = (_request, response) => {
      response.writeHead(200);
      response.write('first bytes');
    };
    const error = await failure(
      sendRequest({
        method: 'GET',
        url: server.url('/thing'),
        headers: {},
        timeoutLabel: 'the test limit',
        idle: { ms: 100 },
        maxBodyBytes: 1024,
      }),
    );
    expect(error.code).toBe('STALLED');
    expect(error.transient).toBe(true);
    expect(error.message).toContain('stalled: no data moved for 100 ms (the test limit)');
  });

  it('dripping a byte at a time fails at the answer limit, though bytes keep moving', async () => {
    server.handler = (_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    };
    const error = await failure(
      sendRequest({
        method: 'GET',
        url: server.url('/drip'),
        headers: {},
        timeoutLabel: 'the test limit',
        idle: { ms: 1_000, answer: { ms: 200, label: 'the answer limit' } },
        maxBodyBytes: 1024 * 1024,
      }),
    );
    expect(error.code).toBe('ANSWER_TOO_SLOW');
    expect(error.message).toMatch(/\/drip: the answer was not complete 200 ms after it began \(the answer limit\)$/);
  });

  it('may take the longer processing wait once the body is sent', async () => {
    server.handler = (_request, response) => setTimeout(() => response.end('processed'), 300);
    const response = await sendRequest({
      method: 'POST',
      url: server.url(),
      headers: {},
      body: 'commit',
      timeoutLabel: 'the test limit',
      idle: { ms: 100, afterBodyMs: 5_000 },
      maxBodyBytes: 1024,
    });
    expect(response.body).toBe('processed');
    expect(server.bodies[0]?.toString()).toBe('commit');
  });

  it('cut off mid-body fails transiently, as a network failure', async () => {
    server.handler = (request, response) => {
      response.writeHead(200, { 'Content-Length': '100' });
      response.write('partial');
      setTimeout(() => request.socket.destroy(), 20);
    };
    const error = await failure(get());
    expect(error.code).toBe('NETWORK');
    expect(error.transient).toBe(true);
    expect(error.message).toMatch(/closed before the response was complete|reset/);
  });
});

describe('a request body', () => {
  it('from memory gets its Content-Length, as text or bytes', async () => {
    let length: string | undefined;
    server.handler = (request, response) => {
      length = request.headers['content-length'];
      response.end();
    };
    await get({ method: 'PUT', body: 'héllo' });
    expect(length).toBe('6');
    await get({ method: 'PUT', body: new Uint8Array([1, 2, 3]) });
    expect(length).toBe('3');
    expect([...(server.bodies[1] ?? [])]).toEqual([1, 2, 3]);
  });

  it('from a stream is piped with progress, and refused when shorter than announced', async () => {
    const progress: number[] = [];
    const chunks = [Buffer.from('abc'), Buffer.from('defg')];
    await get({
      method: 'PUT',
      body: { length: 7, description: 'the stream', open: () => Readable.from(chunks) },
      onBodyProgress: (sent) => progress.push(sent),
    });
    expect(server.bodies[0]?.toString()).toBe('abcdefg');
    expect(progress).toEqual([3, 7]);

    const error = await failure(
      get({ method: 'PUT', body: { length: 10, description: 'the stream', open: () => Readable.from(chunks) } }),
    );
    expect(error.code).toBe('LOCAL_FILE');
    expect(error.message).toBe('the stream changed while it was being sent: 7 bytes read, 10 expected');
  });

  it('from a file range is pumped through two buffers, byte for byte, with progress', async () => {
    const content = randomBytes(2 * FILE_CHUNK_BYTES + 12345);
    const path = join(scratch, 'weights.bin');
    writeFileSync(path, Buffer.concat([Buffer.from('skip'), content]));
    const progress: number[] = [];
    await get({
      method: 'PUT',
      body: {
        length: content.length,
        description: 'weights.bin',
        open: () => Readable.from([]),
        file: { open: () => open(path, 'r'), start: 4 },
      },
      onBodyProgress: (sent) => progress.push(sent),
      maxBodyBytes: 1024,
    });
    expect(server.bodies[0]?.equals(content)).toBe(true);
    expect(progress.at(-1)).toBe(content.length);
    expect(progress).toHaveLength(3);
  });

  it('from a file that is shorter than announced, or gone, fails for good and says which file', async () => {
    const path = join(scratch, 'short.bin');
    writeFileSync(path, 'abc');
    const file = (length: number, at: string): StreamedBody => ({
      length,
      description: 'short.bin',
      open: () => Readable.from([]),
      file: { open: () => open(at, 'r'), start: 0 },
    });
    const short = await failure(get({ method: 'PUT', body: file(10, path) }));
    expect(short.code).toBe('LOCAL_FILE');
    expect(short.message).toBe('short.bin changed while it was being sent: 3 bytes read, 10 expected');
    expect(short.hint).toContain('Do not change the files to upload');
    const gone = await failure(get({ method: 'PUT', body: file(3, join(scratch, 'missing.bin')) }));
    expect(gone.code).toBe('LOCAL_FILE');
    expect(gone.message).toBe('could not read short.bin: ENOENT');
  });
});

describe('a connection', () => {
  it('refused is a transient network failure that names the host', async () => {
    const closed = await new LoopbackServer().start();
    const url = closed.url('/x');
    await closed.stop();
    const error = await failure(get({ url }));
    expect(error.code).toBe('NETWORK');
    expect(error.transient).toBe(true);
    expect(error.message).toBe(`connection to ${url.host} refused`);
  });

  it('to a name that does not resolve says so', async () => {
    const error = await failure(get({ url: new URL('http://no-such-host.invalid/'), timeoutMs: 10_000 }));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/could not resolve no-such-host\.invalid|network error talking to/);
  });

  it('aborted by the caller fails with the signal’s reason, before or during the request', async () => {
    const reason = new Error('the upload failed elsewhere');
    await expect(get({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    server.handler = () => undefined;
    const controller = new AbortController();
    const pending = get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('is kept alive across requests when asked, until closeIdleConnections', async () => {
    server.connections.clear();
    for (let index = 0; index < 3; index++) await get({ keepAlive: true });
    expect(server.connections.size).toBe(1);
    closeIdleConnections();
    await get({ keepAlive: true });
    expect(server.connections.size).toBe(2);
    closeIdleConnections();
  });
});

describe('TLS and proxies', () => {
  const openssl = findOpenssl();

  it.skipIf(openssl === undefined)(
    'a certificate that does not verify is a TLS failure, never retried, with the CA hint',
    async () => {
      const certificates = createTestCertificates(['localhost'], openssl);
      const tls = createHttpsServer({ key: certificates.key, cert: certificates.cert }, (_request, response) =>
        response.end('secret'),
      );
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      try {
        const port = (tls.address() as AddressInfo).port;
        const error = await failure(get({ url: new URL(`https://localhost:${port}/`) }));
        expect(error.code).toBe('TLS');
        expect(error.transient).toBe(false);
        expect(error.message).toMatch(new RegExp(`^TLS verification of localhost:${port} failed \\(`));
        expect(error.hint).toContain('NODE_EXTRA_CA_CERTS');
      } finally {
        tls.closeAllConnections();
        await new Promise<void>((resolve) => tls.close(() => resolve()));
        certificates.remove();
      }
    },
  );

  it('a proxy that refuses the tunnel is named, as configuration (403 is not retried)', async () => {
    const proxy = await new ForwardProxy({}).start();
    try {
      vi.stubEnv('HTTPS_PROXY', proxy.url);
      vi.stubEnv('https_proxy', proxy.url);
      vi.stubEnv('NO_PROXY', '');
      vi.stubEnv('no_proxy', '');
      const error = await failure(get({ url: new URL('https://hub.example.test/api') }));
      expect(error.code).toBe('PROXY');
      expect(error.transient).toBe(false);
      expect(error.message).toBe(
        `the proxy ${new URL(proxy.url).host} refused to open a tunnel to hub.example.test: HTTP 403`,
      );
      expect(error.hint).toContain('HTTPS_PROXY and NO_PROXY');
      expect(proxy.tunnels).toEqual(['hub.example.test:443']);
    } finally {
      await proxy.stop();
    }
  });
});

describe('proxies and tracing', () => {
  it('names the proxy a request would go through, without its credentials, and none under NO_PROXY', () => {
    vi.stubEnv('https_proxy', 'http://user:secret@proxy.test:3128');
    vi.stubEnv('HTTPS_PROXY', 'http://user:secret@proxy.test:3128');
    vi.stubEnv('no_proxy', 'internal.test');
    vi.stubEnv('NO_PROXY', 'internal.test');
    expect(proxyHostFor(new URL('https://huggingface.co/'))).toBe('proxy.test:3128');
    expect(proxyHostFor(new URL('https://internal.test/'))).toBeUndefined();
  });

  it('traces each request under step debug logging: target, limits, outcome, safe headers only', async () => {
    vi.stubEnv('RUNNER_DEBUG', '1');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    server.handler = (_request, response) => {
      response.writeHead(200, { 'x-request-id': 'id-1', Location: 'http://x.test/?token=secret' });
      response.end('{}');
    };
    await get({ url: server.url('/path?query=secret') });
    server.handler = () => undefined;
    await failure(get({ timeoutMs: 50 }));
    const trace = written.join('');
    expect(trace).toMatch(/::debug::GET 127\.0\.0\.1:\d+\/path: sending, direct, time limit 5000 ms/);
    expect(trace).toMatch(/::debug::GET 127\.0\.0\.1:\d+\/path → HTTP 200 in \d+ ms, 2 bytes, x-request-id id-1/);
    expect(trace).toMatch(/::debug::GET 127\.0\.0\.1:\d+\/thing failed after \d+ ms: time limit reached/);
    expect(trace).not.toContain('secret');
  });
});
