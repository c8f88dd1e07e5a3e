// Misbehaviour on demand for the local servers: each server holds a queue of faults, and each call
// takes the next one (or behaves normally when the queue is empty). This is how the end-to-end
// suite injects 503s, resets, hung connections, slow-drip and oversized bodies, redirects, etc.

import type { IncomingMessage, ServerResponse } from 'node:http';

export type Fault =
  /** Answer with this status, JSON body (or raw string) and headers instead of the normal answer. */
  | { kind: 'respond'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Destroy the connection before any response byte. */
  | { kind: 'reset-before-response' }
  /** Send headers and half of a body, then destroy the connection. */
  | { kind: 'reset-mid-body'; status?: number }
  /** Never answer (the connection stays open). */
  | { kind: 'hang' }
  /** Send a valid status and headers, then one byte every `intervalMs`, forever. */
  | { kind: 'slow-drip'; intervalMs: number }
  /** Send a 200 body of `bytes` bytes (streamed, not buffered). */
  | { kind: 'huge-body'; bytes: number }
  /** Behave normally, but only after `ms` milliseconds (a slow server, not a broken one). */
  | { kind: 'delay'; ms: number }
  /** Behave normally, but let `transform` rewrite the normal JSON body before it is sent. */
  | { kind: 'transform'; transform: (body: Record<string, unknown>) => unknown }
  /** Read `afterBytes` bytes of the request body (default: half its Content-Length), then destroy the connection. */
  | { kind: 'reset-mid-request-body'; afterBytes?: number }
  /**
   * Accept the request headers, read `afterBytes` bytes of the body (default 0), then stop reading it
   * (the client's writes back up) for `ms` milliseconds (default 10 minutes), then destroy the connection.
   */
  | { kind: 'stall-request-body'; afterBytes?: number; ms?: number };

/** A FIFO of faults, one per call. A server with faults of its own kinds can widen `F`. */
export class FaultQueue<F = Fault> {
  readonly #faults: F[] = [];

  push(...faults: F[]): void {
    this.#faults.push(...faults);
  }

  take(): F | undefined {
    return this.#faults.shift();
  }

  clear(): void {
    this.#faults.length = 0;
  }
}

/** Sends a JSON (or, for a string body, raw) response with the given headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/**
 * Applies a fault that replaces the whole answer. Returns false for `transform` and `delay` (which
 * the server applies around its normal answer) so the caller goes on normally.
 */
export function applyFault(
  fault: Fault,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): boolean {
  switch (fault.kind) {
    case 'respond':
      sendJson(response, fault.status, fault.body ?? '', { ...headers, ...fault.headers });
      return true;
    case 'reset-before-response':
      request.socket.destroy();
      return true;
    case 'reset-mid-body':
      response.writeHead(fault.status ?? 200, {
        'Content-Type': 'application/json',
        'Content-Length': '200',
        ...headers,
      });
      response.write('{"access_token": "hf_jwt_partial');
      setTimeout(() => request.socket.destroy(), 20);
      return true;
    case 'hang':
      return true;
    case 'slow-drip': {
      response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
      response.write('{');
      const timer = setInterval(() => response.write(' '), fault.intervalMs);
      response.on('close', () => clearInterval(timer));
      return true;
    }
    case 'huge-body': {
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': String(fault.bytes),
        ...headers,
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < fault.bytes) {
          const piece = chunk.subarray(0, Math.min(chunk.length, fault.bytes - sent));
          sent += piece.length;
          if (!response.write(piece)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
      return true;
    }
    case 'transform':
    case 'delay': // the server waits itself (see hub-server.ts), then answers normally
      return false;
    case 'reset-mid-request-body': {
      const limit = fault.afterBytes ?? Math.floor(Number(request.headers['content-length'] ?? 0) / 2);
      let read = 0;
      const onData = (chunk: Buffer): void => {
        read += chunk.length;
        if (read >= limit) request.socket.destroy();
      };
      if (limit <= 0) request.socket.destroy();
      else request.on('data', onData);
      return true;
    }
    case 'stall-request-body': {
      const limit = fault.afterBytes ?? 0;
      let read = 0;
      const stall = (): void => {
        request.pause();
        const timer = setTimeout(() => request.socket.destroy(), fault.ms ?? 600_000);
        request.socket.once('close', () => clearTimeout(timer));
      };
      if (limit <= 0) {
        stall();
        return true;
      }
      const onData = (chunk: Buffer): void => {
        read += chunk.length;
        if (read < limit) return;
        request.off('data', onData);
        stall();
      };
      request.on('data', onData);
      return true;
    }
  }
}
