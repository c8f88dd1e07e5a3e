// The Hub token's one holder: when it exchanges again (an injected clock), that concurrent callers
// share one renewal, and that an expiry counts from when the exchange was requested.
import { describe, expect, it } from 'vitest';
import { expiryOf, HubTokenHolder } from '../../src/hub/token-holder.js';
import type { ObtainedToken } from '../../src/obtain-token.js';

const obtained = (accessToken: string, expiresInSeconds: number | undefined, requestedAt: number): ObtainedToken => ({
  token: { accessToken, expiresInSeconds },
  requestedAt: new Date(requestedAt),
});

describe('the Hub token holder', () => {
  it('exchanges again only when less than 5 minutes are left, once for concurrent callers', async () => {
    let now = 0;
    const renewed: string[] = [];
    const logged: string[] = [];
    const holder = new HubTokenHolder(obtained('hf_first', 3600, 0), {
      now: () => now,
      log: (line) => logged.push(line),
      renew: () => {
        const token = `hf_renewed_${renewed.length}`;
        renewed.push(token);
        return Promise.resolve(obtained(token, 3600, now));
      },
    });
    now = 55 * 60 * 1000 - 1;
    expect(await holder.accessToken()).toBe('hf_first');
    expect(holder.renewals).toBe(0);
    now = 55 * 60 * 1000 + 1;
    expect(await Promise.all([holder.accessToken(), holder.accessToken()])).toEqual(['hf_renewed_0', 'hf_renewed_0']);
    expect(renewed).toEqual(['hf_renewed_0']);
    expect(holder.renewals).toBe(1);
    expect(holder.current.requestedAt.getTime()).toBe(now);
    expect(holder.secrets()).toEqual(['hf_first', 'hf_renewed_0']);
    expect(logged).toEqual([expect.stringContaining('close to its expiry')]);
  });

  it('uses a quarter of the lifetime as the margin when that is shorter, and 60 minutes when the broker is silent', async () => {
    let now = 0;
    const short = new HubTokenHolder(obtained('hf_short', 8, 0), {
      now: () => now,
      log: () => undefined,
      renew: () => Promise.resolve(obtained('hf_next', 8, now)),
    });
    now = 5_999;
    expect(await short.accessToken()).toBe('hf_short');
    now = 6_001;
    expect(await short.accessToken()).toBe('hf_next');

    const silent = new HubTokenHolder(obtained('hf_silent', undefined, 0), {
      now: () => now,
      log: () => undefined,
      renew: () => Promise.resolve(obtained('hf_again', undefined, now)),
    });
    now = 55 * 60 * 1000 - 1;
    expect(await silent.accessToken()).toBe('hf_silent');
    now = 55 * 60 * 1000 + 1;
    expect(await silent.accessToken()).toBe('hf_again');
  });

  it('lets a failed renewal fail the caller, and tries again on the next call', async () => {
    let calls = 0;
    const holder = new HubTokenHolder(obtained('hf_old', 60, 0), {
      now: () => 59_000,
      log: () => undefined,
      renew: () =>
        ++calls === 1 ? Promise.reject(new Error('exchange refused')) : Promise.resolve(obtained('hf_new', 60, 59_000)),
    });
    await expect(holder.accessToken()).rejects.toThrow('exchange refused');
    expect(holder.current.token.accessToken).toBe('hf_old');
    expect(await holder.accessToken()).toBe('hf_new');
  });

  it('computes an expiry from the request time, and none when the broker did not say', () => {
    expect(expiryOf(obtained('hf_x', 3600, 1_000))?.toISOString()).toBe(new Date(3_601_000).toISOString());
    expect(expiryOf(obtained('hf_x', undefined, 1_000))).toBeUndefined();
  });
});
