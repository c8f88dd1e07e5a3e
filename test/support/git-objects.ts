// Git object ids as git computes them, for the local Hub's commit API (hub-commit-api.ts): blob
// ids (`blob <size>\0` + content, sha1), the Git LFS pointer text the Hub stores in place of an LFS
// file (and reports as `pointerSize`), tree ids and commit ids. The local Hub's commit and tree ids
// are real git ids of what it stores, so a client comparing ids sees what it would see on the Hub.

import { createHash } from 'node:crypto';

/** The id git gives an object of `type` whose body is `body`: sha1 of `<type> <size>\0<body>`. */
export function gitObjectSha1(type: 'blob' | 'tree' | 'commit', body: Uint8Array): string {
  return createHash('sha1').update(`${type} ${body.byteLength}\0`).update(body).digest('hex');
}

/** The git blob id of `content`, what the Hub reports as a regular file's `oid`. */
export function gitBlobSha1(content: Uint8Array | string): string {
  return gitObjectSha1('blob', typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
}

/** The Git LFS pointer file that stands in git for an LFS object (spec v1: version, oid, size). */
export function lfsPointer(sha256: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${size}\n`;
}

export interface GitTreeEntry {
  name: string;
  /** `100644` for a file, `40000` for a folder. */
  mode: '100644' | '40000';
  sha1: string;
}

/** The id of a git tree with these entries (sorted the way git sorts them: folders as `name/`). */
export function gitTreeSha1(entries: readonly GitTreeEntry[]): string {
  const sortKey = (entry: GitTreeEntry): string => (entry.mode === '40000' ? `${entry.name}/` : entry.name);
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b))));
  const body = Buffer.concat(
    sorted.map((entry) =>
      Buffer.concat([Buffer.from(`${entry.mode} ${entry.name}\0`, 'utf8'), Buffer.from(entry.sha1, 'hex')]),
    ),
  );
  return gitObjectSha1('tree', body);
}

export interface GitCommitFields {
  tree: string;
  parents: readonly string[];
  author: { name: string; email: string };
  /** Milliseconds since the epoch; git keeps whole seconds. */
  date: number;
  title: string;
  description: string;
}

/** The id of a git commit object with these fields (author and committer are the same). */
export function gitCommitSha1(fields: GitCommitFields): string {
  const seconds = Math.floor(fields.date / 1000);
  const person = `${fields.author.name} <${fields.author.email}> ${seconds} +0000`;
  const message = fields.description === '' ? `${fields.title}\n` : `${fields.title}\n\n${fields.description}\n`;
  const text = [
    `tree ${fields.tree}`,
    ...fields.parents.map((parent) => `parent ${parent}`),
    `author ${person}`,
    `committer ${person}`,
    '',
    message,
  ].join('\n');
  return gitObjectSha1('commit', Buffer.from(text, 'utf8'));
}
