// The Hub token an upload uses, kept fresh: Trusted Publisher tokens live 60 minutes and cannot be
// refreshed, and an upload may run longer. Before each request to the hub, the token is checked; when
// it has less than a margin left (5 minutes, or a quarter of its lifetime if that is shorter), a
// new one is obtained the way the first was (obtain-token.ts: a fresh ID token, the exchange, with
// retries; the ID-token variables stay available to the whole job), and masked first.

import { Deadline } from '../http/retry.js';
import type { IssuedToken } from '../hub/token-response.js';
import type { ObtainHooks, TokenRequest } from '../obtain-token.js';
import type { IdTokenSource } from '../github/id-token.js';

/** The Hub's documented lifetime, assumed when a broker does not say (`expires_in` missing). */
const ASSUMED_LIFETIME_SECONDS = 3600;
const MAX_MARGIN_MS = 5 * 60 * 1000;

export interface CurrentToken {
  readonly token: IssuedToken;
  readonly issuedAt: Date;
}

export interface TokenSourceOptions {
  readonly request: TokenRequest & { readonly deadlineMs: number };
  readonly source: IdTokenSource;
  readonly hooks: ObtainHooks;
  /** The token exchanged at the start of the step, and when. */
  readonly initial: CurrentToken;
  readonly now?: () => number;
  /** obtain-token.ts's obtainToken; injectable for tests. */
  readonly obtain: (
    request: TokenRequest,
    source: IdTokenSource,
    deadline: Deadline,
    hooks: ObtainHooks,
  ) => Promise<IssuedToken>;
}

export class TokenSource {
  #current: CurrentToken;
  #renewal: Promise<CurrentToken> | undefined;
  #renewals = 0;
  readonly #now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    this.#current = options.initial;
    this.#now = options.now ?? (() => Date.now());
  }

  /** The newest token (the one to export when the step succeeds). */
  get current(): CurrentToken {
    return this.#current;
  }

  /** How many times a new token was obtained during the upload. */
  get renewals(): number {
    return this.#renewals;
  }

  /** A token with enough life left for one more request; exchanges again when needed. */
  async accessToken(): Promise<string> {
    if (!this.#needsRenewal()) return this.#current.token.accessToken;
    // Concurrent requests share one renewal.
    this.#renewal ??= this.#renew().finally(() => (this.#renewal = undefined));
    return (await this.#renewal).token.accessToken;
  }

  #needsRenewal(): boolean {
    const lifetimeMs = (this.#current.token.expiresInSeconds ?? ASSUMED_LIFETIME_SECONDS) * 1000;
    const expiresAt = this.#current.issuedAt.getTime() + lifetimeMs;
    const margin = Math.min(MAX_MARGIN_MS, lifetimeMs / 4);
    return expiresAt - this.#now() < margin;
  }

  async #renew(): Promise<CurrentToken> {
    const { request, source, hooks, obtain } = this.options;
    hooks.log('The Hub token is close to its expiry: exchanging a fresh one before the next request to the hub.');
    // The clock starts before the exchange, so the expiry computed from it is never later than the real one.
    const started = this.#now();
    const token = await obtain(request, source, new Deadline(request.deadlineMs), hooks);
    this.#current = { token, issuedAt: new Date(started) };
    this.#renewals++;
    return this.#current;
  }
}
