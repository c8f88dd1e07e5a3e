// End to end, through the committed dist/: a folder over hf's ceilings for one commit (1,000
// operations, 100 MiB of inline content) is published as several commits, each with the provenance
// block and " (part k/n)", all named in the log and the job summary, the outputs naming the last;
// deletions ride the last part; an unchanged re-run makes no commit; after a part fails, a re-run
// sends only what is missing. Within the ceilings, one commit (the other upload tests).

import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { createWorkspace, KiB, logLines, REPO, runUpload, type Workspace } from './upload-support.js';
import type { HubCommitApi } from '../support/hub-commit-api.js';

let workspace: Workspace;

beforeEach(() => {
  workspace = createWorkspace();
});
afterEach(() => workspace.remove());

const TITLE = 'Upload from acme/awesome-model@b6c2e2f (run 4242)';

function prepare(api: HubCommitApi): void {
  api.options.lfsSizeThreshold = 64 * KiB;
  api.createRepo(REPO);
}

/** `count` small text files under out/data/, named so that path order is number order. */
function writeFiles(count: number, content = (index: number) => `row ${index}\n`): void {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) files[`out/data/${String(index).padStart(5, '0')}.txt`] = content(index);
  workspace.write(files);
}

function commitCount(api: HubCommitApi): number {
  return api.requests.filter((request) => request.endpoint === 'commit' && request.status === 200).length;
}

describe('upload in several commits', () => {
  test('2,100 files are 3 commits, each with its part and the provenance block; the outputs name the last', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.commitFiles(REPO, { title: 'seed', files: { 'stale/a.txt': 'old\n', 'stale/b.txt': 'old\n' } });
    writeFiles(2100);
    const result = await runUpload(services, workspace, { delete: 'stale/' });
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });

    const commits = commitApi.commits(REPO).slice(0, 3).reverse();
    expect(commits.map((commit) => commit.title)).toEqual([
      `${TITLE} (part 1/3)`,
      `${TITLE} (part 2/3)`,
      `${TITLE} (part 3/3)`,
    ]);
    for (const [index, commit] of commits.entries()) {
      expect(commit.description).toMatch(
        new RegExp(`^Published from GitHub Actions:\\n[^]*\\n- Upload: \`4242-1-[0-9a-f]{16}-${index + 1}of3\`\\n$`),
      );
    }
    // Path order, 1,000 operations a commit; the deletions ride the last part, so nothing was removed
    // before every new file was in.
    const files = (index: number): string[] => [...commitApi.entries(REPO, commits[index]?.oid ?? '').keys()];
    expect(files(0).filter((path) => path.startsWith('data/'))).toHaveLength(1000);
    expect(files(0)).toContain('stale/a.txt');
    expect(files(1).filter((path) => path.startsWith('data/'))).toHaveLength(2000);
    expect(files(1)).toContain('stale/a.txt');
    expect(files(2).filter((path) => path.startsWith('data/'))).toHaveLength(2100);
    expect(files(2).filter((path) => path.startsWith('stale/'))).toEqual([]);

    const last = commits[2];
    expect(result.outputs['commit-sha']).toBe(last?.oid);
    expect(result.outputs['commit-url']).toBe(`${services.hub.url}/${REPO}/commit/${last?.oid ?? ''}`);
    const lines = logLines(result);
    for (const [index, commit] of commits.entries()) {
      expect(lines.some((line) => line.includes(`part ${index + 1}/3`) && line.includes(commit.oid.slice(0, 7)))).toBe(
        true,
      );
      expect(result.summary).toContain(`${services.hub.url}/${REPO}/commit/${commit.oid}`);
      expect(result.summary).toContain(`Commit (part ${index + 1}/3)`);
    }
    const issued = lines.findIndex((line) => line.startsWith('Issued a Hugging Face token'));
    expect(lines[issued - 1]).toBe(
      `Published to acme/awesome-model@main in 3 commits; the last: ${services.hub.url}/${REPO}/commit/${last?.oid ?? ''}`,
    );

    // Nothing changed: no commit at all.
    const again = await runUpload(services, workspace, { delete: 'stale/' });
    expectCleanSuccess(again, services.secrets(), { allowedFiles: workspace.written });
    expect(commitCount(commitApi)).toBe(3);
    expect(again.outputs['commit-sha']).toBe('');
  });

  test('the 2nd of 3 commits refused: the error names what landed; the re-run sends only what is missing', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    writeFiles(2100);
    // The first commit goes through as usual; the second is refused for good.
    commitApi.faults.commit.push(
      { kind: 'transform', transform: (body) => body },
      { kind: 'respond', status: 422, body: { error: 'Invalid commit' } },
    );
    const failed = await runUpload(services, workspace);
    const error = expectCleanFailure(failed, services.secrets(), { allowedFiles: workspace.written });
    const [landed] = commitApi.commits(REPO);
    expect(landed?.title).toBe(`${TITLE} (part 1/3)`);
    expect(error).toContain('Uploading to acme/awesome-model failed at commit 2 of 3:');
    expect(error).toContain('HTTP 422 "Invalid commit"');
    expect(error).toContain(
      `Commit 1 of 3 landed (${services.hub.url}/${REPO}/commit/${landed?.oid ?? ''}); a re-run sends only what is missing.`,
    );

    const resumed = await runUpload(services, workspace);
    expectCleanSuccess(resumed, services.secrets(), { allowedFiles: workspace.written });
    const titles = commitApi.commits(REPO).map((commit) => commit.title);
    expect(titles).toEqual([`${TITLE} (part 2/2)`, `${TITLE} (part 1/2)`, `${TITLE} (part 1/3)`, 'initial commit']);
    expect([...commitApi.files(REPO).keys()].filter((path) => path.startsWith('data/'))).toHaveLength(2100);
    // The re-run committed the 1,100 files that were missing, no more.
    const [second, first] = commitApi.commits(REPO);
    const count = (oid: string | undefined): number =>
      [...commitApi.entries(REPO, oid ?? '').keys()].filter((path) => path.startsWith('data/')).length;
    expect(count(first?.oid) - count(landed?.oid)).toBe(1000);
    expect(count(second?.oid) - count(first?.oid)).toBe(100);
  });
});
