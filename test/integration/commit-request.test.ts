// The commit request (src/upload/commit-request.ts), in process against the local Hub: the streamed
// NDJSON body with its header (parentCommit), LFS, deletion and inline lines; a 412 handed back as
// plain data; an answer lost after the commit landed (a reset, or a load balancer's 502) found by
// this run's marker and reported as landed; a commit that did not land sent again; a check that
// fails too said to leave the outcome unknown; a file changed while sent is the workflow's to fix.
import { createHash, randomBytes } from 'node:crypto';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { ActionError } from '../../src/errors.js';
import { postCommit, type CommitOperations, type CommitRequestContext } from '../../src/upload/commit-request.js';
import { KiB, REPO, test, type UploadHarness } from './upload-harness.js';

const MARKER = '4242-1-0123456789abcdef';

function context(hub: UploadHarness, overrides: Partial<CommitRequestContext> = {}): CommitRequestContext {
  const transport = hub.transport({ maxAttempts: 3 });
  return {
    transport,
    api: hub.hubApi(transport),
    revision: 'main',
    createPr: false,
    title: 'Epoch 34',
    description: `Published from GitHub Actions:\n\n- Upload: \`${MARKER}\`\n`,
    marker: MARKER,
    parentCommit: hub.api.head(REPO),
    log: (line) => hub.log.push(line),
    ...overrides,
  };
}

function inline(hub: UploadHarness, files: Record<string, string>): CommitOperations['inline'] {
  hub.write(files);
  return Object.keys(files).map((path) => hub.planned(path));
}

describe('the commit request', () => {
  test('inline, LFS and deleted files in one streamed commit on top of the head it was compared with', async ({
    hub,
  }) => {
    hub.api.commitFiles(REPO, { title: 'seed', files: { 'old.txt': 'old' } });
    const weights = randomBytes(64 * KiB);
    const oid = createHash('sha256').update(weights).digest('hex');
    hub.api.storage.storeBytes(hub.api.storage.keyFor(REPO, oid), weights);
    const parent = hub.api.head(REPO);
    const answer = await postCommit(
      {
        lfsFiles: [{ pathInRepo: 'weights.bin', oid, size: weights.length }],
        deletions: ['old.txt'],
        inline: inline(hub, { 'README.md': '# model\n', 'empty.txt': '', 'a/b.json': '{"x": "é"}' }),
      },
      context(hub, { parentCommit: parent }),
    );
    const head = hub.api.head(REPO);
    expect(answer).toEqual({
      kind: 'committed',
      commitOid: head,
      commitUrl: `${hub.services.hub.url}/${REPO}/commit/${head}`,
      pullRequestUrl: undefined,
      bodyBytes: expect.any(Number) as number,
    });
    const [commit] = hub.api.commits(REPO);
    expect([commit?.title, commit?.parents]).toEqual(['Epoch 34', [parent]]);
    const files = hub.api.files(REPO);
    expect([...files.keys()].sort()).toEqual(['.gitattributes', 'README.md', 'a/b.json', 'empty.txt', 'weights.bin']);
    expect(files.get('a/b.json')?.toString()).toBe('{"x": "é"}');
    expect(files.get('weights.bin')?.equals(weights)).toBe(true);
  });

  test('another commit landed first: HTTP 412 comes back as data, nothing committed', async ({ hub }) => {
    hub.api.faults.commit.push({ kind: 'advance-branch' });
    const answer = await postCommit(
      { lfsFiles: [], deletions: [], inline: inline(hub, { 'a.txt': 'a' }) },
      context(hub),
    );
    expect(answer.kind).toBe('branch-moved');
    expect(hub.api.files(REPO).has('a.txt')).toBe(false);
  });

  test('a lost answer after the commit landed: found by the marker, not sent again, and said so', async ({ hub }) => {
    hub.api.faults.commit.push({ kind: 'drop-answer' });
    const answer = await postCommit(
      { lfsFiles: [], deletions: [], inline: inline(hub, { 'a.txt': 'a' }) },
      context(hub),
    );
    expect(answer).toMatchObject({ kind: 'committed', commitOid: hub.api.head(REPO) });
    expect(hub.api.requests.filter((request) => request.endpoint === 'commit')).toHaveLength(1);
    expect(hub.log).toEqual([
      expect.stringMatching(
        /^The commit request ended without an answer \(.+\), but the commit had landed: [0-9a-f]{7} carries this run's marker, so it is not sent again\.$/,
      ),
    ]);
  });

  test("a 502 after the commit landed is a success that says it landed, not 'without an answer'", async ({ hub }) => {
    hub.api.faults.commit.push({ kind: 'drop-answer', status: 502 });
    const answer = await postCommit(
      { lfsFiles: [], deletions: [], inline: inline(hub, { 'a.txt': 'a' }) },
      context(hub),
    );
    expect(answer).toMatchObject({ kind: 'committed', commitOid: hub.api.head(REPO) });
    expect(hub.api.commits(REPO)).toHaveLength(2);
    expect(hub.log).toEqual([
      expect.stringMatching(
        /^The hub answered the commit request HTTP 502 \(x-request-id: .+\), but the commit had landed: [0-9a-f]{7} carries this run's marker, so it is not sent again\.$/,
      ),
    ]);
  });

  test('a pull request whose answer was lost is found among the newest pull requests', async ({ hub }) => {
    hub.api.faults.commit.push({ kind: 'drop-answer' });
    const answer = await postCommit(
      { lfsFiles: [], deletions: [], inline: inline(hub, { 'a.txt': 'a' }) },
      context(hub, { createPr: true }),
    );
    const [pullRequest] = hub.api.pullRequests(REPO);
    expect(answer).toMatchObject({
      kind: 'committed',
      pullRequestUrl: `${hub.services.hub.url}/${REPO}/discussions/${String(pullRequest?.num)}`,
    });
    expect(hub.api.commits(REPO)).toHaveLength(1);
  });

  test('a 503 before the commit landed: checked, then sent again once', async ({ hub }) => {
    hub.api.faults.commit.push({ kind: 'respond', status: 503, headers: { 'Retry-After': '0' } });
    const answer = await postCommit(
      { lfsFiles: [], deletions: [], inline: inline(hub, { 'a.txt': 'a' }) },
      context(hub),
    );
    expect(answer.kind).toBe('committed');
    expect(hub.api.requests.map((request) => request.endpoint)).toEqual(['commit', 'commits', 'commit']);
    expect(hub.api.commits(REPO)).toHaveLength(2);
  });

  test('no answer, and the check fails too: the outcome is unknown, and the message says where to look', async ({
    hub,
  }) => {
    hub.api.faults.commit.push({ kind: 'drop-answer' });
    hub.api.faults.read.push({ kind: 'respond', status: 403 });
    const error = (await postCommit(
      { lfsFiles: [], deletions: [], inline: inline(hub, { 'a.txt': 'a' }) },
      context(hub),
    ).catch((caught: unknown) => caught)) as ActionError;
    expect(error.code).toBe('COMMIT_UNKNOWN');
    expect(error.hint).toBe(
      `Look in the history of ${REPO}@main for a commit whose description contains ${MARKER} before re-running.`,
    );
  });

  test("an inline file that changed since it was measured fails the request, the workflow's to fix", async ({
    hub,
  }) => {
    const files = inline(hub, { 'a.txt': 'a'.repeat(5000) });
    truncateSync(join(hub.folder, 'a.txt'), 100);
    const error = (await postCommit({ lfsFiles: [], deletions: [], inline: files }, context(hub)).catch(
      (caught: unknown) => caught,
    )) as ActionError;
    expect(error.code).toBe('LOCAL_FILE');
    expect(error.message).toMatch(
      /^The workflow changed "a\.txt" during the upload \(it is now 100 bytes, not the 5000 planned\)/,
    );
    expect(hub.api.commits(REPO)).toHaveLength(1);
  });
});
