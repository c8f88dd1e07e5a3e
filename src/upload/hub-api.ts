// The Hub calls of an upload around the transfer and the commit: preupload of every file (to know
// which go inline and which through LFS, and the oid of what the repository already holds at each
// path), the file listing `delete` patterns are matched against, and the reads that tell whether a commit landed.
// Endpoints as huggingface_hub calls them (hf_api.py); answers are `unknown` until narrowed here.

import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { RemoteError } from '../errors.js';
import { openPlannedFileSync, type PlannedSource } from './planned-file.js';
import type { HttpResponse } from '../http/request.js';
import { isJsonObject, parseJsonList, parseJsonObject } from '../http/json.js';
import { hubEndpoint } from '../hub/hub-url.js';
import type { UploadSettings } from './settings.js';
import { hubRefusal } from './refusals.js';
import { PROCESSING_MS, type UploadTransport } from './transport.js';

/**
 * The most pages a listing is followed for: the Hub lists 1,000 files a page and advises fewer
 * than 100,000 files per repository (100 pages), so 1,000 pages is ten times any sane repository;
 * a `Link: next` that never ends is stopped there.
 */
export const MAX_LISTING_PAGES = 1000;

/** huggingface_hub sends preupload requests for 256 files at a time. */
const PREUPLOAD_CHUNK = 256;
const SAMPLE_BYTES = 512;

export interface RemoteFileInfo {
  readonly uploadMode: 'regular' | 'lfs';
  readonly shouldIgnore: boolean;
  /** What the repository holds at this path: git blob sha1 (regular) or sha256 (LFS). */
  readonly oid: string | undefined;
}

export interface PreuploadAnswer {
  readonly files: ReadonlyMap<string, RemoteFileInfo>;
  /** The head of the revision when the hub answered. */
  readonly commitOid: string | undefined;
}

export interface CommitSummary {
  readonly id: string;
  readonly title: string;
  readonly message: string;
}

export class HubApi {
  readonly repoPath: string;
  readonly #repoDisplay: string;

  constructor(
    private readonly transport: UploadTransport,
    private readonly settings: UploadSettings,
    readonly hubUrl: URL,
    private readonly secrets: () => readonly string[],
  ) {
    const { kind, namespace, name } = settings.repo;
    this.repoPath = `api/${kind}s/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
    this.#repoDisplay = `${kind === 'model' ? '' : `${kind}s/`}${namespace}/${name}`;
  }

  /** `{hub}/{ns}/{name}` (models) or `{hub}/{kind}s/{ns}/{name}`: the repository's page. */
  get webPath(): string {
    return this.#repoDisplay;
  }

  /** A refusal of the hub, with the context of this upload. */
  refusal(what: string): (response: HttpResponse) => RemoteError {
    return (response) =>
      hubRefusal(response, {
        what,
        repo: this.#repoDisplay,
        revision: this.settings.revision,
        hubHost: this.hubUrl.host,
        secrets: this.secrets(),
      });
  }

  /** Preupload of `files` (path in repo, size, local file for the 512-byte sample), chunked. */
  async preupload(
    files: readonly PlannedSource[],
    extra: { readonly gitAttributes?: string; readonly gitIgnore?: string },
  ): Promise<PreuploadAnswer> {
    const answers = new Map<string, RemoteFileInfo>();
    let commitOid: string | undefined;
    const sizes = new Map(files.map((file) => [file.pathInRepo, file.size]));
    const url = this.#url(`preupload/${encodeURIComponent(this.settings.revision)}`);
    if (this.settings.createPr) url.searchParams.set('create_pr', '1');
    for (let start = 0; start < files.length; start += PREUPLOAD_CHUNK) {
      const chunk = files.slice(start, start + PREUPLOAD_CHUNK);
      const payload = {
        files: chunk.map((file) => ({
          path: file.pathInRepo,
          size: file.size,
          sample: readSample(file).toString('base64'),
        })),
        ...(extra.gitAttributes === undefined ? {} : { gitAttributes: extra.gitAttributes }),
        ...(extra.gitIgnore === undefined ? {} : { gitIgnore: extra.gitIgnore }),
      };
      const response = await this.transport.send(
        {
          method: 'POST',
          url,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(payload),
          what: `the preupload request to ${this.#repoDisplay}`,
          processingMs: PROCESSING_MS.quick,
        },
        this.refusal(`The preupload request to ${this.#repoDisplay}`),
      );
      const object = parseJsonObject(response.body).object;
      const listed = object?.['files'];
      if (!Array.isArray(listed)) throw this.#malformed('preupload', 'has no `files` list');
      for (const entry of listed as unknown[]) {
        const info = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
        const path = info['path'];
        const mode = info['uploadMode'];
        if (typeof path !== 'string' || (mode !== 'regular' && mode !== 'lfs')) {
          throw this.#malformed('preupload', 'lists a file without a path or an uploadMode');
        }
        const oid = info['oid'];
        answers.set(path, {
          // An empty file always goes as a regular one, whatever the hub says (a path `.gitattributes`
          // tracks): as huggingface_hub does, since S3 refused empty LFS uploads (huggingface_hub#946).
          uploadMode: sizes.get(path) === 0 ? 'regular' : mode,
          shouldIgnore: info['shouldIgnore'] === true,
          oid: typeof oid === 'string' && oid !== '' ? oid : undefined,
        });
      }
      const head = object?.['commitOid'];
      if (commitOid === undefined && typeof head === 'string' && /^[0-9a-f]{40}$/.test(head)) commitOid = head;
    }
    for (const file of files) {
      if (!answers.has(file.pathInRepo)) throw this.#malformed('preupload', `does not mention ${file.pathInRepo}`);
    }
    return { files: answers, commitOid };
  }

  /**
   * Every file path at `revision` (the tree, recursive, following the Link pagination), up to
   * MAX_LISTING_PAGES pages; a page seen before (same URL or same body) ends it with an error too.
   */
  async listFiles(revision: string): Promise<string[]> {
    const paths: string[] = [];
    let url: URL | undefined = this.#url(`tree/${encodeURIComponent(revision)}`);
    url.searchParams.set('recursive', 'true');
    const seen = new Set<string>();
    for (let page = 1; url; page++) {
      if (page > MAX_LISTING_PAGES) {
        throw this.#endlessListing(`did not end after ${MAX_LISTING_PAGES} pages`);
      }
      if (seen.has(url.href)) throw this.#endlessListing(`repeated a page (page ${page})`);
      seen.add(url.href);
      const response: HttpResponse = await this.transport.send(
        {
          method: 'GET',
          url,
          headers: { Accept: 'application/json' },
          what: `listing the files of ${this.#repoDisplay}`,
        },
        this.refusal(`Listing the files of ${this.#repoDisplay}`),
      );
      const digest = createHash('sha256').update(response.body).digest('hex');
      if (seen.has(digest)) throw this.#endlessListing(`repeated a page (page ${page})`);
      seen.add(digest);
      const entries = parseJsonList(response.body);
      if (entries === undefined) throw this.#malformed('tree listing', 'is not a list');
      for (const entry of entries) {
        const info = isJsonObject(entry) ? entry : {};
        if (info['type'] === 'file' && typeof info['path'] === 'string') paths.push(info['path']);
      }
      url = nextLink(response, this.hubUrl);
    }
    return paths;
  }

  /** The newest `limit` commits of `revision` (a branch or `refs/pr/N`). */
  async latestCommits(revision: string, limit: number): Promise<CommitSummary[]> {
    const url = this.#url(`commits/${encodeURIComponent(revision)}`);
    url.searchParams.set('limit', String(limit));
    const response = await this.transport.send(
      { method: 'GET', url, headers: { Accept: 'application/json' }, what: `reading the history of ${revision}` },
      this.refusal(`Reading the history of ${revision}`),
    );
    const entries = parseJsonList(response.body);
    if (entries === undefined) throw this.#malformed('commit listing', 'is not a list');
    return entries.slice(0, limit).flatMap((entry) => {
      const info = isJsonObject(entry) ? entry : {};
      const id = info['id'];
      return typeof id === 'string'
        ? [
            {
              id,
              title: typeof info['title'] === 'string' ? info['title'] : '',
              message: typeof info['message'] === 'string' ? info['message'] : '',
            },
          ]
        : [];
    });
  }

  /** The repository's open pull requests' refs, newest (highest number) first. */
  async pullRequestRefs(): Promise<Array<{ readonly num: number; readonly ref: string }>> {
    const url = this.#url('refs');
    url.searchParams.set('include_prs', '1');
    const response = await this.transport.send(
      { method: 'GET', url, headers: { Accept: 'application/json' }, what: `listing the refs of ${this.#repoDisplay}` },
      this.refusal(`Listing the refs of ${this.#repoDisplay}`),
    );
    const listed = parseJsonObject(response.body).object?.['pullRequests'];
    if (!Array.isArray(listed)) return [];
    return (listed as unknown[])
      .flatMap((entry) => {
        const info = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
        const ref = info['ref'];
        const match = typeof ref === 'string' ? /^refs\/pr\/(\d+)$/.exec(ref) : null;
        return match && typeof ref === 'string' ? [{ num: Number(match[1]), ref }] : [];
      })
      .sort((a, b) => b.num - a.num);
  }

  /** `{hub}/api/{kind}s/{ns}/{name}/{rest}`. */
  #url(rest: string): URL {
    return hubEndpoint(this.hubUrl, `${this.repoPath}/${rest}`);
  }

  #endlessListing(problem: string): RemoteError {
    return new RemoteError(`The hub's listing of the files of ${this.#repoDisplay} ${problem}.`, {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint:
        'A repository on the Hub lists in far fewer pages: check that `hub-url` points at a Hugging Face Hub. ' +
        'If it does, report it with the x-request-id in the debug log; meanwhile, leave `delete` empty.',
    });
  }

  #malformed(what: string, problem: string): RemoteError {
    return new RemoteError(`The hub's answer to the ${what} request ${problem}.`, {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint:
        'Check that `hub-url` points at a Hugging Face Hub. If it does, report it with the x-request-id in ' +
        'the debug log.',
    });
  }
}

/** The `rel="next"` URL of a Link header, if it is on the hub (pagination never leaves it). */
function nextLink(response: HttpResponse, hubUrl: URL): URL | undefined {
  const header = response.headers['link'];
  const value = Array.isArray(header) ? header.join(',') : header;
  const match = value ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(value) : null;
  if (!match?.[1]) return undefined;
  try {
    const next = new URL(match[1], hubUrl);
    return next.origin === hubUrl.origin ? next : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first 512 bytes of a file, what the hub looks at to tell text from binary. Read synchronously:
 * for 512 bytes a thread-pool round trip costs more than the read, and a folder of 10,000 files
 * makes 30,000 such calls (local-file.ts).
 */
function readSample(planned: PlannedSource): Buffer {
  const length = Math.min(SAMPLE_BYTES, planned.size);
  if (length === 0) return Buffer.alloc(0);
  const descriptor = openPlannedFileSync(planned);
  try {
    const buffer = Buffer.alloc(length);
    const bytesRead = readSync(descriptor, buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(descriptor);
  }
}
