// The post step in process (src/post-step.ts → git/clean-up.ts): it removes exactly the git
// configuration the main step saved in its state, keeps the user's own, and never fails the job (a
// broken state is a warning). Git runs for real, on the job's own HOME.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCleanup } from '../../src/post-step.js';
import { createJob } from '../support/run-action.js';
import { runInProcess } from '../support/run-in-process.js';

const SECTION = 'credential.https://hub.test/acme/awesome-model';
const HELPER = `!'/usr/bin/node' '/action/dist/git-credential-helper/index.js' '--hub-url' 'https://hub.test/' '--id' 'abc'`;

describe('the post step, in process', () => {
  it('removes what the main step added, and only that', async () => {
    const job = createJob();
    try {
      const git = (...args: string[]): string =>
        execFileSync('git', args, {
          encoding: 'utf8',
          env: { ...process.env, HOME: job.home, GIT_CONFIG_NOSYSTEM: '1' },
        });
      git('config', '--global', '--add', `${SECTION}.helper`, 'store');
      git('config', '--global', '--add', `${SECTION}.helper`, '');
      git('config', '--global', '--add', `${SECTION}.helper`, HELPER);
      git('config', '--global', 'user.name', 'Octo Cat');
      const state = JSON.stringify({
        entries: [
          { key: `${SECTION}.helper`, value: '' },
          { key: `${SECTION}.helper`, value: HELPER },
        ],
        createdSections: [],
        createdConfigFile: undefined,
      });
      const result = await runInProcess({ job, state: { 'git-credentials': state } }, () => runCleanup());
      expect(result.exitCode).toBe(0);
      expect(result.warnings).toEqual([]);
      expect(git('config', '--global', '--get-all', `${SECTION}.helper`).trim()).toBe('store');
      expect(git('config', '--global', 'user.name').trim()).toBe('Octo Cat');
    } finally {
      job.remove();
    }
  });

  it('warns, without failing the job, when the saved state is unreadable; does nothing without one', async () => {
    const broken = await runInProcess({ state: { 'git-credentials': '{not json' } }, () => runCleanup());
    expect(broken.exitCode).toBe(0);
    expect(broken.warnings).toEqual([
      expect.stringContaining('The post step could not clean up the git configuration'),
    ]);
    const none = await runInProcess({}, () => runCleanup());
    expect(none.exitCode).toBe(0);
    expect(none.stdout).toBe('');
  });
});
