// One commit of the upload end to end in process (src/upload/send-commit.ts): files to a commit,
// as plain data; an unchanged re-run makes no commit and sends nothing; only what changed is sent;
// a branch that moved is compared again once; a failure says what reached the Hub. This is the
// piece a large folder's several commits loop over.
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { ActionError } from '../../src/errors.js';
import { buildCommitText } from '../../src/upload/provenance.js';
import { wholePlan } from '../../src/upload/remote-plan.js';
import { sendCommits, type CommitContext } from '../../src/upload/send-commit.js';
import { planUpload } from '../../src/upload/plan.js';
import { KiB, REPO, test, type UploadHarness } from './upload-harness.js';

function commitContext(hub: UploadHarness): CommitContext {
  return {
    upload: hub.settings(),
    hubUrl: hub.hubUrl,
    maxAttempts: 3,
    idleMs: 5_000,
    tokens: hub.tokens,
    text: buildCommitText({ message: 'Epoch 34', description: '' }, { GITHUB_RUN_ID: '7' }, 'f00d'),
    log: (line) => hub.log.push(line),
    onSecret: () => undefined,
  };
}

describe('one commit', () => {
  test('files to a commit, then an unchanged re-run: no commit, no byte of content sent', async ({ hub }) => {
    hub.api.options.lfsSizeThreshold = 64 * KiB;
    hub.write({ 'README.md': '# model\n', 'weights.bin': randomBytes(200 * KiB), 'logo.png': randomBytes(70 * KiB) });
    const plan = await planUpload(hub.settings());
    const first = await sendCommits(wholePlan(plan), commitContext(hub));
    expect(first).toMatchObject({
      kind: 'committed',
      commits: [{ commitOid: hub.api.head(REPO) }],
      counts: { added: 3, changed: 0, unchanged: 0, deleted: 0, ignored: 0 },
    });
    expect(first.kind === 'committed' && first.bytesSent).toBeGreaterThan(270 * KiB);
    const storageRequests = hub.api.storage.requests.length;

    const again = await sendCommits(wholePlan(plan), commitContext(hub));
    expect(again).toMatchObject({ kind: 'unchanged', counts: { added: 0, changed: 0, unchanged: 3, deleted: 0 } });
    expect(hub.api.commits(REPO)).toHaveLength(2);
    expect(hub.api.storage.requests.length).toBe(storageRequests);
    expect(hub.api.batches).toHaveLength(1);
  });

  test('only what changed is sent and listed', async ({ hub }) => {
    hub.api.options.lfsSizeThreshold = 64 * KiB;
    hub.write({ 'README.md': '# model\n', 'a.bin': randomBytes(100 * KiB), 'b.bin': randomBytes(100 * KiB) });
    await sendCommits(wholePlan(await planUpload(hub.settings())), commitContext(hub));
    hub.write({ 'b.bin': randomBytes(100 * KiB) });
    const outcome = await sendCommits(wholePlan(await planUpload(hub.settings())), commitContext(hub));
    expect(outcome).toMatchObject({ kind: 'committed', counts: { added: 0, changed: 1, unchanged: 2 } });
    expect(hub.api.batches.at(-1)?.objects).toHaveLength(1);
  });

  test('a branch that moved is compared again on the new head, once', async ({ hub }) => {
    hub.write({ 'a.txt': 'a' });
    hub.api.faults.commit.push({ kind: 'advance-branch', title: 'someone else' });
    const outcome = await sendCommits(wholePlan(await planUpload(hub.settings())), commitContext(hub));
    expect(outcome.kind).toBe('committed');
    expect(hub.api.commits(REPO).map((commit) => commit.title)).toEqual(['Epoch 34', 'someone else', 'initial commit']);
    expect(hub.log).toContain(
      'Another commit landed on main while this one was being prepared (HTTP 412): comparing again on top of the new head, then committing once more.',
    );
  });

  test('a branch that keeps moving fails, saying nothing was committed and what reached storage', async ({ hub }) => {
    hub.api.options.lfsSizeThreshold = 64 * KiB;
    hub.write({ 'weights.bin': randomBytes(100 * KiB) });
    hub.api.faults.commit.push({ kind: 'advance-branch' }, { kind: 'advance-branch' });
    const error = (await sendCommits(wholePlan(await planUpload(hub.settings())), commitContext(hub)).catch(
      (caught: unknown) => caught,
    )) as ActionError;
    expect(error.code).toBe('BRANCH_MOVED');
    expect(error.message).toMatch(
      /^Uploading to acme\/awesome-model failed: Other commits kept landing on main of acme\/awesome-model .*, twice\. Nothing was committed: acme\/awesome-model@main is unchanged\. 100\.0 KiB of file content reached the Hub's storage, but no commit refers to it \(a re-run does not send it again\)\.$/,
    );
  });
});
