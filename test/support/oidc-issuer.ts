// A local stand-in for GitHub Actions' OIDC issuer: signs RS256 ID tokens with realistic claims and
// serves them the way ACTIONS_ID_TOKEN_REQUEST_URL does (GET ?audience=…, Bearer request token,
// answer {"value": "<jwt>"}), plus its JWKS so the local Hub can verify what it signed.

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { applyFault, FaultQueue, sendJson } from './faults.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** Who the simulated run is. Defaults: a push to main of acme/awesome-model running publish.yml. */
export interface RunIdentity {
  repository: string;
  ref: string;
  workflowFile: string;
  /** Set for a job in a reusable workflow: `owner/repo/.github/workflows/file.yml@ref`. */
  jobWorkflowRef?: string;
  environment?: string;
  /** GitHub's immutable subject (`repo:owner@<id>/repo@<id>:…`), for repositories created or renamed since 2026-07-15. */
  immutableSubject?: boolean;
  eventName: string;
  actor: string;
}

export const REPOSITORY_ID = '123456789';
export const OWNER_ID = '987654';

export const DEFAULT_IDENTITY: RunIdentity = {
  repository: 'acme/awesome-model',
  ref: 'refs/heads/main',
  workflowFile: 'publish.yml',
  eventName: 'push',
  actor: 'octocat',
};

export class OidcIssuer {
  readonly faults = new FaultQueue();
  /** Every ID token this issuer handed out, for leak checks. */
  readonly issuedTokens: string[] = [];
  readonly requestedAudiences: string[] = [];
  readonly requestToken = randomBytes(24).toString('base64url');
  identity: RunIdentity = { ...DEFAULT_IDENTITY };
  issuer = GITHUB_ISSUER;
  lifetimeSeconds = 300;
  #server: Server | undefined;
  #privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'] | undefined;
  #publicJwk: JWK | undefined;
  readonly #keyId = randomUUID();

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('issuer not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** What the runner puts in ACTIONS_ID_TOKEN_REQUEST_URL (it already carries a query string). */
  get requestUrl(): string {
    return `${this.url}/_apis/distributedtask/hubs/Actions/plans/plan/jobs/job/idtoken?api-version=2.0`;
  }

  get jwksUrl(): string {
    return `${this.url}/.well-known/jwks`;
  }

  get callCount(): number {
    return this.requestedAudiences.length;
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.#privateKey = privateKey;
    this.#publicJwk = { ...(await exportJWK(publicKey)), kid: this.#keyId, alg: 'RS256', use: 'sig' };
    this.#server = createServer((request, response) => void this.#handle(request, response));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  /** Signs an ID token for `audience` with the current identity, as GitHub would. */
  async signIdToken(audience: string): Promise<string> {
    if (!this.#privateKey) throw new Error('issuer not started');
    const id = this.identity;
    const workflowRef = `${id.repository}/.github/workflows/${id.workflowFile}@${id.ref}`;
    const [owner = '', name = ''] = id.repository.split('/');
    const repository = id.immutableSubject ? `${owner}@${OWNER_ID}/${name}@${REPOSITORY_ID}` : id.repository;
    const subject = id.environment
      ? `repo:${repository}:environment:${id.environment}`
      : id.eventName.startsWith('pull_request')
        ? `repo:${repository}:pull_request`
        : `repo:${repository}:ref:${id.ref}`;
    const token = await new SignJWT({
      repository: id.repository,
      repository_id: REPOSITORY_ID,
      repository_owner: owner,
      repository_owner_id: OWNER_ID,
      repository_visibility: 'public',
      ref: id.ref,
      ref_type: id.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      sha: 'b6c2e2f0d1a3c4b5a6978877665544332211ffee',
      workflow: 'Publish',
      workflow_ref: workflowRef,
      workflow_sha: 'b6c2e2f0d1a3c4b5a6978877665544332211ffee',
      job_workflow_ref: id.jobWorkflowRef ?? workflowRef,
      job_workflow_sha: 'b6c2e2f0d1a3c4b5a6978877665544332211ffee',
      ...(id.environment ? { environment: id.environment } : {}),
      event_name: id.eventName,
      run_id: '4242',
      run_number: '7',
      run_attempt: '1',
      runner_environment: 'github-hosted',
      actor: id.actor,
      actor_id: '583231',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.#keyId, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setAudience(audience)
      .setJti(randomUUID())
      .setNotBefore('0s')
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(this.#privateKey);
    this.issuedTokens.push(token);
    return token;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    if (url.pathname === '/.well-known/jwks') {
      sendJson(response, 200, { keys: [this.#publicJwk] });
      return;
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      sendJson(response, 200, {
        issuer: this.issuer,
        jwks_uri: this.jwksUrl,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      return;
    }
    if (!url.pathname.endsWith('/idtoken')) {
      sendJson(response, 404, { message: 'Not Found' });
      return;
    }
    const audience = url.searchParams.get('audience') ?? '';
    this.requestedAudiences.push(audience);
    const fault = this.faults.take();
    if (fault && applyFault(fault, request, response, {})) return;
    if (request.headers.authorization !== `Bearer ${this.requestToken}`) {
      sendJson(response, 401, { message: 'Bad credentials' });
      return;
    }
    const body: Record<string, unknown> = {
      count: 1,
      value: await this.signIdToken(audience || 'https://github.com/acme'),
    };
    sendJson(response, 200, fault?.kind === 'transform' ? fault.transform(body) : body);
  }
}
