// A small forwarding proxy for the proxy tests, as a corporate HTTPS_PROXY would be: it answers
// CONNECT host:port with a TCP tunnel and records each tunnel. It resolves names only from its own
// table (e.g. hub.test → 127.0.0.1), so a test can use a non-loopback name (the toolkit always
// bypasses the proxy for loopback hosts) without any DNS query, and nothing leaves the machine:
// a CONNECT to a name not in the table is refused.

import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export class ForwardProxy {
  /** Every CONNECT target, `host:port`, in order, including refused ones. */
  readonly tunnels: string[] = [];
  /** Plain (non-CONNECT) proxy requests: absolute URLs. */
  readonly plainRequests: string[] = [];
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;

  constructor(private readonly hosts: Readonly<Record<string, string>>) {}

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('proxy not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      // Only CONNECT is supported: every target the action may reach through a proxy is https.
      this.plainRequests.push(request.url ?? '');
      response.writeHead(405, { 'Content-Type': 'text/plain' });
      response.end('this test proxy only tunnels (CONNECT)');
    });
    this.#server.on('connect', (request, client: Socket, head: Buffer) => {
      this.#sockets.add(client);
      client.on('close', () => this.#sockets.delete(client));
      client.on('error', () => undefined);
      const target = request.url ?? '';
      this.tunnels.push(target);
      const separator = target.lastIndexOf(':');
      const address = this.hosts[target.slice(0, separator)];
      const port = Number(target.slice(separator + 1));
      if (separator < 0 || address === undefined || !Number.isInteger(port)) {
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const upstream = connect(port, address, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      this.#sockets.add(upstream);
      upstream.on('close', () => this.#sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}
