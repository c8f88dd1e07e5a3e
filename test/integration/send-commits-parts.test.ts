// An upload in several commits, in process (src/upload/send-commit.ts with parts.ts): the cut is made
// on what changed (unchanged files take no room), LFS files count as operations but not as inline
// bytes, create-pr opens one pull request and commits the later parts to it, another commit landing
// between two parts is compared again once, and a file replaced by a folder deletes it first.
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { buildCommitText } from '../../src/upload/provenance.js';
import { wholePlan } from '../../src/upload/remote-plan.js';
import { sendCommits, type CommitContext } from '../../src/upload/send-commit.js';
import type { UploadSettings } from '../../src/upload/settings.js';
import { planUpload } from '../../src/upload/plan.js';
import { KiB, REPO, test, type UploadHarness } from './upload-harness.js';

function context(hub: UploadHarness, overrides: Partial<UploadSettings> = {}): CommitContext {
  return {
    upload: hub.settings(overrides),
    hubUrl: hub.hubUrl,
    maxAttempts: 3,
    idleMs: 5_000,
    tokens: hub.tokens,
    text: buildCommitText({ message: 'Data', description: '' }, { GITHUB_RUN_ID: '7' }, 'f00d'),
    log: (line) => hub.log.push(line),
    onSecret: () => undefined,
  };
}

function rows(count: number, from = 0): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = from; index < from + count; index++)
    files[`rows/${String(index).padStart(5, '0')}.txt`] = `${index}\n`;
  return files;
}

async function send(hub: UploadHarness, overrides: Partial<UploadSettings> = {}) {
  return sendCommits(wholePlan(await planUpload(hub.settings(overrides))), context(hub, overrides));
}

describe('several commits', () => {
  test('unchanged files take no room: 1,500 files with 10 changed are one commit', async ({ hub }) => {
    hub.write(rows(1500));
    const first = await send(hub);
    expect(first.kind === 'committed' && first.commits).toHaveLength(2);
    hub.write(rows(10));
    hub.write(Object.fromEntries(Object.keys(rows(10)).map((path) => [path, 'changed\n'])));
    const second = await send(hub);
    expect(second.kind === 'committed' && second.commits).toHaveLength(1);
    expect(hub.api.commits(REPO)[0]?.title).toBe('Data');
  });

  test('LFS files count as operations, not inline bytes', async ({ hub }) => {
    hub.api.options.lfsSizeThreshold = 4 * KiB;
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 1001; index++) files[`w/${String(index).padStart(4, '0')}.bin`] = randomBytes(5 * KiB);
    hub.write(files);
    const outcome = await send(hub);
    expect(outcome.kind === 'committed' && outcome.commits).toHaveLength(2);
    expect(
      hub.api
        .commits(REPO)
        .slice(0, 2)
        .map((commit) => commit.title),
    ).toEqual(['Data (part 2/2)', 'Data (part 1/2)']);
    expect(hub.api.entries(REPO).get('w/1000.bin')?.kind).toBe('lfs');
  });

  test('create-pr: the first part opens the pull request, the others are committed to it', async ({ hub }) => {
    const mainHead = hub.api.head(REPO);
    hub.write(rows(2001));
    const outcome = await send(hub, { createPr: true });
    expect(outcome).toMatchObject({
      kind: 'committed',
      pullRequestUrl: `${hub.services.hub.url}/${REPO}/discussions/1`,
    });
    expect(hub.api.pullRequests(REPO)).toHaveLength(1);
    expect(hub.api.head(REPO)).toBe(mainHead);
    const titles = hub.api.commits(REPO, 'refs/pr/1').map((commit) => commit.title);
    expect(titles).toEqual(['Data (part 3/3)', 'Data (part 2/3)', 'Data (part 1/3)', 'initial commit']);
    expect(outcome.kind === 'committed' && outcome.commits.at(-1)?.commitOid).toBe(hub.api.head(REPO, 'refs/pr/1'));
    expect([...hub.api.files(REPO, 'refs/pr/1').keys()].filter((path) => path.startsWith('rows/'))).toHaveLength(2001);
  });

  test('another commit landing between two parts: compared again, only what is missing sent', async ({ hub }) => {
    hub.write(rows(2500));
    // The first part lands; another commit lands right before the second.
    hub.api.faults.commit.push(
      { kind: 'transform', transform: (body) => body },
      { kind: 'advance-branch', title: 'other' },
    );
    const outcome = await send(hub);
    expect(outcome.kind).toBe('committed');
    const titles = hub.api.commits(REPO).map((commit) => commit.title);
    expect(titles).toEqual(['Data (part 2/2)', 'Data (part 1/2)', 'other', 'Data (part 1/3)', 'initial commit']);
    expect(hub.log).toContain(
      'Another commit landed on main while this one was being prepared (HTTP 412): comparing again on top of the new head, then committing once more.',
    );
    expect([...hub.api.files(REPO).keys()].filter((path) => path.startsWith('rows/'))).toHaveLength(2500);
  });

  test('deletions ride the last part; one that an addition needs gone rides the first', async ({ hub }) => {
    hub.api.commitFiles(REPO, { title: 'seed', files: { 'rows/00000.txt/old': 'x\n', 'stale.txt': 'x\n' } });
    hub.write(rows(1200));
    const outcome = await send(hub, { deletePatterns: ['rows/*', 'stale.txt'] });
    expect(outcome.kind === 'committed' && outcome.commits).toHaveLength(2);
    const [second, first] = hub.api.commits(REPO);
    const firstFiles = hub.api.entries(REPO, first?.oid ?? '');
    expect(firstFiles.has('rows/00000.txt/old')).toBe(false);
    expect(firstFiles.get('rows/00000.txt')?.kind).toBe('regular');
    expect(firstFiles.has('stale.txt')).toBe(true);
    expect(hub.api.entries(REPO, second?.oid ?? '').has('stale.txt')).toBe(false);
  });
});
