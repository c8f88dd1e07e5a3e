// End to end: the committed dist/index.js, run as the runner runs it, against the local GitHub OIDC
// issuer and the local Hub. Every scenario asserts what a user sees: exit code, annotations,
// exported variables, outputs, the job summary, and that no secret leaked or landed on disk.

import { describe, expect } from 'vitest';
import type { LocalServices } from '../support/local-services.js';
import { runAction, type RunOptions, type RunResult } from '../support/run-action.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';
import { RUNTIMES } from './runtimes.js';

/** A clean success that issued a token for `resource`, masked both tokens first, and set the outputs. Returns the token. */
function expectIssued(services: LocalServices, result: RunResult, resource: string): string {
  expectCleanSuccess(result, services.secrets());
  const issued = services.hub.issuedTokens.at(-1);
  expect(issued?.resource).toBe(resource);
  const token = issued?.token ?? '';
  expect(result.stdout).toContain(`::add-mask::${token}`);
  // The ID token is a credential too (for its five minutes): masked as soon as it arrives.
  expect(result.stdout).toContain(`::add-mask::${services.issuer.issuedTokens.at(-1) ?? '?'}`);
  expect(result.outputs['token']).toBe(token);
  expect(result.outputs['resource']).toBe(resource);
  return token;
}

describe.each(RUNTIMES)('the action on $name', ({ node }) => {
  const run = (options: RunOptions): Promise<RunResult> => runAction({ node, ...options });

  test('issues a model token, masks it, exports HF_TOKEN and sets the outputs', async ({ services }) => {
    const before = Date.now();
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    const token = expectIssued(services, result, 'acme/awesome-model');
    expect(token).toMatch(/^hf_jwt_/);
    expect(result.exported).toEqual({ HF_TOKEN: token });

    // The mask comes before anything that could print the token.
    expect(result.stdout.indexOf(`::add-mask::${token}`)).toBeLessThan(
      result.stdout.indexOf('Issued a Hugging Face token'),
    );

    const expiresAt = Date.parse(result.outputs['expires-at'] ?? '');
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
    expect(result.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // The request is the Hub's documented contract, with the ID token for the hub that receives it.
    expect(services.issuer.requestedAudiences).toEqual([services.hub.url]);
    expect(services.hub.receivedAudiences).toEqual([services.hub.url]);
    expect(result.warnings).toEqual([]);
    const [exchange] = services.hub.exchangeRequests;
    expect(exchange?.headers['content-type']).toBe('application/json');
    expect(exchange?.headers['user-agent']).toMatch(/^hf-oidc-token-action\/\d+\.\d+\.\d+ /);
    expect(exchange?.body).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      subject_token: services.issuer.issuedTokens[0],
      resource: 'acme/awesome-model',
    });

    // The audit trail: resource, access, expiry, identity and run link; never a token.
    expect(result.summary).toContain('Hugging Face token issued');
    expect(result.summary).toContain('<code>acme/awesome-model</code>');
    expect(result.summary).toContain('write access to the model acme/awesome-model only');
    expect(result.summary).toContain(result.outputs['expires-at']);
    expect(result.summary).toContain('acme/awesome-model/.github/workflows/publish.yml@refs/heads/main');
    expect(result.summary).toContain('https://github.com/acme/awesome-model/actions/runs/4242');

    // Short logs: one line per stage.
    expect(result.stdout).toContain('Resource: acme/awesome-model (write access to the model acme/awesome-model only)');
    expect(result.stdout).toContain('GitHub identity: repo:acme/awesome-model:ref:refs/heads/main');
  });

  test('issues a dataset token', async ({ services }) => {
    services.hub.addPublisher('datasets/acme/awesome-data', { repository: 'acme/awesome-model' });
    const result = await run(services.runOptions({ resource: 'datasets/acme/awesome-data' }));
    expectIssued(services, result, 'datasets/acme/awesome-data');
    expect(result.summary).toContain('write access to the dataset acme/awesome-data only');
  });

  test('issues a read-only user token for a bare username', async ({ services }) => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    const result = await run(services.runOptions({ resource: 'acme' }));
    const token = expectIssued(services, result, 'acme');
    expect(token).toMatch(/^hf_oauth_/);
    expect(result.summary).toContain('read-only access as user acme');
  });

  test('accepts the resource as a huggingface.co URL and as a URL on the configured hub', async ({ services }) => {
    services.hub.addPublisher('spaces/acme/demo', { repository: 'acme/awesome-model' });
    const onHuggingFace = await run(services.runOptions({ resource: 'https://huggingface.co/spaces/acme/demo/' }));
    expectIssued(services, onHuggingFace, 'spaces/acme/demo');
    const onLocalHub = await run(services.runOptions({ resource: `${services.hub.url}/acme/awesome-model` }));
    expectIssued(services, onLocalHub, 'acme/awesome-model');
  });

  test('with export-env: false sets the outputs but exports nothing', async ({ services }) => {
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', 'export-env': 'false' }));
    expectIssued(services, result, 'acme/awesome-model');
    expect(result.exported).toEqual({});
    expect(result.stdout).not.toContain('exported as HF_TOKEN');
  });

  test('finds the hub through HF_ENDPOINT when hub-url is empty', async ({ services }) => {
    const options = services.runOptions({ resource: 'acme/awesome-model' });
    delete options.inputs['hub-url'];
    const result = await run({ ...options, env: { HF_ENDPOINT: `${services.hub.url}/` } });
    expectIssued(services, result, 'acme/awesome-model');
    expect(result.stdout).toContain(`Exchanging it at ${services.hub.url}/oauth/token`);
  });

  test('uses a custom audience and token-endpoint for another trust broker', async ({ services }) => {
    services.hub.audience = 'https://broker.example.test';
    const options = services.runOptions({
      resource: 'acme/awesome-model',
      audience: 'https://broker.example.test',
      'token-endpoint': `${services.hub.url}/oauth/token`,
    });
    delete options.inputs['hub-url'];
    const result = await run(options);
    expectIssued(services, result, 'acme/awesome-model');
    expect(services.issuer.requestedAudiences).toEqual(['https://broker.example.test']);
    // Honoured, but the token endpoint is another host than the audience names: one warning.
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('but sent to 127.0.0.1');
  });

  test('without id-token: write, fails before any network call and says how to fix it', async ({ services }) => {
    const { idToken: _omitted, ...options } = services.runOptions({ resource: 'acme/awesome-model' });
    const error = expectCleanFailure(await run(options), services.secrets());
    expect(error).toContain('Cannot get a GitHub OIDC ID token');
    expect(error).toContain('id-token: write');
    expect(services.issuer.callCount).toBe(0);
    expect(services.hub.exchangeCount).toBe(0);
  });

  test('on a pull request from a fork, says forks never get an ID token', async ({ services }) => {
    const { idToken: _omitted, ...options } = services.runOptions({ resource: 'acme/awesome-model' });
    const result = await run({
      ...options,
      env: { GITHUB_EVENT_NAME: 'pull_request' },
      event: {
        pull_request: {
          number: 7,
          head: { repo: { full_name: 'mallory/awesome-model', fork: true } },
          base: { repo: { full_name: 'acme/awesome-model' } },
        },
      },
    });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('pull request from a fork');
    expect(error).not.toContain('Dependabot');
  });

  test('on a Dependabot run, says Dependabot never gets an ID token', async ({ services }) => {
    const { idToken: _omitted, ...options } = services.runOptions({ resource: 'acme/awesome-model' });
    const error = expectCleanFailure(
      await run({ ...options, env: { GITHUB_ACTOR: 'dependabot[bot]' } }),
      services.secrets(),
    );
    expect(error).toContain('Dependabot');
  });

  test('when the claims do not match, shows the identity, the matching publisher and the causes, after one attempt', async ({
    services,
  }) => {
    services.issuer.identity = { ...services.issuer.identity, ref: 'refs/tags/v1.2.0' };
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('HTTP 400 invalid_grant');
    expect(error).toContain('Token claims do not match any trusted publisher');
    expect(error).toContain(`x-request-id: ${services.hub.requestIds[0] ?? '?'}`);
    expect(services.hub.exchangeCount).toBe(1);

    expect(result.stdout).toContain('::group::Why the Hub refused');
    expect(result.stdout).toMatch(/ref\s+refs\/tags\/v1\.2\.0/);
    expect(result.stdout).toMatch(/workflow file \(from workflow_ref\)\s+publish\.yml/);
    expect(result.stdout).toMatch(/repository\s+acme\/awesome-model/);
    expect(result.stdout).toContain('This run is for a tag: a publisher pinned to a branch does not match it.');
    expect(result.summary).toContain('Hugging Face token exchange refused');
    expect(result.summary).toContain('<code>refs/tags/v1.2.0</code>');
    expect(result.summary).toContain('<code>publish.yml</code>');
  });

  test('names the environment and the reusable workflow among the causes when they apply', async ({ services }) => {
    services.issuer.identity = {
      ...services.issuer.identity,
      environment: 'release',
      jobWorkflowRef: 'acme/shared-workflows/.github/workflows/hf-publish.yml@refs/heads/main',
    };
    services.hub.publishers.clear();
    services.hub.addPublisher('acme/awesome-model', { repository: 'acme/awesome-model', environment: 'production' });
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanFailure(result, services.secrets());
    expect(result.stdout).toContain('The job uses the environment "release"');
    expect(result.stdout).toContain('repo:acme/awesome-model:environment:release');
    expect(result.stdout).toContain('job_workflow_ref the called file (hf-publish.yml)');
  });

  test('shows both workflow candidates of a reusable workflow, in the log and the summary, and that which one counts is unverified', async ({
    services,
  }) => {
    services.issuer.identity = {
      ...services.issuer.identity,
      jobWorkflowRef: 'acme/shared-workflows/.github/workflows/hf-publish.yml@refs/tags/v1',
    };
    services.hub.publishers.clear();
    services.hub.addPublisher('acme/awesome-model', { repository: 'acme/awesome-model', workflow: 'other.yml' });
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanFailure(result, services.secrets());
    expect(result.stdout).toMatch(/\n {2}workflow {4}publish\.yml {3}\(the caller, from workflow_ref\)\n/);
    expect(result.stdout).toMatch(
      /\n {10}or {2}hf-publish\.yml {3}\(the reusable workflow, from job_workflow_ref, in acme\/shared-workflows\)\n/,
    );
    expect(result.stdout).toContain('Which of the two the Hub compares with its Workflow field is not documented');
    expect(result.summary).toContain(
      '<code>publish.yml</code> (the caller, from workflow_ref) or <code>hf-publish.yml</code>',
    );
  });

  test('shows the repository and owner ids, and explains an immutable subject', async ({ services }) => {
    services.issuer.identity = { ...services.issuer.identity, immutableSubject: true, ref: 'refs/heads/dev' };
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanFailure(result, services.secrets());
    expect(result.stdout).toMatch(/\n {2}repository_id {22}123456789\n/);
    expect(result.stdout).toMatch(/\n {2}repository_owner_id {16}987654\n/);
    expect(result.stdout).toContain('GitHub identity: repo:acme@987654/awesome-model@123456789:ref:refs/heads/dev');
    expect(result.stdout).toContain(
      'GitHub gave this run an immutable subject (repo:acme@987654/awesome-model@123456789:ref:refs/heads/dev)',
    );
    expect(result.summary).toContain('<code>123456789</code>');
    expect(result.summary).toContain('<code>987654</code>');
  });

  test('does not explain an immutable subject the run does not have', async ({ services }) => {
    services.issuer.identity = { ...services.issuer.identity, ref: 'refs/heads/dev' };
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanFailure(result, services.secrets());
    expect(result.stdout).toContain('repository_id');
    expect(result.stdout).not.toContain('immutable subject');
  });

  test("says so when the audience is not the hub's URL", async ({ services }) => {
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', audience: 'https://example.test' }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('invalid_grant');
    expect(result.stdout).toContain(
      `The ID token's audience is https://example.test (input \`audience\`), but a hub accepts only ID tokens for its own URL, here ${services.hub.url}. Remove the \`audience\` input`,
    );
  });

  test('refuses an invalid_request without retrying', async ({ services }) => {
    services.hub.faults.push({
      kind: 'respond',
      status: 400,
      body: { error: 'invalid_request', error_description: 'Invalid resource format' },
    });
    const error = expectCleanFailure(
      await run(services.runOptions({ resource: 'acme/awesome-model' })),
      services.secrets(),
    );
    expect(error).toContain('HTTP 400 invalid_request: "Invalid resource format"');
    expect(services.hub.exchangeCount).toBe(1);
  });

  // The other malformed answers are refused in process (test/integration/inputs-and-answers.test.ts);
  // through the bundle, the one that would write a second variable into GITHUB_ENV.
  test.for([
    [
      'with a line break in the token',
      (body: Record<string, unknown>) => ({ ...body, access_token: `${String(body['access_token'])}\nINJECTED=1` }),
      'contains a line break',
    ],
  ] as const)('refuses a 200 answer %s and exports nothing', async ([_name, transform, message], { services }) => {
    services.hub.faults.push({ kind: 'transform', transform });
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain(message);
    expect(result.stdout).not.toMatch(/^INJECTED/m);
  });

  test('keeps a hostile error_description from forming workflow commands', async ({ services }) => {
    services.hub.faults.push({
      kind: 'respond',
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'no\n::error::forged\n::add-mask::x\r\n::set-env name=A::b\u001b[31m',
      },
    });
    const result = await run(services.runOptions({ resource: 'acme/awesome-model' }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('no : :error: :forged');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1);
    expect(result.stdout).not.toMatch(/^::add-mask::x$/m);
    expect(result.stdout).not.toMatch(/^::set-env/m);
    expect(result.stdout).not.toContain('\u001b');
  });

  // The grammar itself is table-tested in test/unit/resource.test.ts; these few prove, through
  // dist/, that a refusal ends in one ::error:: with the accepted forms and that nothing is requested.
  test.for([
    ['', 'is empty'],
    ['models/acme/awesome-model', 'models need no prefix'],
    ['https://example.com/acme/awesome-model', 'is a URL on example.com'],
  ] as const)('refuses the resource %j before any network call', async ([resource, message], { services }) => {
    const result = await run(services.runOptions({ resource }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('Input `resource`');
    expect(error).toContain(message);
    expect(error).toContain('Accepted forms:');
    expect(services.issuer.callCount).toBe(0);
    expect(services.hub.exchangeCount).toBe(0);
  });

  // Every other bad input is refused in process (test/integration/inputs-and-answers.test.ts).
  test.for([
    ['hub-url', 'http://hub.example.test', 'plain http:// for hub.example.test, which is not a loopback host'],
  ] as const)('refuses the input %s=%j before any network call', async ([name, value, message], { services }) => {
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', [name]: value }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain(message);
    expect(services.issuer.callCount).toBe(0);
    expect(services.hub.exchangeCount).toBe(0);
  });
});
