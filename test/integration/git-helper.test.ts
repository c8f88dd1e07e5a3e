// The git credential helper (src/git/helper.ts) in process, against the local issuer and Hub: it
// answers git's `get` for the configured repository with a fresh token and its expiry (counted from
// when the exchange was requested, never later than the hub's), stays silent for anything else, and
// fails with one inert line on stderr that holds no secret.

import { Readable } from 'node:stream';
import { describe, expect } from 'vitest';
import { test } from '../e2e/fixtures.js';
import { runCredentialHelper } from '../../src/git/helper.js';
import { buildHelperArguments } from '../../src/git/helper-command.js';
import { parseResource } from '../../src/hub/resource.js';
import type { LocalServices } from '../support/local-services.js';

async function ask(
  services: LocalServices,
  request: string,
  operation = 'get',
): Promise<{ answer: string; errors: string[] }> {
  const hubUrl = new URL(`${services.hub.url}/`);
  const argv = [
    ...buildHelperArguments({
      hubUrl,
      resource: parseResource('acme/awesome-model', hubUrl.host),
      tokenEndpoint: new URL('/oauth/token', hubUrl),
      audience: services.hub.audience,
      maxAttempts: 2,
      requestTimeoutMs: 5_000,
      deadlineMs: 20_000,
      id: 'test',
    }),
    operation,
  ];
  let answer = '';
  const errors: string[] = [];
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: services.issuer.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: services.issuer.requestToken,
  };
  await runCredentialHelper(argv, env, {
    input: Readable.from([request]),
    writeAnswer: (text) => (answer += text),
    writeError: (line) => errors.push(line),
  });
  return { answer, errors };
}

const REQUEST = (host: string, path: string): string => `protocol=http\nhost=${host}\npath=${path}\n\n`;

describe('the git credential helper, in process', () => {
  test('answers get for the repository with a fresh token and an expiry no later than the hub’s', async ({
    services,
  }) => {
    const host = new URL(services.hub.url).host;
    const { answer, errors } = await ask(services, REQUEST(host, 'acme/awesome-model.git/info/refs'));
    expect(errors).toEqual([]);
    const issued = services.hub.issuedTokens.at(-1);
    expect(answer).toContain(`password=${issued?.token ?? '?'}\n`);
    const expiry = Number(/password_expiry_utc=(\d+)/.exec(answer)?.[1]);
    expect(expiry * 1000).toBeLessThanOrEqual(issued?.expiresAt ?? 0);
    expect(expiry * 1000).toBeGreaterThan((issued?.expiresAt ?? 0) - 60_000);
  });

  test('stays silent for another repository, another operation, or no path', async ({ services }) => {
    const host = new URL(services.hub.url).host;
    expect(await ask(services, REQUEST(host, 'acme/other-model.git'))).toEqual({ answer: '', errors: [] });
    expect(await ask(services, REQUEST(host, 'acme/awesome-model.git'), 'store')).toEqual({ answer: '', errors: [] });
    expect(await ask(services, `protocol=http\nhost=${host}\n\n`)).toEqual({ answer: '', errors: [] });
    expect(services.hub.exchangeCount).toBe(0);
  });

  test('a refused exchange is one inert line on stderr, without the ID token', async ({ services }) => {
    services.hub.faults.push({
      kind: 'respond',
      status: 400,
      body: { error: 'invalid_grant', error_description: 'no\n::error::forged' },
    });
    const host = new URL(services.hub.url).host;
    const { answer, errors } = await ask(services, REQUEST(host, 'acme/awesome-model.git'));
    expect(answer).toBe('');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('could not get a Hugging Face token for acme/awesome-model');
    expect(errors[0]).toContain('invalid_grant');
    expect(errors[0]).not.toContain('::error::');
    for (const idToken of services.issuer.issuedTokens) expect(errors[0]).not.toContain(idToken);
  });
});
