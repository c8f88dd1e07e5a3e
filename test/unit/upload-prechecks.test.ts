// The checks an upload makes before sending any byte, in process with scripted Hub answers (no
// network): the branch `revision` names, created when missing (src/upload/branch.ts), and the root
// README.md's metadata, validated by the Hub (src/upload/readme-metadata.ts).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ActionError, RemoteError } from '../../src/errors.js';
import type { HttpResponse } from '../../src/http/request.js';
import { ensureBranch, type BranchContext, type HubRequests } from '../../src/upload/branch.js';
import type { PlannedFile } from '../../src/upload/plan.js';
import { checkReadmeMetadata, type ReadmeContext } from '../../src/upload/readme-metadata.js';
import { hubRefusal } from '../../src/upload/refusals.js';
import type { UploadRequest } from '../../src/upload/transport.js';

const HUB = new URL('https://hub.example/');
const REQUEST_ID = 'Root=1-abc';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: { 'x-request-id': REQUEST_ID, ...headers }, body: text, bytes: Buffer.from(text) };
}

/** Answers each request with the next scripted answer; records what was asked. */
function scripted(...answers: HttpResponse[]): HubRequests & { asked: UploadRequest[] } {
  const asked: UploadRequest[] = [];
  return {
    asked,
    send: (request, refuse) => {
      asked.push(request);
      const next = answers.shift();
      if (next === undefined) return Promise.reject(new Error(`unexpected request ${request.url.href}`));
      if (refuse && (next.status < 200 || next.status >= 300)) return Promise.reject(refuse(next));
      return Promise.resolve(next);
    },
  };
}

function branchContext(
  requests: HubRequests,
  overrides: Partial<BranchContext> = {},
): BranchContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    requests,
    hubUrl: HUB,
    repoPath: 'api/models/acme/m',
    repoDisplay: 'acme/m',
    revision: 'release',
    createPr: false,
    refusal: (what) => (response) =>
      hubRefusal(response, { what, repo: 'acme/m', revision: 'release', hubHost: HUB.host, secrets: [] }),
    log: (line) => lines.push(line),
    lines,
    ...overrides,
  };
}

const REFS = { branches: [{ name: 'main', ref: 'refs/heads/main', targetCommit: 'a'.repeat(40) }], tags: [] };

describe('ensureBranch', () => {
  it('asks nothing for main, a pull request ref, or with create-pr', async () => {
    for (const overrides of [{ revision: 'main' }, { revision: 'refs/pr/3' }, { createPr: true }]) {
      const requests = scripted();
      expect(await ensureBranch(branchContext(requests, overrides))).toBe('not-checked');
      expect(requests.asked).toEqual([]);
    }
  });

  it('leaves an existing branch alone', async () => {
    const requests = scripted(answer(200, { ...REFS, branches: [...REFS.branches, { name: 'release' }] }));
    expect(await ensureBranch(branchContext(requests))).toBe('exists');
    expect(requests.asked.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'GET /api/models/acme/m/refs',
    ]);
  });

  it('creates a missing branch from the default branch, as hf upload does, and says so', async () => {
    const requests = scripted(answer(200, REFS), answer(200, {}));
    const context = branchContext(requests, { revision: 'refs/heads/v1/rc' });
    expect(await ensureBranch(context)).toBe('created');
    const create = requests.asked[1];
    expect(`${create?.method} ${create?.url.pathname}`).toBe('POST /api/models/acme/m/branch/v1%2Frc');
    // No startingPoint: the Hub starts it at the default branch's head.
    expect(create?.body).toBe('{}');
    expect(context.lines).toEqual(['The branch "v1/rc" did not exist in acme/m: created it from the default branch.']);
  });

  it('takes a 409 as "another job created it meanwhile"', async () => {
    const requests = scripted(answer(200, REFS), answer(409, { error: 'Reference already exists' }));
    expect(await ensureBranch(branchContext(requests))).toBe('exists');
  });

  it('says when the Hub refuses a Trusted Publisher token the branch, with the request id', async () => {
    const requests = scripted(
      answer(200, REFS),
      answer(
        403,
        { error: 'You are not allowed to create a branch' },
        { 'x-error-message': 'Forbidden: branch creation' },
      ),
    );
    const error = await ensureBranch(branchContext(requests)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RemoteError);
    const refusal = error as RemoteError;
    expect(refusal.message).toBe(
      'The branch "release" (input `revision`) does not exist in acme/m, and creating it failed: Creating the ' +
        'branch "release" was refused by hub.example: HTTP 403 "Forbidden: branch creation" (x-request-id: Root=1-abc)',
    );
    expect(refusal.requestId).toBe(REQUEST_ID);
    expect(refusal.hint).toContain("a Trusted Publisher's token may not be allowed to");
    expect(refusal.hint).toContain('set `revision` to an existing branch');
  });

  it('refuses a refs answer without a branch list', async () => {
    const error = await ensureBranch(branchContext(scripted(answer(200, { tags: [] })))).catch(
      (caught: unknown) => caught,
    );
    expect((error as RemoteError).code).toBe('MALFORMED_RESPONSE');
  });
});

const folder = mkdtempSync(join(tmpdir(), 'readme-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function card(content: string, pathInRepo = 'README.md'): PlannedFile {
  const localPath = join(folder, `${Math.random().toString(16).slice(2)}.md`);
  writeFileSync(localPath, content);
  const stats = statSync(localPath, { bigint: true });
  return {
    pathInRepo,
    localPath,
    relativePath: 'README.md',
    size: Buffer.byteLength(content),
    identity: { device: stats.dev, inode: stats.ino },
  };
}

function readmeContext(requests: HubRequests, kind: ReadmeContext['repoKind'] = 'model') {
  const warnings: string[] = [];
  const lines: string[] = [];
  const context: ReadmeContext = {
    requests,
    hubUrl: HUB,
    repoKind: kind,
    secrets: () => ['hf_jwt_SECRET'],
    log: (line) => lines.push(line),
    warn: (line) => warnings.push(line),
  };
  return { context, warnings, lines };
}

describe('checkReadmeMetadata', () => {
  it('asks nothing when the upload has no root README.md (a card in a subfolder is not the card)', async () => {
    const requests = scripted();
    const { context } = readmeContext(requests);
    expect(await checkReadmeMetadata([card('x', 'docs/README.md')], context)).toBe('no-card');
    expect(requests.asked).toEqual([]);
  });

  it('sends the card and the repository type, as huggingface_hub does', async () => {
    const requests = scripted(answer(200, { errors: [], warnings: [] }));
    const { context, lines } = readmeContext(requests, 'dataset');
    expect(await checkReadmeMetadata([card('---\nlicense: mit\n---\n# Data\n')], context)).toBe('valid');
    const [request] = requests.asked;
    expect(`${request?.method} ${request?.url.href}`).toBe('POST https://hub.example/api/validate-yaml');
    expect(JSON.parse(request?.body as string)).toEqual({
      content: '---\nlicense: mit\n---\n# Data\n',
      repoType: 'dataset',
    });
    expect(lines).toEqual(['The metadata of README.md is valid for the Hub.']);
  });

  it("passes the Hub's warnings on, sanitised", async () => {
    const requests = scripted(answer(200, { errors: [], warnings: [{ message: 'Empty metadata\n::error::forged' }] }));
    const { context, warnings } = readmeContext(requests);
    expect(await checkReadmeMetadata([card('# no metadata')], context)).toBe('valid');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^The metadata of README\.md: Empty metadata/);
    expect(warnings[0]).not.toContain('\n');
  });

  it("refuses an invalid card, naming each of the Hub's problems and the request id", async () => {
    const requests = scripted(
      answer(400, {
        errors: [
          { message: 'Error: "license" must be one of [apache-2.0, mit]' },
          { message: 'leaked hf_jwt_SECRET here' },
        ],
      }),
    );
    const { context } = readmeContext(requests);
    const error = await checkReadmeMetadata([card('---\nlicense: nope\n---\n')], context).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ActionError);
    const refusal = error as ActionError;
    expect(refusal.code).toBe('README_INVALID');
    expect(refusal.message).toContain(
      'was refused by hub.example: Error: "license" must be one of [apache-2.0, mit]; ',
    );
    expect(refusal.message).toContain('(x-request-id: Root=1-abc). Nothing was uploaded.');
    expect(refusal.message).not.toContain('hf_jwt_SECRET');
    expect(refusal.hint).toContain('https://huggingface.co/docs/hub/model-cards');
  });

  it('warns and goes on when the Hub gives no verdict (the commit checks the card again)', async () => {
    for (const status of [401, 404, 503]) {
      const requests = scripted(answer(status, { error: 'nope' }));
      const { context, warnings } = readmeContext(requests);
      expect(await checkReadmeMetadata([card('---\nlicense: mit\n---\n')], context)).toBe('not-checked');
      expect(warnings[0]).toContain(
        `answered HTTP ${status} (x-request-id: Root=1-abc). The Hub checks it again at the commit.`,
      );
    }
  });

  it('does not check a kernel repository card (whether the Hub knows the type is unverified)', async () => {
    const requests = scripted();
    const { context } = readmeContext(requests, 'kernel');
    expect(await checkReadmeMetadata([card('---\nlicense: nope\n---\n')], context)).toBe('not-checked');
    expect(requests.asked).toEqual([]);
  });
});
