// A server that only records what reaches it: the "other host" a redirect points at. A test that
// the action never follows a redirect asserts this server saw nothing.

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class TrapServer {
  readonly requests: Array<{ method: string; path: string; headers: IncomingHttpHeaders; body: string }> = [];
  #server: Server | undefined;

  /**
   * Another host than the Hub's 127.0.0.1: 127.0.0.2 on Linux and Windows, where the whole of
   * 127.0.0.0/8 is loopback; ::1 on macOS, whose loopback interface has only 127.0.0.1 for IPv4.
   */
  constructor(private readonly host = process.platform === 'darwin' ? '::1' : '127.0.0.2') {}

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('trap not started');
    return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${address.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({
          method: request.method ?? '?',
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            access_token: 'hf_jwt_stolen_by_the_redirect_target',
            token_type: 'bearer',
            expires_in: 3600,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, this.host, resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}
