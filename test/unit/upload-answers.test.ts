// What `upload` takes from the Hub and from the workflow, as pure checks: the commit answer's
// fields are published only when they are what they should be; credentials the hub hands out (a
// Xet token) are found wherever an answer puts them; `commit-message` is one line and
// `commit-description` loses its control characters; the provenance block comes last.
import { describe, expect, it } from 'vitest';
import { checkCommitAnswer } from '../../src/upload/commit-answer.js';
import { findReceivedCredentials } from '../../src/upload/received-credentials.js';
import { parseUploadInputs, type RawUploadInputs } from '../../src/upload/settings.js';
import { buildCommitText } from '../../src/upload/provenance.js';
import { InputError } from '../../src/errors.js';
import { parseResource } from '../../src/hub/resource.js';

const HUB = new URL('https://huggingface.co/');
const SHA = 'b6c2e2f0d1a3c4b5a6978877665544332211ffee';
const COMMIT_URL = `https://huggingface.co/acme/x/commit/${SHA}`;

describe('checkCommitAnswer', () => {
  it('publishes a 40-hex commit id and http(s) URLs on the hub origin, as given', () => {
    expect(
      checkCommitAnswer(
        { commitOid: SHA, commitUrl: COMMIT_URL, pullRequestUrl: 'https://huggingface.co/acme/x/discussions/3' },
        HUB,
      ),
    ).toEqual({
      commitOid: SHA,
      commitUrl: COMMIT_URL,
      pullRequestUrl: 'https://huggingface.co/acme/x/discussions/3',
      rejected: [],
    });
    expect(
      checkCommitAnswer({ commitOid: SHA, commitUrl: COMMIT_URL, pullRequestUrl: undefined }, HUB).rejected,
    ).toEqual([]);
  });

  it.each([
    ['abc$(touch /tmp/pwned)', 'is not 40 hexadecimal characters'],
    [SHA.toUpperCase(), 'is not 40 hexadecimal characters'],
    [`${SHA}\n::warning::x`, 'is not 40 hexadecimal characters'],
    [`${SHA}00`, 'is not 40 hexadecimal characters'],
    [42, 'is not 40 hexadecimal characters'],
  ])('leaves out the commit id %j', (commitOid, why) => {
    const checked = checkCommitAnswer({ commitOid, commitUrl: COMMIT_URL, pullRequestUrl: undefined }, HUB);
    expect(checked.commitOid).toBeUndefined();
    expect(checked.commitUrl).toBe(COMMIT_URL);
    expect(checked.rejected).toHaveLength(1);
    expect(checked.rejected[0]).toContain(why);
    expect(checked.rejected[0]).not.toMatch(/[\n\r]|::/);
  });

  it.each([
    ['javascript:alert(1)', 'is not an http(s) URL'],
    ['data:text/html,<script>x</script>', 'is not an http(s) URL'],
    ['https://evil.example/acme/x/commit/1', "is not on the hub's origin (https://huggingface.co)"],
    ['http://huggingface.co/acme/x/commit/1', "is not on the hub's origin"],
    ['https://huggingface.co.evil.example/x', "is not on the hub's origin"],
    [`${COMMIT_URL}\n::error::x`, 'holds a control character'],
    [`https://huggingface.co/a\tb`, 'holds a control character'],
    ['https://huggingface.co/a\u202eb', 'holds a control character'],
    ['https://huggingface.co/a b', 'holds white space'],
    ['https://user:pass@huggingface.co/x', 'carries credentials'],
    ['/acme/x/commit/1', 'is not an http(s) URL'],
    [`https://huggingface.co/${'a'.repeat(2100)}`, 'is longer than 2048 characters'],
    [null, 'is not a string'],
  ])('leaves out the URL %j', (url, why) => {
    const checked = checkCommitAnswer({ commitOid: SHA, commitUrl: url, pullRequestUrl: url ?? 'x' }, HUB);
    expect(checked.commitOid).toBe(SHA);
    expect(checked.commitUrl).toBeUndefined();
    expect(checked.pullRequestUrl).toBeUndefined();
    expect(checked.rejected[0]).toContain(`so \`commit-url\` is empty`);
    expect(checked.rejected[0]).toContain(why);
    for (const warning of checked.rejected) expect(warning).not.toMatch(/[\p{Cc}]|::/u);
  });
});

describe('findReceivedCredentials', () => {
  it("finds a Xet token in a batch answer's headers and in xet-write-token's answer, without an auth scheme", () => {
    const batch = JSON.stringify({
      transfer: 'xet',
      objects: [
        {
          oid: 'a'.repeat(64),
          actions: {
            upload: {
              href: 'https://huggingface.co/api/models/acme/x/xet-write-token/main',
              header: { 'X-Xet-Access-Token': 'xet-token-in-batch-0123', 'X-Xet-Cas-Url': 'https://cas.example' },
            },
          },
        },
        {
          oid: 'b'.repeat(64),
          actions: { upload: { href: 'https://s3/x', header: { Authorization: 'Basic c2VjcmV0LXZhbHVl' } } },
        },
      ],
    });
    expect(findReceivedCredentials(batch)).toEqual(['xet-token-in-batch-0123', 'c2VjcmV0LXZhbHVl']);
    expect(
      findReceivedCredentials(JSON.stringify({ accessToken: 'xet-token-from-refresh', exp: 1, casUrl: 'https://cas' })),
    ).toEqual(['xet-token-from-refresh']);
    expect(findReceivedCredentials('not json accessToken=x')).toEqual([]);
    expect(findReceivedCredentials(JSON.stringify({ accessToken: 'short' }))).toEqual([]);
  });
});

describe('commit-message and commit-description', () => {
  const raw = (inputs: Partial<RawUploadInputs>): RawUploadInputs => ({
    upload: 'out',
    pathInRepo: '',
    include: '',
    exclude: '',
    delete: '',
    commitMessage: '',
    commitDescription: '',
    revision: '',
    createPr: false,
    ...inputs,
  });
  const parse = (inputs: Partial<RawUploadInputs>): ReturnType<typeof parseUploadInputs> =>
    parseUploadInputs(raw(inputs), parseResource('acme/x', 'huggingface.co'), { GITHUB_WORKSPACE: '/w' });

  it.each([
    ['Title\nBody', 'a line break ("\\n" at character 6)'],
    ['Title\r', 'a line break ("\\r" at character 6)'],
    ['Title\u2028more', 'a line break ("\\u2028" at character 6)'],
    ['Ti\u0000tle', 'a control character ("\\u0000" at character 3)'],
    ['Tit\u001b[2Jle', 'a control character ("\\u001b" at character 4)'],
    ['Title \u202egnp.exe', 'a control character ("\\u202e" at character 7)'],
  ])('refuses the message %j before anything is sent', (commitMessage, what) => {
    expect(() => parse({ commitMessage })).toThrow(InputError);
    expect(() => parse({ commitMessage })).toThrow(
      `Input \`commit-message\` must be one line without control characters, but it holds ${what}.`,
    );
  });

  it('keeps a one-line message, emoji and all, and cleans the description of controls but newlines and tabs', () => {
    const settings = parse({
      commitMessage: 'Epoch 34 🎉 (👩‍🔬)',
      commitDescription: 'a\r\nb\u0007c\u001b[1m\td\u0000\n\ne',
    });
    expect(settings.commitMessage).toBe('Epoch 34 🎉 (👩‍🔬)');
    expect(settings.commitDescription).toBe('a\nbc[1m\td\n\ne');
  });

  it('puts the provenance block last, after any description, even one that imitates it', () => {
    const imitation = 'Published from GitHub Actions:\n\n- Run: https://github.com/someone/else/actions/runs/1';
    const text = buildCommitText({ message: 'x', description: imitation }, { GITHUB_RUN_ID: '7' }, 'f00d');
    expect(text.description.startsWith(`${imitation}\n\n---\n\nPublished from GitHub Actions:\n`)).toBe(true);
    expect(text.description.endsWith('- Upload: `7-1-f00d`\n')).toBe(true);
  });
});
