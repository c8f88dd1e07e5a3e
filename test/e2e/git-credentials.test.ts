// End to end, with real git: `git-credentials: true` configures git in the job's HOME; later steps
// clone and push to a smart-HTTP git server on the local Hub's host (git http-backend behind a
// server that wants a currently valid Hub token for that repository as the password); the post step
// restores the git config exactly. Every git request here authenticates through the helper in dist/.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGit, type StepEnvironment } from '../support/git.js';
import { escapeForGitConfig } from '../support/platform.js';
import { GitServer } from '../support/git-server.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';
import { createJob, HELPER_ENTRY, POST_ENTRY, runAction, type Job, type RunResult } from '../support/run-action.js';
import { RUNTIMES } from './runtimes.js';

const RESOURCE = 'acme/awesome-model';
/** A user's own global config: a catch-all helper (which has no answer) that must stay first. */
const USER_GITCONFIG = '[user]\n\tname = Octo Cat\n[credential]\n\thelper = !true\n';

let services: LocalServices;
let git: GitServer;
let job: Job;
beforeEach(async () => {
  services = await startLocalServices();
  git = new GitServer(services.hub);
  services.hub.git = git;
  git.createRepository(RESOURCE);
  job = createJob();
});
afterEach(async () => {
  await services.stop();
  git.remove();
  job.remove();
});

function gitConfigText(): string | undefined {
  const path = join(job.home, '.gitconfig');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function step(): StepEnvironment {
  return { job, idToken: services.runOptions().idToken };
}

/** Every file the job left outside the runner's own files (GITHUB_ENV legitimately holds HF_TOKEN). */
function jobFilesContaining(secrets: readonly string[]): string[] {
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

function allSecrets(): string[] {
  const { idTokens, hubTokens } = services.secrets();
  return [...idTokens, ...hubTokens];
}

function expectNoSecretIn(...texts: string[]): void {
  for (const secret of allSecrets()) for (const text of texts) expect(text.includes(secret), 'a secret leaked').toBe(false);
}

async function commitAndPush(clone: string, message: string): Promise<void> {
  writeFileSync(join(clone, `${message.replace(/\W+/g, '-')}.txt`), `${message}\n`);
  expect((await runGit(['add', '.'], step(), { cwd: clone })).exitCode).toBe(0);
  expect((await runGit(['commit', '--quiet', '-m', message], step(), { cwd: clone })).exitCode).toBe(0);
  const push = await runGit(['push', 'origin', 'main'], step(), { cwd: clone });
  expect(push.exitCode, push.stderr).toBe(0);
  expectNoSecretIn(push.stdout, push.stderr);
}

describe.each(RUNTIMES)('git-credentials on $name', ({ node }) => {
  const runMain = (inputs: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true', ...inputs }), node, job });
  const runPost = (main: RunResult): Promise<RunResult> => runAction({ node, job, entry: POST_ENTRY, state: main.state });

  it('clones and pushes through the helper with a fresh token each time; the post step restores the git config byte for byte', async () => {
    writeFileSync(join(job.home, '.gitconfig'), USER_GITCONFIG);
    const main = await runMain();
    expect(main.errors, main.stdout).toEqual([]);
    expect(main.exitCode).toBe(0);
    const stepToken = main.exported['HF_TOKEN'] ?? '';
    expect(stepToken).not.toBe('');
    expect(main.stdout).toContain('Configured git for the rest of the job');
    expect(main.strayFiles).toEqual(['home/.gitconfig']);

    // Added after the user's config, which is untouched; no token in it, only the helper's command line.
    const configured = gitConfigText() ?? '';
    expect(configured.startsWith(USER_GITCONFIG)).toBe(true);
    expect(configured).toContain(`[credential "${services.hub.url}"]`);
    expect(configured).toContain(`[credential "${services.hub.url}/${RESOURCE}"]\n\tuseHttpPath = true`);
    expectNoSecretIn(configured);
    // The helper runs from dist/ with the Node that ran the action, whatever `node` is on PATH.
    // (The file holds the value as git writes it: on Windows the paths' backslashes are doubled.)
    expect(configured).toContain(`helper = ${escapeForGitConfig(`!'${node}' '${HELPER_ENTRY}' '--hub-url'`)}`);
    expect(services.hub.exchangeCount).toBe(1);

    const clone = await runGit(['clone', '--quiet', `${services.hub.url}/${RESOURCE}`, 'model'], step());
    expect(clone.exitCode, clone.stderr).toBe(0);
    expectNoSecretIn(clone.stdout, clone.stderr);
    await commitAndPush(join(job.workspace, 'model'), 'Add weights');
    expect(git.log(RESOURCE)).toEqual(['Add weights', 'Initial commit']);

    // Each time git asked (clone, push), the helper exchanged again; git never saw the step's token.
    const accepted = git.authAttempts.filter((attempt) => attempt.accepted).map((attempt) => attempt.password);
    expect(new Set(accepted).size).toBe(2);
    expect(accepted).not.toContain(stepToken);
    expect(services.hub.exchangeCount).toBe(3);
    expect(git.authAttempts.every((attempt) => attempt.username === 'hf_user')).toBe(true);
    expect(jobFilesContaining(allSecrets())).toEqual([]);

    const post = await runPost(main);
    expect(post.exitCode).toBe(0);
    expect([...post.errors, ...post.warnings]).toEqual([]);
    expect(gitConfigText()).toBe(USER_GITCONFIG);
  });

  it('pushes after the first token has expired, with a new token', async () => {
    const main = await runMain();
    expect(main.exitCode, main.stdout).toBe(0);
    const clone = await runGit(['clone', '--quiet', `${services.hub.url}/${RESOURCE}.git`, 'model'], step());
    expect(clone.exitCode, clone.stderr).toBe(0);
    const firstToken = git.authAttempts.find((attempt) => attempt.accepted)?.password ?? '';

    // The hour is up for every token issued so far: the git server now refuses them.
    services.hub.expireAllTokens();
    const stale = await fetch(`${services.hub.url}/${RESOURCE}/info/refs?service=git-receive-pack`, {
      headers: { Authorization: `Basic ${Buffer.from(`hf_user:${firstToken}`).toString('base64')}` },
    });
    expect(stale.status).toBe(401);

    await commitAndPush(join(job.workspace, 'model'), 'Evaluation results after five hours');
    expect(git.log(RESOURCE)[0]).toBe('Evaluation results after five hours');
    const pushToken = git.authAttempts.filter((attempt) => attempt.accepted).at(-1)?.password;
    expect(pushToken).not.toBe(firstToken);
    expect(services.hub.findValidToken(pushToken)).toBeDefined();

    // No global config existed before: the post step removes the file it created.
    const post = await runPost(main);
    expect([post.exitCode, ...post.warnings]).toEqual([0]);
    expect(gitConfigText()).toBeUndefined();
  });
});

describe('git-credentials: scope, several invocations, and a post step that never fails', () => {
  const runMain = (inputs: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true', ...inputs }), job });
  const runPost = (main: RunResult, env: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ job, entry: POST_ENTRY, state: main.state, env });
  const fill = (url: string, environment: StepEnvironment = step()) => runGit(['credential', 'fill'], environment, { input: `url=${url}\n\n` });

  it('answers only get, only for the configured resource on the hub, and only inside a job', async () => {
    await runMain();
    const exchanges = services.hub.exchangeCount;

    const ours = await fill(`${services.hub.url}/${RESOURCE}`);
    expect(ours.exitCode, ours.stderr).toBe(0);
    const password = /^password=(.+)$/m.exec(ours.stdout)?.[1];
    expect(services.hub.findValidToken(password)?.resource).toBe(RESOURCE);
    expect(ours.stdout).toMatch(/^username=hf_user$/m);
    expect(ours.stderr).toBe('');
    expect(services.hub.exchangeCount).toBe(exchanges + 1);

    // Another repository on the hub, the hub under another host name, a process outside a job:
    // no answer (git falls back to its other helpers, here none, so fill fails), no exchange.
    for (const [url, environment] of [
      [`${services.hub.url}/acme/other-model`, step()],
      [`${services.hub.url}/datasets/${RESOURCE}`, step()],
      [`${services.hub.url.replace('127.0.0.1', 'localhost')}/${RESOURCE}`, step()],
      [`${services.hub.url}/${RESOURCE}`, { job }],
    ] as const) {
      const other = await fill(url, environment);
      expect(other.exitCode, url).not.toBe(0);
      expect(other.stdout).toBe('');
      expect(other.stderr).not.toContain('hf-oidc-token-action');
    }
    // store and erase (git approve/reject) are not the helper's business.
    for (const command of ['approve', 'reject']) {
      const result = await runGit(['credential', command], step(), {
        input: `url=${services.hub.url}/${RESOURCE}\nusername=hf_user\npassword=x\n\n`,
      });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
    }
    expect(services.hub.exchangeCount).toBe(exchanges + 1);
  });

  it('explains a refused exchange in one line on stderr, without a secret, and git falls back', async () => {
    await runMain();
    services.issuer.identity = { ...services.issuer.identity, ref: 'refs/tags/v1.0.0' };
    const refused = await fill(`${services.hub.url}/${RESOURCE}`);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stdout).toBe('');
    const helperLines = refused.stderr.split('\n').filter((line) => line.includes('hf-oidc-token-action'));
    expect(helperLines).toHaveLength(1);
    expect(helperLines[0]).toContain(`could not get a Hugging Face token for ${RESOURCE}`);
    expect(helperLines[0]).toContain('invalid_grant');
    expectNoSecretIn(refused.stderr);
  });

  it('keeps two invocations in one job apart: each post step removes its own entries only', async () => {
    services.hub.addPublisher('datasets/acme/awesome-data', { repository: 'acme/awesome-model' });
    git.createRepository('datasets/acme/awesome-data');
    const first = await runMain();
    const second = await runMain(); // the same resource again
    const third = await runMain({ resource: 'datasets/acme/awesome-data' });
    for (const main of [first, second, third]) expect(main.exitCode, main.stdout).toBe(0);
    const helperKey = `credential.${services.hub.url}.helper`;
    const helpers = async (): Promise<string[]> =>
      (await runGit(['config', '--global', '--get-all', helperKey], step())).stdout.split('\n').filter(Boolean);
    expect(await helpers()).toHaveLength(3);

    // Post steps run in reverse order. After the dataset's, the model still works through the others.
    expect((await runPost(third)).warnings).toEqual([]);
    expect(await helpers()).toHaveLength(2);
    expect(gitConfigText()).not.toContain('datasets/acme/awesome-data');
    expect((await fill(`${services.hub.url}/${RESOURCE}`)).exitCode).toBe(0);
    expect((await fill(`${services.hub.url}/datasets/acme/awesome-data`)).exitCode).not.toBe(0);

    expect((await runPost(second)).warnings).toEqual([]);
    const firstHelper = (JSON.parse(first.state['git-credentials'] ?? '{}') as { entries: Array<{ value: string }> }).entries[0]?.value;
    expect(await helpers()).toEqual([firstHelper]);
    expect((await fill(`${services.hub.url}/${RESOURCE}`)).exitCode).toBe(0);

    expect((await runPost(first)).warnings).toEqual([]);
    expect(gitConfigText()).toBeUndefined();
  });

  it('cleans up after a main step that failed after configuring git', async () => {
    writeFileSync(join(job.home, '.gitconfig'), USER_GITCONFIG);
    // Step outputs that cannot be written fail the step after git was configured.
    const failed = await runAction({
      ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true' }),
      job,
      env: { GITHUB_OUTPUT: job.workspace },
    });
    expect(failed.exitCode).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(gitConfigText()).toContain('git-credential-helper');

    expect((await runPost(failed)).warnings).toEqual([]);
    expect(gitConfigText()).toBe(USER_GITCONFIG);
  });

  it('never fails the job: no state, broken state, no git', async () => {
    const nothing = await runAction({ job, entry: POST_ENTRY });
    expect([nothing.exitCode, nothing.stdout]).toEqual([0, '']);

    const broken = await runAction({ job, entry: POST_ENTRY, state: { 'git-credentials': '{not json' } });
    expect(broken.exitCode).toBe(0);
    expect(broken.errors).toEqual([]);
    expect(broken.warnings).toHaveLength(1);
    expect(broken.warnings[0]).toContain('could not clean up the git configuration');

    const main = await runMain();
    const withoutGit = await runPost(main, { PATH: job.workspace });
    expect(withoutGit.exitCode).toBe(0);
    expect(withoutGit.errors).toEqual([]);
    expect(withoutGit.warnings).toHaveLength(1);
    expect(withoutGit.warnings[0]).toContain('is git installed');
    expect((await runPost(main)).warnings).toEqual([]);
    expect(gitConfigText()).toBeUndefined();
  });

  it('fails the step, exporting nothing, when git is not installed', async () => {
    const result = await runAction({
      ...services.runOptions({ resource: RESOURCE, 'git-credentials': 'true' }),
      job,
      env: { PATH: job.workspace },
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('Install git before this step');
    expect(result.exported).toEqual({});
  });
});
