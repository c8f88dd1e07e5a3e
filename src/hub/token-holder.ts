// The one owner of the Hub token for the rest of the step: verify, the upload and the outputs all
// read it here. Trusted Publisher tokens live 60 minutes and cannot be refreshed, and an upload may
// run longer, so before each use the token is checked; when it has less than a margin left (5
// minutes, or a quarter of its lifetime if that is shorter), a new one is obtained the way the first
// was (obtain-token.ts: a fresh ID token, the exchange, with retries; the ID-token variables stay
// available to the whole job), masked first by the hooks the caller gave. Expiries are computed
// from when each exchange was requested, so they are never later than the real ones.

import type { ObtainedToken } from '../obtain-token.js';

/** The Hub's documented lifetime, assumed when a broker does not say (`expires_in` missing). */
const ASSUMED_LIFETIME_SECONDS = 3600;
const MAX_MARGIN_MS = 5 * 60 * 1000;

export interface TokenHolderOptions {
  /** Obtains a new token (obtain-token.ts's obtainToken with the step's request, source and hooks). */
  readonly renew: () => Promise<ObtainedToken>;
  /** One line of progress when the token is renewed. */
  readonly log: (message: string) => void;
  readonly now?: () => number;
}

/** When `token` expires, if the broker said how long it lives: its request time plus its lifetime. */
export function expiryOf(token: ObtainedToken): Date | undefined {
  const seconds = token.token.expiresInSeconds;
  return seconds === undefined ? undefined : new Date(token.requestedAt.getTime() + seconds * 1000);
}

export class HubTokenHolder {
  #current: ObtainedToken;
  readonly #held: string[];
  #renewal: Promise<ObtainedToken> | undefined;
  #renewals = 0;
  readonly #now: () => number;

  constructor(
    initial: ObtainedToken,
    private readonly options: TokenHolderOptions,
  ) {
    this.#current = initial;
    this.#held = [initial.token.accessToken];
    this.#now = options.now ?? (() => Date.now());
  }

  /** The newest token (the one to publish when the step succeeds). */
  get current(): ObtainedToken {
    return this.#current;
  }

  /** Every token held so far: never to be shown, whatever a server echoes. */
  secrets(): readonly string[] {
    return this.#held;
  }

  /** How many times a new token was obtained since the first. */
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
    const expiresAt = this.#current.requestedAt.getTime() + lifetimeMs;
    const margin = Math.min(MAX_MARGIN_MS, lifetimeMs / 4);
    return expiresAt - this.#now() < margin;
  }

  async #renew(): Promise<ObtainedToken> {
    this.options.log(
      'The Hub token is close to its expiry: exchanging a fresh one before the next request to the hub.',
    );
    this.#current = await this.options.renew();
    this.#held.push(this.#current.token.accessToken);
    this.#renewals++;
    return this.#current;
  }
}
