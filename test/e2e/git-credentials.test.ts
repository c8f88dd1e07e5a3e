// End to end, with real git: `git-credentials: true` configures git in the job's HOME; later steps
// clone and push to a smart-HTTP git server on the local Hub's host (git http-backend behind a
// server that wants a currently valid Hub token for that repository as the password); the post step
// restores the git config exactly. Every git request here authenticates through the helper in dist/.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runGit, StoringSystemHelper, type StepEnvironment } from '../support/git.js';
import { escapeForGitConfig } from '../support/platform.js';
import { GitServer } from '../support/git-server.js';
import type { LocalServices } from '../support/local-services.js';
import { createJob, HELPER_ENTRY, POST_ENTRY, runAction, type Job, type RunResult } from '../support/run-action.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { test as servicesTest } from './fixtures.js';
import { RUNTIMES } from './runtimes.js';

const RESOURCE = 'acme/awesome-model';
/** A user's own global config: a catch-all helper (which has no answer) that must stay first. */
const USER_GITCONFIG = '[user]\n\tname = Octo Cat\n[credential]\n\thelper = !true\n';

/** What a main step with git-credentials may leave besides the runner's files: the git config it wrote. */
const GITCONFIG = { allowedFiles: ['home/.gitconfig'] };

/**
 * On top of the local services: a smart-HTTP git server on the hub's host holding RESOURCE, the
 * job the steps share (its HOME, where `git config --global` writes), and a later step's
 * environment in that job (with the ID-token variables); each removed after the test.
 */
const test = servicesTest.extend<{ git: GitServer; job: Job; step: StepEnvironment }>({
  git: async ({ services }, use) => {
    const git = new GitServer(services.hub);
    services.hub.git = git;
    git.createRepository(RESOURCE);
    try {
      await use(git);
    } finally {
      git.remove();
    }
  },
  // eslint-disable-next-line no-empty-pattern
  job: async ({}, use) => {
    const job = createJob();
    try {
      await use(job);
    } finally {
      job.remove();
    }
  },
  step: async ({ services, job }, use) => {
    await use({ job, idToken: services.runOptions().idToken });
  },
});

function gitConfigText(job: Job): string | undefined {
  const path = join(job.home, '.gitconfig');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Every file the job left outside the runner's own files (GITHUB_ENV legitimately holds HF_TOKEN). */
function jobFilesContaining(job: Job, secrets: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (path === join(job.root, '.runner')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (secrets.some((secret) => readFileSync(path, 'latin1').includes(secret))) found.push(path);
    }
  };
  walk(job.root);
  return found;
}

function allSecrets(services: LocalServices): string[] {
  const { idTokens, hubTokens } = services.secrets();
  return [...idTokens, ...hubTokens];
}

function expectNoSecretIn(services: LocalServices, ...texts: string[]): void {
  for (const secret of allSecrets(services))
    for (const text of texts) expect(text.includes(secret), 'a secret leaked').toBe(false);
}

async function commitAndPush(
  services: LocalServices,
  clone: string,
  message: string,
  environment: StepEnvironment,
): Promise<void> {
  writeFileSync(join(clone, `${message.replace(/\W+/g, '-')}.txt`), `${message}\n`);
  expect((await runGit(['add', '.'], environment, { cwd: clone })).exitCode).toBe(0);
  expect((await runGit(['commit', '--quiet', '-m', message], environment, { cwd: clone })).exitCode).toBe(0);
  const push = await runGit(['push', 'origin', 'main'], environment, { cwd: clone });
  expect(push.exitCode, push.stderr).toBe(0);
  expectNoSecretIn(services, push.stdout, push.stderr);
}

describe.each(RUNTIMES)('git-credentials on $name', ({ node }) => {
  const runMain = (services: LocalServices, job: Job, inputs: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true', ...inputs }), node, job });
  const runPost = (job: Job, main: RunResult): Promise<RunResult> =>
    runAction({ node, job, entry: POST_ENTRY, state: main.state });

  test('clones and pushes through the helper with a fresh token each time; the post step restores the git config byte for byte', async ({
    services,
    git,
    job,
    step,
  }) => {
    writeFileSync(join(job.home, '.gitconfig'), USER_GITCONFIG);
    const main = await runMain(services, job);
    expectCleanSuccess(main, services.secrets(), GITCONFIG);
    const stepToken = main.exported['HF_TOKEN'] ?? '';
    expect(stepToken).not.toBe('');
    expect(main.stdout).toContain('Configured git for the rest of the job');
    expect(main.strayFiles).toEqual(['home/.gitconfig']);

    // Added after the user's config, which is untouched; no token in it, only the helper's command line.
    const configured = gitConfigText(job) ?? '';
    expect(configured.startsWith(USER_GITCONFIG)).toBe(true);
    expectNoSecretIn(services, configured);
    // The helper runs from dist/ with the Node that ran the action, whatever `node` is on PATH.
    const helperCommand = /^\thelper = (!'.*)$/m.exec(configured)?.[1] ?? '';
    // (The file holds the value as git writes it: on Windows the paths' backslashes are doubled.)
    expect(helperCommand.startsWith(escapeForGitConfig(`!'${node}' '${HELPER_ENTRY}' '--hub-url'`))).toBe(true);
    // For the repository's two URLs only: an empty helper (git resets its list), then ours.
    expect(configured.slice(USER_GITCONFIG.length)).toBe(
      [`${services.hub.url}/${RESOURCE}`, `${services.hub.url}/${RESOURCE}.git`]
        .map((url) => `[credential "${url}"]\n\thelper = \n\thelper = ${helperCommand}\n\tuseHttpPath = true\n`)
        .join(''),
    );
    expect(services.hub.exchangeCount).toBe(1);

    const clone = await runGit(['clone', '--quiet', `${services.hub.url}/${RESOURCE}`, 'model'], step);
    expect(clone.exitCode, clone.stderr).toBe(0);
    expectNoSecretIn(services, clone.stdout, clone.stderr);
    await commitAndPush(services, join(job.workspace, 'model'), 'Add weights', step);
    expect(git.log(RESOURCE)).toEqual(['Add weights', 'Initial commit']);

    // Each time git asked (clone, push), the helper exchanged again; git never saw the step's token.
    const accepted = git.authAttempts.filter((attempt) => attempt.accepted).map((attempt) => attempt.password);
    expect(new Set(accepted).size).toBe(2);
    expect(accepted).not.toContain(stepToken);
    expect(services.hub.exchangeCount).toBe(3);
    expect(git.authAttempts.every((attempt) => attempt.username === 'hf_user')).toBe(true);
    expect(jobFilesContaining(job, allSecrets(services))).toEqual([]);

    const post = await runPost(job, main);
    expect(post.exitCode).toBe(0);
    expect([...post.errors, ...post.warnings]).toEqual([]);
    expect(gitConfigText(job)).toBe(USER_GITCONFIG);
  });

  test('pushes after the first token has expired, with a new token', async ({ services, git, job, step }) => {
    const main = await runMain(services, job);
    expectCleanSuccess(main, services.secrets(), GITCONFIG);
    const clone = await runGit(['clone', '--quiet', `${services.hub.url}/${RESOURCE}.git`, 'model'], step);
    expect(clone.exitCode, clone.stderr).toBe(0);
    const firstToken = git.authAttempts.find((attempt) => attempt.accepted)?.password ?? '';

    // The hour is up for every token issued so far: the git server now refuses them.
    services.hub.expireAllTokens();
    const stale = await fetch(`${services.hub.url}/${RESOURCE}/info/refs?service=git-receive-pack`, {
      headers: { Authorization: `Basic ${Buffer.from(`hf_user:${firstToken}`).toString('base64')}` },
    });
    expect(stale.status).toBe(401);

    await commitAndPush(services, join(job.workspace, 'model'), 'Evaluation results after five hours', step);
    expect(git.log(RESOURCE)[0]).toBe('Evaluation results after five hours');
    const pushToken = git.authAttempts.filter((attempt) => attempt.accepted).at(-1)?.password;
    expect(pushToken).not.toBe(firstToken);
    expect(services.hub.findValidToken(pushToken)).toBeDefined();

    // No global config existed before: the post step removes the file it created.
    const post = await runPost(job, main);
    expect([post.exitCode, ...post.warnings]).toEqual([0]);
    expect(gitConfigText(job)).toBeUndefined();
  });
});

describe('git-credentials: scope, several invocations, and a post step that never fails', () => {
  const runMain = (services: LocalServices, job: Job, inputs: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true', ...inputs }), job });
  const runPost = (job: Job, main: RunResult, env: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ job, entry: POST_ENTRY, state: main.state, env });
  /** `git credential fill` for `url` in a step of the job: what git asks the helpers. */
  const fill = (environment: StepEnvironment, url: string) =>
    runGit(['credential', 'fill'], environment, { input: `url=${url}\n\n` });

  test('answers only get, only for the configured resource on the hub, and only inside a job', async ({
    services,
    job,
    step,
  }) => {
    expectCleanSuccess(await runMain(services, job), services.secrets(), GITCONFIG);
    const exchanges = services.hub.exchangeCount;

    const ours = await fill(step, `${services.hub.url}/${RESOURCE}`);
    expect(ours.exitCode, ours.stderr).toBe(0);
    const password = /^password=(.+)$/m.exec(ours.stdout)?.[1];
    expect(services.hub.findValidToken(password)?.resource).toBe(RESOURCE);
    expect(ours.stdout).toMatch(/^username=hf_user$/m);
    expect(ours.stderr).toBe('');
    expect(services.hub.exchangeCount).toBe(exchanges + 1);

    // Another repository on the hub, the hub under another host name, a process outside a job:
    // no answer (git falls back to its other helpers, here none, so fill fails), no exchange.
    for (const [url, environment] of [
      [`${services.hub.url}/acme/other-model`, step],
      [`${services.hub.url}/datasets/${RESOURCE}`, step],
      [`${services.hub.url.replace('127.0.0.1', 'localhost')}/${RESOURCE}`, step],
      [`${services.hub.url}/${RESOURCE}`, { job }],
    ] as const) {
      const other = await fill(environment, url);
      expect(other.exitCode, url).not.toBe(0);
      expect(other.stdout).toBe('');
      expect(other.stderr).not.toContain('hf-oidc-token-action');
    }
    // With useHttpPath on for every URL (a user's global choice), git hands helpers every path. A
    // remote URL that walks out of the repository gets no token, however its dot segments are
    // spelled: git decodes %252e to %2e, matches that as a name inside the repository and asks the
    // helper, which must resolve it as a server decoding once more would.
    expect((await runGit(['config', '--global', 'credential.useHttpPath', 'true'], step)).exitCode).toBe(0);
    for (const url of [
      `${services.hub.url}/${RESOURCE}/../other-model`,
      `${services.hub.url}/${RESOURCE}/%2e%2e/other-model`,
      `${services.hub.url}/${RESOURCE}/%252e%252e/other-model`,
      `${services.hub.url}/${RESOURCE}.git/%252E%252E/%252e%252e/acme/other-model.git`,
    ]) {
      const escaped = await fill(step, url);
      expect(escaped.exitCode, url).not.toBe(0);
      expect(escaped.stdout).toBe('');
    }
    expect((await runGit(['config', '--global', '--unset', 'credential.useHttpPath'], step)).exitCode).toBe(0);
    // store and erase (git approve/reject) are not the helper's business.
    for (const command of ['approve', 'reject']) {
      const result = await runGit(['credential', command], step, {
        input: `url=${services.hub.url}/${RESOURCE}\nusername=hf_user\npassword=x\n\n`,
      });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
    }
    expect(services.hub.exchangeCount).toBe(exchanges + 1);
  });

  test('is the only helper git asks for the resource: a storing system helper (GCM on Windows) never gets its tokens, so a push after the hour works', async ({
    services,
    git,
    job,
    step,
  }) => {
    const system = new StoringSystemHelper();
    try {
      const withSystemHelper: StepEnvironment = { ...step, systemConfig: system.configPath };
      const hubHost = new URL(services.hub.url).host;
      // Credentials the user's own helper holds for another host and for another repository on the
      // hub: they must keep working through it.
      for (const [url, password] of [
        ['https://git.example.test/owner/repo', 'kept-for-another-host'],
        [`${services.hub.url}/acme/other-model`, 'kept-for-another-repository'],
      ] as const) {
        const approve = await runGit(['credential', 'approve'], withSystemHelper, {
          input: `url=${url}\nusername=someone\npassword=${password}\n\n`,
        });
        expect(approve.exitCode, approve.stderr).toBe(0);
      }

      const main = await runMain(services, job);
      expectCleanSuccess(main, services.secrets(), GITCONFIG);
      const clone = await runGit(['clone', '--quiet', `${services.hub.url}/${RESOURCE}`, 'model'], withSystemHelper);
      expect(clone.exitCode, clone.stderr).toBe(0);
      await commitAndPush(services, join(job.workspace, 'model'), 'First push', withSystemHelper);

      // The hour is up for every token issued so far. A storing helper asked before the action's
      // (git asks system helpers first) would hand back the stale token it was given to store.
      services.hub.expireAllTokens();
      await commitAndPush(services, join(job.workspace, 'model'), 'Push after the hour', withSystemHelper);
      expect(git.log(RESOURCE).slice(0, 2)).toEqual(['Push after the hour', 'First push']);
      const pushToken = git.authAttempts.filter((attempt) => attempt.accepted).at(-1)?.password;
      expect(services.hub.findValidToken(pushToken)).toBeDefined();
      // Both URL forms, and git-lfs's endpoint (git-lfs asks `git credential fill` for this URL).
      const lsRemote = await runGit(['ls-remote', `${services.hub.url}/${RESOURCE}.git`], withSystemHelper);
      expect(lsRemote.exitCode, lsRemote.stderr).toBe(0);
      const lfs = await runGit(['credential', 'fill'], withSystemHelper, {
        input: `url=${services.hub.url}/${RESOURCE}.git/info/lfs\n\n`,
      });
      expect(lfs.exitCode, lfs.stderr).toBe(0);
      expect(services.hub.findValidToken(/^password=(.+)$/m.exec(lfs.stdout)?.[1])?.resource).toBe(RESOURCE);

      // For the resource's URLs git never asked the system helper, not even to store or erase:
      // it holds no Hub token.
      expect(system.calls().filter((call) => call.includes(`host=${hubHost} path=${RESOURCE}`))).toEqual([]);
      expect(allSecrets(services).filter((secret) => system.stored().includes(secret))).toEqual([]);

      // Everything else still goes to the user's helper.
      for (const [url, password] of [
        ['https://git.example.test/owner/repo', 'kept-for-another-host'],
        [`${services.hub.url}/acme/other-model`, 'kept-for-another-repository'],
      ] as const) {
        const other = await runGit(['credential', 'fill'], withSystemHelper, { input: `url=${url}\n\n` });
        expect(other.exitCode, other.stderr).toBe(0);
        expect(other.stdout).toContain(`password=${password}\n`);
      }
      expect(system.calls().filter((call) => call.startsWith('get '))).toEqual([
        'get host=git.example.test',
        `get host=${hubHost}`,
      ]);

      const post = await runPost(job, main);
      expect([post.exitCode, ...post.warnings]).toEqual([0]);
      expect(gitConfigText(job)).toBeUndefined();
    } finally {
      system.remove();
    }
  });

  test('explains a refused exchange in one line on stderr, without a secret', async ({ services, job, step }) => {
    expectCleanSuccess(await runMain(services, job), services.secrets(), GITCONFIG);
    services.issuer.identity = { ...services.issuer.identity, ref: 'refs/tags/v1.0.0' };
    const refused = await fill(step, `${services.hub.url}/${RESOURCE}`);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stdout).toBe('');
    const helperLines = refused.stderr.split('\n').filter((line) => line.includes('hf-oidc-token-action'));
    expect(helperLines).toHaveLength(1);
    expect(helperLines[0]).toContain(`could not get a Hugging Face token for ${RESOURCE}`);
    expect(helperLines[0]).toContain('invalid_grant');
    expectNoSecretIn(services, refused.stderr);
  });

  test('keeps two invocations in one job apart: each post step removes its own entries only', async ({
    services,
    git,
    job,
    step,
  }) => {
    services.hub.addPublisher('datasets/acme/awesome-data', { repository: 'acme/awesome-model' });
    git.createRepository('datasets/acme/awesome-data');
    const first = await runMain(services, job);
    const second = await runMain(services, job); // the same resource again
    const third = await runMain(services, job, { resource: 'datasets/acme/awesome-data' });
    for (const main of [first, second, third]) expectCleanSuccess(main, services.secrets(), GITCONFIG);
    const helperOf = (main: RunResult): string =>
      (JSON.parse(main.state['git-credentials'] ?? '{}') as { entries: Array<{ key: string; value: string }> }).entries
        .map((entry) => entry.value)
        .find((value) => value.startsWith('!')) ?? '';
    const helpers = async (url: string): Promise<string[]> => {
      const key = `credential.${services.hub.url}/${url}.helper`;
      const result = await runGit(['config', '--global', '-z', '--get-all', key], step);
      return result.stdout.split('\0').slice(0, -1);
    };
    // One reset per URL, added by the first invocation; the second adds its helper after the first's.
    expect(await helpers(RESOURCE)).toEqual(['', helperOf(first), helperOf(second)]);
    expect(await helpers(`${RESOURCE}.git`)).toEqual(['', helperOf(first), helperOf(second)]);
    expect(await helpers('datasets/acme/awesome-data')).toEqual(['', helperOf(third)]);

    // Post steps run in reverse order. After the dataset's, the model still works through the others.
    expect((await runPost(job, third)).warnings).toEqual([]);
    expect(gitConfigText(job)).not.toContain('datasets/acme/awesome-data');
    expect((await fill(step, `${services.hub.url}/${RESOURCE}`)).exitCode).toBe(0);
    expect((await fill(step, `${services.hub.url}/datasets/acme/awesome-data`)).exitCode).not.toBe(0);

    expect((await runPost(job, second)).warnings).toEqual([]);
    expect(await helpers(RESOURCE)).toEqual(['', helperOf(first)]);
    expect((await fill(step, `${services.hub.url}/${RESOURCE}`)).exitCode).toBe(0);

    expect((await runPost(job, first)).warnings).toEqual([]);
    expect(gitConfigText(job)).toBeUndefined();
  });

  test("resets after the user's own helper for the same URL, and says so when it cannot tell its reset from the user's", async ({
    services,
    job,
    step,
  }) => {
    // The user's own section for this very URL: a reset and a helper of theirs.
    const own = `[credential "${services.hub.url}/${RESOURCE}"]\n\thelper = \n\thelper = !true\n`;
    writeFileSync(join(job.home, '.gitconfig'), own);
    const main = await runMain(services, job);
    expectCleanSuccess(main, services.secrets(), GITCONFIG);
    // Theirs is reset too: git asks only the action's helper for the resource.
    expect(gitConfigText(job)).toContain(`${own}\thelper = \n\thelper = !'`);
    const ours = await fill(step, `${services.hub.url}/${RESOURCE}`);
    expect(services.hub.findValidToken(/^password=(.+)$/m.exec(ours.stdout)?.[1])).toBeDefined();

    // git config cannot remove one of two equal values: the post step leaves the second reset, and warns.
    const post = await runPost(job, main);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toHaveLength(1);
    expect(post.warnings[0]).toContain('the same value is there 2 times');
    expect(gitConfigText(job)).toBe(`${own}\thelper = \n`);
  });

  test('cleans up after a main step that failed after configuring git', async ({ services, job }) => {
    writeFileSync(join(job.home, '.gitconfig'), USER_GITCONFIG);
    // Step outputs that cannot be written fail the step after git was configured.
    const failed = await runAction({
      ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true' }),
      job,
      env: { GITHUB_OUTPUT: job.workspace },
    });
    expectCleanFailure(failed, services.secrets(), GITCONFIG);
    expect(gitConfigText(job)).toContain('git-credential-helper');

    expect((await runPost(job, failed)).warnings).toEqual([]);
    expect(gitConfigText(job)).toBe(USER_GITCONFIG);
  });

  test('never fails the job: no state, broken state, no git', async ({ services, job }) => {
    const nothing = await runAction({ job, entry: POST_ENTRY });
    expect([nothing.exitCode, nothing.stdout]).toEqual([0, '']);

    const broken = await runAction({ job, entry: POST_ENTRY, state: { 'git-credentials': '{not json' } });
    expect(broken.exitCode).toBe(0);
    expect(broken.errors).toEqual([]);
    expect(broken.warnings).toHaveLength(1);
    expect(broken.warnings[0]).toContain('could not clean up the git configuration');

    const main = await runMain(services, job);
    expectCleanSuccess(main, services.secrets(), GITCONFIG);
    const withoutGit = await runPost(job, main, { PATH: job.workspace });
    expect(withoutGit.exitCode).toBe(0);
    expect(withoutGit.errors).toEqual([]);
    expect(withoutGit.warnings).toHaveLength(1);
    expect(withoutGit.warnings[0]).toContain('is git installed');
    expect((await runPost(job, main)).warnings).toEqual([]);
    expect(gitConfigText(job)).toBeUndefined();
  });

  test('fails the step, exporting nothing, when git is not installed', async ({ services, job }) => {
    const result = await runAction({
      ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true' }),
      job,
      env: { PATH: job.workspace },
    });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('Install git before this step');
  });
});
