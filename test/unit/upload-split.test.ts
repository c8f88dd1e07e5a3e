// The cut of an upload's changes into commits (src/upload/parts.ts): one commit when it fits, hf's
// ceilings otherwise (1,000 operations, 100 MiB of inline content), path order kept, deletions last
// unless a deletion must come before an addition (a file replaced by a folder or the reverse); and
// each part's commit text (src/upload/provenance.ts): " (part k/n)", a marker unique to the part.
import { describe, expect, it } from 'vitest';
import { HUB_PART_LIMITS, splitIntoParts, type PartFile } from '../../src/upload/parts.js';
import { buildCommitText, textForPart } from '../../src/upload/provenance.js';

const MiB = 1024 * 1024;

function files(count: number, size: number, prefix = 'f'): PartFile[] {
  return Array.from({ length: count }, (_, index) => ({
    pathInRepo: `${prefix}${String(index).padStart(5, '0')}`,
    size,
  }));
}

function shape(parts: ReturnType<typeof splitIntoParts>): Array<[number, number, number]> {
  return parts.map((part) => [part.inline.length, part.lfs.length, part.deletions.length]);
}

describe('splitIntoParts', () => {
  it("keeps hf's ceilings: 1,000 operations and 100 MiB of inline content", () => {
    expect(HUB_PART_LIMITS).toEqual({ maxOperations: 1000, maxInlineBytes: 100 * MiB });
  });

  it('makes no part when nothing changed', () => {
    expect(splitIntoParts({ inline: [], lfs: [], deletions: [] })).toEqual([]);
  });

  it('keeps a change that fits as one commit, however large its LFS files', () => {
    const parts = splitIntoParts({
      inline: files(999, 1024),
      lfs: [{ pathInRepo: 'model.safetensors', size: 50 * 1024 ** 3 }],
      deletions: [],
    });
    expect(shape(parts)).toEqual([[999, 1, 0]]);
  });

  it('cuts at 1,000 operations: 10,000 small files are 10 commits, in path order', () => {
    const inline = files(10_000, 4096);
    const parts = splitIntoParts({ inline: [...inline].reverse(), lfs: [], deletions: [] });
    expect(parts).toHaveLength(10);
    expect(parts.every((part) => part.inline.length === 1000)).toBe(true);
    expect(parts.flatMap((part) => part.inline.map((file) => file.pathInRepo))).toEqual(
      inline.map((file) => file.pathInRepo),
    );
  });

  it('cuts at 100 MiB of inline content; LFS files take no inline room', () => {
    const parts = splitIntoParts({
      inline: files(25, 9 * MiB, 'a'),
      lfs: files(30, 500 * MiB, 'b'),
      deletions: [],
    });
    // 11 × 9 MiB = 99 MiB fits; the 12th would make 108 MiB.
    expect(shape(parts)).toEqual([
      [11, 0, 0],
      [11, 0, 0],
      [3, 30, 0],
    ]);
    for (const part of parts) {
      expect(part.inline.reduce((sum, file) => sum + file.size, 0)).toBeLessThanOrEqual(100 * MiB);
    }
  });

  it('gives a file larger than the inline budget a part of its own rather than failing', () => {
    const parts = splitIntoParts(
      {
        inline: [
          { pathInRepo: 'a', size: 10 },
          { pathInRepo: 'b', size: 200 },
          { pathInRepo: 'c', size: 10 },
        ],
        lfs: [],
        deletions: [],
      },
      { maxOperations: 1000, maxInlineBytes: 100 },
    );
    expect(parts.map((part) => part.inline.map((file) => file.pathInRepo))).toEqual([['a'], ['b'], ['c']]);
  });

  it('mixes inline and LFS files by path, so a folder stays together', () => {
    const parts = splitIntoParts(
      {
        inline: [
          { pathInRepo: 'a/config.json', size: 1 },
          { pathInRepo: 'b/config.json', size: 1 },
        ],
        lfs: [
          { pathInRepo: 'a/model.bin', size: 1 },
          { pathInRepo: 'b/model.bin', size: 1 },
        ],
        deletions: [],
      },
      { maxOperations: 2, maxInlineBytes: 100 },
    );
    expect(parts.map((part) => [...part.inline, ...part.lfs].map((file) => file.pathInRepo))).toEqual([
      ['a/config.json', 'a/model.bin'],
      ['b/config.json', 'b/model.bin'],
    ]);
  });

  it('puts deletions last: the repository only gains files until the final commit', () => {
    const parts = splitIntoParts(
      { inline: files(5, 1), lfs: [], deletions: ['old/1', 'old/2', 'old/3'] },
      { maxOperations: 3, maxInlineBytes: 100 },
    );
    expect(parts.map((part) => part.deletions)).toEqual([[], ['old/1'], ['old/2', 'old/3']]);
  });

  it('deletes first what an addition needs gone: a file replaced by a folder, a folder by a file', () => {
    const parts = splitIntoParts(
      {
        inline: [
          { pathInRepo: 'a', size: 1 },
          { pathInRepo: 'logs/1.txt', size: 1 },
          { pathInRepo: 'z', size: 1 },
        ],
        lfs: [],
        deletions: ['a/old.txt', 'logs', 'stale.txt'],
      },
      { maxOperations: 3, maxInlineBytes: 100 },
    );
    expect(parts.map((part) => [part.deletions, part.inline.map((file) => file.pathInRepo)])).toEqual([
      [['a/old.txt', 'logs'], ['a']],
      [['stale.txt'], ['logs/1.txt', 'z']],
    ]);
  });

  it('holds a deletion-only change in one commit when it fits', () => {
    expect(shape(splitIntoParts({ inline: [], lfs: [], deletions: ['x', 'y'] }))).toEqual([[0, 0, 2]]);
  });
});

describe('textForPart', () => {
  const text = buildCommitText({ message: 'Epoch 3', description: 'Notes' }, { GITHUB_RUN_ID: '42' }, 'abcd');

  it('leaves a single commit as it is', () => {
    expect(textForPart(text, 1, 1)).toEqual(text);
  });

  it('suffixes the title and gives each part a marker no other part contains', () => {
    const parts = Array.from({ length: 12 }, (_, index) => textForPart(text, index + 1, 12));
    expect(parts[1]?.title).toBe('Epoch 3 (part 2/12)');
    expect(parts[1]?.description).toContain('- Upload: `42-1-abcd-2of12`');
    expect(parts[1]?.description.startsWith('Notes\n\n---\n\nPublished from GitHub Actions:')).toBe(true);
    for (const part of parts) {
      const carriers = parts.filter((other) => other.description.includes(part.marker));
      expect(carriers).toEqual([part]);
    }
  });
});
