// A local stand-in for the Hugging Face Hub's Trusted Publishers token endpoint (POST /oauth/token):
// verifies the ID token against the issuer's JWKS with jose, matches configured publishers exactly
// as the Hub documents (repository required; branch and workflow file when set), and answers with
// the Hub's success and error shapes, x-request-id on every response. It also serves the few read
// endpoints that `@huggingface/hub` calls with the issued token (whoami-v2, repo info).

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { applyFault, FaultQueue, sendJson } from './faults.js';
import { GITHUB_ISSUER } from './oidc-issuer.js';

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';

/** A Trusted Publisher as the Hub's settings page records it. */
export interface Publisher {
  repository: string;
  branch?: string;
  /** Workflow file name, e.g. `publish.yml`. */
  workflow?: string;
  environment?: string;
}

export interface IssuedHubToken {
  token: string;
  resource: string;
  expiresAt: number;
}

export interface ExchangeRequestRecord {
  headers: IncomingMessage['headers'];
  body: unknown;
}

const RESOURCE_PATTERN = /^(?:(?:datasets|spaces|kernels|buckets)\/)?[\w.-]+\/[\w.-]+$|^[\w.-]+$/;

export class HubServer {
  readonly faults = new FaultQueue();
  /** Faults for the read endpoints (whoami-v2, repo info), one per read. */
  readonly readFaults = new FaultQueue();
  /** resource → publishers allowed to get a token for it. */
  readonly publishers = new Map<string, Publisher[]>();
  readonly issuedTokens: IssuedHubToken[] = [];
  readonly exchangeRequests: ExchangeRequestRecord[] = [];
  readonly requestIds: string[] = [];
  /** Every request on any path, in order: how a test proves a wrong endpoint was called once. */
  readonly requests: Array<{ method: string; path: string; query?: string }> = [];
  #audience: string | undefined;
  /**
   * The `aud` this hub accepts. A real hub accepts ID tokens for its own URL only, so unless a test
   * sets another, this is the hub's own URL (publicUrl).
   */
  get audience(): string {
    return this.#audience ?? this.publicUrl;
  }
  set audience(value: string) {
    this.#audience = value;
  }
  /** The `aud` of every ID token presented to the exchange, verified or not: who was handed what. */
  readonly receivedAudiences: string[] = [];
  expiresInSeconds = 3600;
  /** When true, the Hub issues tokens as usual but its read endpoints and git refuse them (401). */
  refuseIssuedTokens = false;
  /** Requests to the read endpoints (whoami-v2, repo info), for asserting what a client called. */
  readonly reads: Array<{ path: string; token: string | undefined }> = [];
  /** Smart-HTTP git on the Hub's host (git-server.ts), when a test attaches one. */
  git:
    | { handle(request: IncomingMessage, response: ServerResponse, url: URL, headers: Record<string, string>): boolean }
    | undefined;
  /** The commit API and LFS batch endpoint (hub-commit-api.ts), when a test attaches one. */
  commitApi:
    | { handle(request: IncomingMessage, response: ServerResponse, url: URL, headers: Record<string, string>): boolean }
    | undefined;
  #server: Server | undefined;
  #jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  /**
   * With `tls`, the hub serves https (for the proxy tests, under `publicHost`, a name only the
   * tests resolve, which is also the URL it accepts as audience).
   */
  constructor(
    private readonly jwksUrl: string,
    private readonly options: { tls?: { key: string; cert: string }; publicHost?: string } = {},
  ) {}

  get port(): number {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('hub not started');
    return address.port;
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** The URL the hub knows itself by, and so the audience it accepts unless told otherwise. */
  get publicUrl(): string {
    return `${this.options.tls ? 'https' : 'http'}://${this.options.publicHost ?? '127.0.0.1'}:${this.port}`;
  }

  get exchangeCount(): number {
    return this.exchangeRequests.length;
  }

  /** Registers a Trusted Publisher for a resource (as a repo owner would on the Hub's settings page). */
  addPublisher(resource: string, publisher: Publisher): this {
    this.publishers.set(resource, [...(this.publishers.get(resource) ?? []), publisher]);
    return this;
  }

  async start(): Promise<this> {
    this.#jwks = createRemoteJWKSet(new URL(this.jwksUrl));
    const handler = (request: IncomingMessage, response: ServerResponse): void => void this.#handle(request, response);
    this.#server = this.options.tls ? createTlsServer(this.options.tls, handler) : createServer(handler);
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  /** The issued token record for a bearer token, if it is known and not expired. */
  findValidToken(token: string | undefined): IssuedHubToken | undefined {
    if (this.refuseIssuedTokens) return undefined;
    return this.issuedTokens.find((issued) => issued.token === token && issued.expiresAt > Date.now());
  }

  /** Makes every token issued so far expire now (to test what happens after the hour is up). */
  expireAllTokens(): void {
    for (const issued of this.issuedTokens) issued.expiresAt = 0;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = `Root=1-${randomUUID()}`;
    this.requestIds.push(requestId);
    const headers = { 'x-request-id': requestId };
    const url = new URL(request.url ?? '/', this.url);
    this.requests.push({
      method: request.method ?? '?',
      path: url.pathname,
      ...(url.search ? { query: url.search } : {}),
    });
    try {
      if (this.commitApi?.handle(request, response, url, headers)) return;
      if (this.git?.handle(request, response, url, headers)) return;
      if (url.pathname === '/oauth/token' && request.method === 'POST') {
        await this.#exchange(request, response, headers);
        return;
      }
      if (request.method === 'GET') {
        await this.#read(url, request, response, headers);
        return;
      }
      sendJson(response, 404, { error: 'Not Found' }, headers);
    } catch (error: unknown) {
      sendJson(response, 500, { error: `hub mock failed: ${String(error)}` }, headers);
    }
  }

  async #exchange(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): Promise<void> {
    const text = await readBody(request);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    this.exchangeRequests.push({ headers: request.headers, body });
    const subjectToken =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['subject_token'] : undefined;
    if (typeof subjectToken === 'string') {
      try {
        const { aud } = decodeJwt(subjectToken);
        this.receivedAudiences.push(...(Array.isArray(aud) ? aud : [aud ?? '']));
      } catch {
        this.receivedAudiences.push('(not a JWT)');
      }
    }
    const fault = this.faults.take();
    if (fault && applyFault(fault, request, response, headers)) return;

    const refuse = (error: string, description: string): void => {
      sendJson(response, 400, { error, error_description: description }, headers);
    };
    if (!request.headers['content-type']?.startsWith('application/json') || typeof body !== 'object' || body === null) {
      refuse('invalid_request', 'Request body must be JSON');
      return;
    }
    const fields = body as Record<string, unknown>;
    for (const name of ['grant_type', 'subject_token_type', 'subject_token', 'resource']) {
      if (typeof fields[name] !== 'string' || fields[name] === '') {
        refuse('invalid_request', `Missing parameter: ${name}`);
        return;
      }
    }
    if (fields['grant_type'] !== GRANT_TYPE) {
      refuse('unsupported_grant_type', 'Unsupported grant_type');
      return;
    }
    if (fields['subject_token_type'] !== ID_TOKEN_TYPE) {
      refuse('invalid_request', 'Unsupported subject_token_type');
      return;
    }
    const resource = String(fields['resource']);
    if (!RESOURCE_PATTERN.test(resource)) {
      refuse('invalid_request', 'Invalid resource format');
      return;
    }

    let claims: JWTPayload;
    try {
      if (!this.#jwks) throw new Error('not started');
      ({ payload: claims } = await jwtVerify(String(fields['subject_token']), this.#jwks, {
        issuer: GITHUB_ISSUER,
        audience: this.audience,
        algorithms: ['RS256'],
      }));
    } catch (error: unknown) {
      refuse('invalid_grant', `Invalid subject token: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const publishers = this.publishers.get(resource);
    if (!publishers?.length) {
      refuse('invalid_grant', `No trusted publisher configured for ${resource} with this issuer`);
      return;
    }
    if (!publishers.some((publisher) => matches(publisher, claims))) {
      refuse('invalid_grant', 'Token claims do not match any trusted publisher');
      return;
    }

    const token = `${resource.includes('/') ? 'hf_jwt_' : 'hf_oauth_'}${randomBytes(32).toString('base64url')}`;
    this.issuedTokens.push({ token, resource, expiresAt: Date.now() + this.expiresInSeconds * 1000 });
    const success: Record<string, unknown> = {
      access_token: token,
      token_type: 'bearer',
      expires_in: this.expiresInSeconds,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    };
    sendJson(response, 200, fault?.kind === 'transform' ? fault.transform(success) : success, headers);
  }

  /** whoami-v2 and repo info, the reads `@huggingface/hub` makes with a token. */
  async #read(
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    const bearer = request.headers.authorization?.replace(/^Bearer /, '');
    this.reads.push({ path: url.pathname, token: bearer });
    const fault = this.readFaults.take();
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault && applyFault(fault, request, response, headers)) return;
    const issued = this.findValidToken(bearer);
    if (!issued) {
      sendJson(response, 401, { error: 'Invalid credentials in Authorization header' }, headers);
      return;
    }
    if (url.pathname === '/api/whoami-v2') {
      const user = issued.resource.includes('/') ? '[OIDC]' : issued.resource;
      sendJson(
        response,
        200,
        {
          type: 'user',
          name: user,
          fullname: user,
          auth: { type: 'access_token', accessToken: { role: issued.resource.includes('/') ? 'write' : 'read' } },
        },
        headers,
      );
      return;
    }
    const repo = /^\/api\/(models|datasets|spaces|kernels|buckets)\/([^/]+\/[^/]+)$/.exec(url.pathname);
    if (repo) {
      const [, type = '', id = ''] = repo;
      const resource = type === 'models' ? id : `${type}/${id}`;
      if (issued.resource !== resource) {
        sendJson(response, 404, { error: 'Repository not found' }, headers);
        return;
      }
      sendJson(response, 200, { id, _id: randomUUID(), private: false }, headers);
      return;
    }
    sendJson(response, 404, { error: 'Not Found' }, headers);
  }
}

function matches(publisher: Publisher, claims: JWTPayload): boolean {
  if (claims['repository'] !== publisher.repository) return false;
  if (publisher.branch !== undefined && claims['ref'] !== `refs/heads/${publisher.branch}`) return false;
  if (publisher.workflow !== undefined) {
    const workflowRef = typeof claims['workflow_ref'] === 'string' ? claims['workflow_ref'] : '';
    if ((workflowRef.split('@')[0] ?? '').split('/').pop() !== publisher.workflow) return false;
  }
  if (publisher.environment !== undefined && claims['environment'] !== publisher.environment) return false;
  return true;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
