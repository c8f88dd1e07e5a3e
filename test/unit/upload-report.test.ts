// An upload's result is plain data (src/upload/result.ts); the job summary (report/upload-summary.ts)
// and the outputs (runner/outputs.ts) are rendered from it: every commit listed when there are
// several, the outputs naming the last, nothing when nothing changed, server text escaped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeUploadSummary } from '../../src/report/upload-summary.js';
import { publishUploadOutputs } from '../../src/runner/outputs.js';
import type { UploadResult } from '../../src/upload/result.js';

const HUB = 'https://hub.example/acme/m';
const counts = { added: 2100, changed: 0, unchanged: 0, deleted: 2, ignored: 0 };
const result = (commits: number, extra: Partial<UploadResult> = {}): UploadResult => ({
  repository: 'acme/m',
  revision: 'main',
  createPr: false,
  commits: Array.from({ length: commits }, (_, index) => ({
    oid: String(index + 1).repeat(40),
    url: `${HUB}/commit/${String(index + 1).repeat(40)}`,
  })),
  pullRequestUrl: undefined,
  counts,
  bytesSent: 2048,
  durationMs: 1500,
  ...extra,
});

// One folder for the file: @actions/core's summary keeps the path it first wrote to.
const folder = mkdtempSync(join(tmpdir(), 'upload-report-'));
const saved = { ...process.env };
beforeEach(() => {
  process.env['GITHUB_STEP_SUMMARY'] = join(folder, 'summary.md');
  process.env['GITHUB_OUTPUT'] = join(folder, 'output');
  writeFileSync(join(folder, 'summary.md'), '');
  writeFileSync(join(folder, 'output'), '');
});
afterEach(() => {
  process.env = { ...saved };
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The outputs written to GITHUB_OUTPUT (name<<delimiter … delimiter blocks). */
function outputs(): Record<string, string> {
  const text = readFileSync(join(folder, 'output'), 'utf8');
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([^]*?)\n?\2$/gm)) found[match[1] ?? ''] = match[3] ?? '';
  return found;
}

describe('the rendering of an upload result', () => {
  it('lists every commit of an upload in several, the outputs naming the last', async () => {
    await writeUploadSummary(result(3));
    const summary = readFileSync(join(folder, 'summary.md'), 'utf8');
    for (const part of [1, 2, 3]) {
      expect(summary).toContain(`Commit (part ${part}/3)`);
      expect(summary).toContain(`${HUB}/commit/${String(part).repeat(40)}`);
    }
    publishUploadOutputs(result(3));
    expect(outputs()).toEqual({
      'commit-sha': '3'.repeat(40),
      'commit-url': `${HUB}/commit/${'3'.repeat(40)}`,
      'pull-request-url': '',
    });
  });

  it('shows one commit as "Commit", and a pull request', async () => {
    const pr = result(1, { createPr: true, pullRequestUrl: `${HUB}/discussions/4` });
    await writeUploadSummary(pr);
    const summary = readFileSync(join(folder, 'summary.md'), 'utf8');
    expect(summary).toContain('<td>Commit</td>');
    expect(summary).not.toContain('part 1/1');
    expect(summary).toContain(`<a href="${HUB}/discussions/4">`);
    publishUploadOutputs(pr);
    expect(outputs()['pull-request-url']).toBe(`${HUB}/discussions/4`);
  });

  it('says nothing changed, with empty commit outputs', async () => {
    await writeUploadSummary(result(0, { counts: { ...counts, added: 0, unchanged: 2100 } }));
    expect(readFileSync(join(folder, 'summary.md'), 'utf8')).toContain('none: nothing changed since the last commit');
    publishUploadOutputs(result(0));
    expect(outputs()).toEqual({ 'commit-sha': '', 'commit-url': '', 'pull-request-url': '' });
  });
});
