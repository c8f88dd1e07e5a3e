// A local stand-in for the Hugging Face Hub's commit API, attached to the local Hub (hub-server.ts)
// through its `commitApi` hook, with LFS bytes held by a separate storage host (lfs-storage.ts).
// Modelled on the real Hub as its two independent clients see it (huggingface_hub's _commit_api.py,
// lfs.py, hf_api.py, utils/_http.py and recorded answers; @huggingface/hub's commit.ts, list-files.ts,
// paths-info.ts), not only on what one client sends:
//   - repositories (model, dataset, space) created by the test, with branches and pull requests
//     (`refs/pr/N`) pointing at commits whose ids are real git ids of what they hold;
//   - preupload (regular or lfs, shouldIgnore, oid of the file already at that path, commitOid),
//     the LFS batch endpoint (basic, multipart above a chunk size, xet only when a test offers it),
//     multipart completion on the Hub's host, an optional verify action, and the NDJSON commit
//     (header, file, lfsFile, deletedFile, deletedFolder), read line by line as it streams in;
//   - the reads clients use to compare or clean up: repo info with `sha`, tree listing with Link
//     pagination, paths-info (JSON or form-encoded), commits, refs;
//   - the Hub's errors: 401 unknown or expired token, 403 read-only token, 404 RepoNotFound /
//     RevisionNotFound / EntryNotFound (X-Error-Code and X-Error-Message headers), 412 stale
//     parentCommit, 422 invalid path, 400 missing LFS object or a binary file sent as a regular one.
// Every answer carries the Hub's x-request-id. Faults per endpoint (FaultQueue), including, in
// `faults.commit`, `advance-branch`: another commit lands on the branch right before this one (a
// 412 if the client sent parentCommit).
// Use: `const api = await HubCommitApi.start(services.hub)` (starts its storage host and attaches),
// `api.createRepo('acme/awesome-model')`, then the test accessors at the top of the class (files,
// entries, commits, pullRequests, requests, batches, storage counters); `await api.stop()` before
// `services.stop()`.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault, FaultQueue, sendJson, type Fault } from './faults.js';
import { gitBlobSha1, gitCommitSha1, gitTreeSha1, lfsPointer, type GitTreeEntry } from './git-objects.js';
import { DEFAULT_GITATTRIBUTES, isGitIgnored, isLfsTracked, lfsTrackLine } from './git-patterns.js';
import type { HubServer, IssuedHubToken } from './hub-server.js';
import { LfsStorage } from './lfs-storage.js';

export type RepoType = 'model' | 'dataset' | 'space';
export type LfsTransfer = 'basic' | 'multipart' | 'xet';

/** A file in a commit: bytes held by git, or an LFS pointer to an object in storage. */
export type HubEntry =
  | { kind: 'regular'; content: Buffer; blobId: string }
  | { kind: 'lfs'; oid: string; size: number; blobId: string; pointerSize: number };

export interface HubCommit {
  oid: string;
  parents: string[];
  title: string;
  description: string;
  date: number;
  author: string;
  tree: ReadonlyMap<string, HubEntry>;
}

export interface HubPullRequest {
  num: number;
  ref: string;
  head: string;
  /** The branch the pull request targets. */
  target: string;
  title: string;
}

/**
 * A fault of the commit API: any generic fault, another commit landing right before this one, or
 * (`drop-answer`) the commit made as asked but the connection closed instead of answering, as when
 * a load balancer times out while the Hub finishes a commit (with `status`: answered that status,
 * e.g. a load balancer's 502, instead of the Hub's answer).
 */
export type CommitApiFault =
  Fault | { kind: 'advance-branch'; title?: string } | { kind: 'drop-answer'; status?: number };

export interface CommitApiRequestRecord {
  method: string;
  path: string;
  endpoint: string;
  /** Whether the request carried an Authorization header, and the token in it. */
  authorization: boolean;
  token: string | undefined;
  status: number | undefined;
  /** The x-request-id the Hub gave this request (every answer of the Hub carries it). */
  requestId: string | undefined;
}

export interface BatchRecord {
  repo: string;
  token: string | undefined;
  operation: unknown;
  transfers: unknown;
  ref: unknown;
  hashAlgo: unknown;
  objects: Array<{ oid: string; size: number }>;
  chosen: LfsTransfer;
}

export interface CommitApiOptions {
  /** Transfers the server offers, most preferred first; it picks the first the client lists. */
  transfers: LfsTransfer[];
  /** With multipart offered: part size, and objects larger than it are sent in parts. */
  multipartChunkSize: number;
  /** Where the multipart completion URL points: the Hub (as huggingface.co does) or storage. */
  completionHost: 'hub' | 'storage';
  /** Add a `verify` action (on the Hub) to every upload action. */
  verifyAction: boolean;
  /** preupload answers `lfs` from this size on (10 MiB on the Hub); regular files this big are refused. */
  lfsSizeThreshold: number;
  /** Largest LFS object the batch endpoint accepts (500 GB per file on the Hub). */
  maxObjectSize: number;
  /** Tree entries per page (the Hub: 1000, or 50 with expand). */
  treePageSize: number;
  treeExpandPageSize: number;
  /** Longest NDJSON line of a commit body; longer lines are refused (413) instead of buffered. */
  maxCommitLineBytes: number;
  /**
   * How the tree listing's `Link: next` behaves: as the Hub's (`normal`), pointing at the page just
   * served (`repeat`), or never ending (`endless`: one more made-up entry on every page).
   */
  treeNext: 'normal' | 'repeat' | 'endless';
  /** How long the Xet token in a batch answer lives: under a minute, @huggingface/hub asks xet-write-token for another. */
  xetBatchTokenSeconds: number;
  /** The Xet access token the xet-write-token endpoint hands out (a random one when unset). */
  xetAccessToken: string | undefined;
}

interface Repo {
  type: RepoType;
  id: string;
  resource: string;
  /** `ns/name` for a model, `datasets/ns/name`, `spaces/ns/name`: the repository's web path. */
  urlPath: string;
  objectId: string;
  private: boolean;
  xetEnabled: boolean;
  createdAt: number;
  branches: Map<string, string>;
  pullRequests: Map<number, HubPullRequest>;
  commits: Map<string, HubCommit>;
  nextDiscussion: number;
}

interface Context {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  headers: Record<string, string>;
  record: CommitApiRequestRecord;
}

type Target = { kind: 'branch'; name: string } | { kind: 'pr'; num: number };

interface Route {
  endpoint: string;
  run: (context: Context) => Promise<void>;
}

type CommitOp =
  | { key: 'file'; path: string; content: Buffer | undefined; oldPath: string | undefined }
  | { key: 'lfsFile'; path: string; oid: string | undefined; size: number | undefined; oldPath: string | undefined }
  | { key: 'deletedFile'; path: string }
  | { key: 'deletedFolder'; path: string };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const REPO_TYPES: Record<string, RepoType> = { models: 'model', datasets: 'dataset', spaces: 'space' };
const API_PATH = /^\/api\/(models|datasets|spaces)\/([^/]+)\/([^/]+)(?:\/(.*))?$/;
const LFS_PATH = /^\/(?:(datasets|spaces)\/)?([^/]+)\/([^/]+?)\.git\/info\/lfs\/objects\/(batch|verify)$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MiB = 1024 * 1024;
const STALE_PARENT = 'The branch was updated since you opened this page. Please refresh and try again.';
// huggingface_hub prints it as `403 Forbidden: {X-Error-Message}.`: the Hub's text has no final period.
const READ_ONLY = 'You have read access but not the required permissions for this operation';
const INVALID_CREDENTIALS = 'Invalid credentials in Authorization header';

export class HubCommitApi {
  readonly options: CommitApiOptions = {
    transfers: ['basic'],
    multipartChunkSize: 16 * MiB,
    completionHost: 'hub',
    verifyAction: false,
    lfsSizeThreshold: 10 * MiB,
    maxObjectSize: 500 * 1000 ** 3,
    treePageSize: 1000,
    treeExpandPageSize: 50,
    maxCommitLineBytes: 64 * MiB,
    treeNext: 'normal',
    xetBatchTokenSeconds: 3600,
    xetAccessToken: undefined,
  };
  /** One queue per endpoint; each request takes the next fault of its endpoint. */
  readonly faults = {
    preupload: new FaultQueue<CommitApiFault>(),
    batch: new FaultQueue<CommitApiFault>(),
    commit: new FaultQueue<CommitApiFault>(),
    verify: new FaultQueue<CommitApiFault>(),
    completion: new FaultQueue<CommitApiFault>(),
    /** Tree, paths-info, revision, commits, refs (repo info itself takes the Hub's `readFaults`). */
    read: new FaultQueue<CommitApiFault>(),
    /** Branch creation (`POST …/branch/{name}`). */
    branch: new FaultQueue<CommitApiFault>(),
    /** README metadata validation (`POST /api/validate-yaml`). */
    validateYaml: new FaultQueue<CommitApiFault>(),
  };
  /** Every README validated through `POST /api/validate-yaml`, with the repo type it was checked for. */
  readonly yamlValidations: Array<{ content: string; repoType: unknown; token: string | undefined }> = [];
  /** Every request this API answered (or reset), in order. */
  readonly requests: CommitApiRequestRecord[] = [];
  /** Every LFS batch request: which token, which transfers the client listed, what was chosen. */
  readonly batches: BatchRecord[] = [];
  readonly #repos = new Map<string, Repo>();
  /** `advance-branch` faults taken by a commit request, applied once its body has been read. */
  readonly #pendingAdvance = new WeakMap<Context, { kind: 'advance-branch'; title?: string }>();
  /** `transform` faults taken by a request, applied to its successful answer. */
  readonly #pendingTransform = new WeakMap<Context, (body: Record<string, unknown>) => unknown>();
  /** `drop-answer` faults taken by a request: it is carried out, but not answered (or answered this status). */
  readonly #pendingDrop = new WeakMap<Context, { status?: number }>();

  /** Starts a storage host of its own and attaches a new commit API to `hub`. */
  static async start(hub: HubServer, options: Partial<CommitApiOptions> = {}): Promise<HubCommitApi> {
    const storage = await new LfsStorage().start();
    const api = new HubCommitApi(hub, storage).attach();
    Object.assign(api.options, options);
    return api;
  }

  /** Detaches from the Hub and stops the storage host (removing its files). */
  async stop(): Promise<void> {
    if (this.hub.commitApi === this) this.hub.commitApi = undefined;
    await this.storage.stop();
  }

  constructor(
    private readonly hub: HubServer,
    readonly storage: LfsStorage,
  ) {}

  /** Attaches this API to the Hub (its `commitApi` hook). */
  attach(): this {
    this.hub.commitApi = this;
    return this;
  }

  // ---------------------------------------------------------------- repositories (test side)

  /**
   * Creates a repository as the Hub does: an initial commit holding the default `.gitattributes`.
   * `resource` names it as a token's resource does: `ns/name`, `datasets/ns/name`, `spaces/ns/name`.
   */
  createRepo(
    resource: string,
    options: { private?: boolean; xetEnabled?: boolean; gitattributes?: string | null } = {},
  ): string {
    const { type, id } = parseResource(resource);
    const key = repoKey(type, id);
    if (this.#repos.has(key)) throw new Error(`${resource} already exists`);
    const repo: Repo = {
      type,
      id,
      resource: resourceOf(type, id),
      urlPath: type === 'model' ? id : `${type}s/${id}`,
      objectId: randomBytes(12).toString('hex'),
      private: options.private ?? false,
      xetEnabled: options.xetEnabled ?? false,
      createdAt: Date.now(),
      branches: new Map(),
      pullRequests: new Map(),
      commits: new Map(),
      nextDiscussion: 1,
    };
    this.#repos.set(key, repo);
    const tree = new Map<string, HubEntry>();
    const gitattributes = options.gitattributes === undefined ? DEFAULT_GITATTRIBUTES : options.gitattributes;
    if (gitattributes !== null) tree.set('.gitattributes', regularEntry(Buffer.from(gitattributes, 'utf8')));
    const commit = this.#makeCommit(repo, tree, [], 'initial commit', '', 'system');
    repo.branches.set('main', commit.oid);
    return commit.oid;
  }

  /**
   * Lands a commit directly, without HTTP (to seed a repository or to race a client). `files` maps
   * paths to new content (`null` deletes); paths listed in `lfs` are stored as LFS objects.
   */
  commitFiles(
    resource: string,
    change: {
      branch?: string;
      title: string;
      description?: string;
      files?: Record<string, string | Uint8Array | null>;
      lfs?: string[];
    },
  ): string {
    const repo = this.#repoOrThrow(resource);
    const branch = change.branch ?? 'main';
    const head = repo.branches.get(branch);
    if (head === undefined) throw new Error(`no branch ${branch}`);
    const tree = new Map(this.#commit(repo, head).tree);
    for (const [path, content] of Object.entries(change.files ?? {})) {
      if (content === null) {
        tree.delete(path);
        continue;
      }
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      if (change.lfs?.includes(path)) {
        const oid = createHash('sha256').update(bytes).digest('hex');
        this.storage.storeBytes(this.storage.keyFor(repo.resource, oid), bytes);
        tree.set(path, lfsEntry(oid, bytes.byteLength));
      } else tree.set(path, regularEntry(bytes));
    }
    const commit = this.#makeCommit(repo, tree, [head], change.title, change.description ?? '', 'system');
    repo.branches.set(branch, commit.oid);
    return commit.oid;
  }

  /** Creates a branch at `from` (a revision, `main` by default). */
  createBranch(resource: string, branch: string, from = 'main'): void {
    const repo = this.#repoOrThrow(resource);
    const oid = this.#resolveRevision(repo, from);
    if (oid === undefined) throw new Error(`no revision ${from}`);
    repo.branches.set(branch, oid);
  }

  /** The commit id a revision (branch, `refs/heads/…`, `refs/pr/N`, commit id) points at. */
  head(resource: string, revision = 'main'): string {
    const oid = this.#resolveRevision(this.#repoOrThrow(resource), revision);
    if (oid === undefined) throw new Error(`no revision ${revision}`);
    return oid;
  }

  /** The files of a revision, path → entry (LFS entries name their object; nothing is read). */
  entries(resource: string, revision = 'main'): ReadonlyMap<string, HubEntry> {
    const repo = this.#repoOrThrow(resource);
    return this.#commit(repo, this.head(resource, revision)).tree;
  }

  /** The files of a revision with their bytes, LFS content read back from storage (small files only). */
  files(resource: string, revision = 'main'): Map<string, Buffer> {
    const repo = this.#repoOrThrow(resource);
    const files = new Map<string, Buffer>();
    for (const [path, entry] of this.entries(resource, revision)) {
      files.set(
        path,
        entry.kind === 'regular'
          ? entry.content
          : this.storage.readObject(this.storage.keyFor(repo.resource, entry.oid)),
      );
    }
    return files;
  }

  /** The file holding an LFS entry's bytes in storage (to hash or stream a big one). */
  lfsFile(resource: string, path: string, revision = 'main'): string {
    const repo = this.#repoOrThrow(resource);
    const entry = this.entries(resource, revision).get(path);
    if (entry?.kind !== 'lfs') throw new Error(`${path} is not an LFS file at ${revision}`);
    const stored = this.storage.object(this.storage.keyFor(repo.resource, entry.oid));
    if (!stored) throw new Error(`the LFS object of ${path} is not in storage`);
    return stored.file;
  }

  /** The commits reachable from a revision by first parents, newest first. */
  commits(resource: string, revision = 'main'): HubCommit[] {
    const repo = this.#repoOrThrow(resource);
    const list: HubCommit[] = [];
    let oid: string | undefined = this.head(resource, revision);
    while (oid !== undefined) {
      const commit = this.#commit(repo, oid);
      list.push(commit);
      oid = commit.parents[0];
    }
    return list;
  }

  pullRequests(resource: string): HubPullRequest[] {
    return [...this.#repoOrThrow(resource).pullRequests.values()].map((pr) => ({ ...pr }));
  }

  branches(resource: string): Map<string, string> {
    return new Map(this.#repoOrThrow(resource).branches);
  }

  /** The storage key of an LFS object of this repository. */
  storageKey(resource: string, oid: string): string {
    return this.storage.keyFor(this.#repoOrThrow(resource).resource, oid);
  }

  // ---------------------------------------------------------------- HTTP

  /** The HubServer hook: handles the commit API's paths, returns false for any other. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL, headers: Record<string, string>): boolean {
    let route: Route | undefined;
    try {
      route = this.#route(request.method ?? 'GET', url);
    } catch (error: unknown) {
      if (!(error instanceof HttpError)) throw error;
      route = { endpoint: 'invalid', run: () => Promise.reject(error) };
    }
    if (!route) return false;
    const authorization = request.headers.authorization;
    const record: CommitApiRequestRecord = {
      method: request.method ?? '?',
      path: url.pathname,
      endpoint: route.endpoint,
      authorization: authorization !== undefined,
      token: bearerToken(authorization),
      status: undefined,
      requestId: headers['x-request-id'],
    };
    this.requests.push(record);
    response.on('finish', () => (record.status = response.statusCode));
    const context: Context = { request, response, url, headers, record };
    void route.run(context).catch((error: unknown) => {
      // Let the rest of the body arrive (and be dropped) so the client reads the answer, not a reset.
      if (!request.readableEnded) request.resume();
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) sendError(context, error.status, error.message, error.code);
      else
        sendError(
          context,
          500,
          `commit API mock failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
    });
    return true;
  }

  #route(method: string, url: URL): Route | undefined {
    if (url.pathname === '/api/validate-yaml' && method === 'POST') {
      return { endpoint: 'validate-yaml', run: (context) => this.#validateYaml(context) };
    }
    if (url.pathname === '/api/complete_multipart' && method === 'POST') {
      return { endpoint: 'completion', run: (context) => this.#completion(context) };
    }
    const lfs = LFS_PATH.exec(url.pathname);
    if (lfs && method === 'POST') {
      const [, prefix, ns = '', name = '', action] = lfs;
      const type: RepoType = prefix === 'datasets' ? 'dataset' : prefix === 'spaces' ? 'space' : 'model';
      return action === 'batch'
        ? { endpoint: 'batch', run: (context) => this.#batch(context, type, decode(ns), decode(name)) }
        : { endpoint: 'verify', run: (context) => this.#verify(context, type, decode(ns), decode(name)) };
    }
    const api = API_PATH.exec(url.pathname);
    if (!api) return undefined;
    const [, types = '', rawNs = '', rawName = '', rest] = api;
    const type = REPO_TYPES[types];
    if (!type) return undefined;
    const ns = decode(rawNs);
    const name = decode(rawName);
    const repo = this.#repos.get(repoKey(type, `${ns}/${name}`));
    if (rest === undefined) {
      // Repo info: only for repositories made here; the Hub's own handler answers for the others.
      if (!repo || method !== 'GET') return undefined;
      return { endpoint: 'repo-info', run: (context) => this.#repoInfo(context, repo, 'main', true) };
    }
    const slash = rest.indexOf('/');
    const action = slash === -1 ? rest : rest.slice(0, slash);
    const tail = slash === -1 ? '' : rest.slice(slash + 1);
    const key = { type, id: `${ns}/${name}` };
    const on = (
      endpoint: string,
      expected: string,
      run: (context: Context, found: Repo) => Promise<void>,
    ): Route | undefined =>
      method === expected ? { endpoint, run: (context) => this.#withRepo(context, key, endpoint, run) } : undefined;
    switch (action) {
      case 'preupload':
        return on('preupload', 'POST', (context, found) => this.#preupload(context, found, decodeRevision(tail)));
      case 'commit':
        return on('commit', 'POST', (context, found) => this.#commitEndpoint(context, found, decodeRevision(tail)));
      case 'revision':
        return on('revision', 'GET', (context, found) => this.#repoInfo(context, found, decodeRevision(tail), false));
      case 'tree':
        return on('tree', 'GET', (context, found) => this.#tree(context, found, tail));
      case 'paths-info':
        return on('paths-info', 'POST', (context, found) => this.#pathsInfo(context, found, decodeRevision(tail)));
      case 'commits':
        return on('commits', 'GET', (context, found) => this.#commitsEndpoint(context, found, decodeRevision(tail)));
      case 'refs':
        return on('refs', 'GET', (context, found) => this.#refs(context, found));
      case 'branch':
        return on('branch', 'POST', (context, found) =>
          this.#createBranchEndpoint(context, found, decodeRevision(tail)),
        );
      case 'xet-write-token':
      case 'xet-read-token':
        return {
          endpoint: action,
          run: (context) => this.#withRepo(context, key, action, (inner, found) => this.#xetToken(inner, found)),
        };
      default:
        return undefined;
    }
  }

  /** Finds the repository (404/401 RepoNotFound as the Hub answers when it does not exist). */
  async #withRepo(
    context: Context,
    key: { type: RepoType; id: string },
    endpoint: string,
    run: (context: Context, repo: Repo) => Promise<void>,
  ): Promise<void> {
    const token = this.#token(context);
    const repo = this.#repos.get(repoKey(key.type, key.id));
    if (!repo) {
      // Without a token the Hub says 401 for a repository it will not show (missing or private).
      throw new HttpError(token === undefined ? 401 : 404, 'Repository not found', 'RepoNotFound');
    }
    if (this.#takeFault(context, this.#faultsFor(endpoint))) return;
    await run(context, repo);
  }

  /** Takes the next fault of a queue: applies one that replaces the answer (true), keeps the others for later. */
  #takeFault(context: Context, queue: FaultQueue<CommitApiFault> | undefined): boolean {
    const fault = queue?.take();
    if (fault === undefined) return false;
    if (fault.kind === 'advance-branch') {
      this.#pendingAdvance.set(context, fault);
      return false;
    }
    if (fault.kind === 'transform') {
      this.#pendingTransform.set(context, fault.transform);
      return false;
    }
    if (fault.kind === 'drop-answer') {
      this.#pendingDrop.set(context, fault.status === undefined ? {} : { status: fault.status });
      return false;
    }
    return applyFault(fault, context.request, context.response, context.headers);
  }

  /** A 200 answer (JSON, or another JSON content type), rewritten by a pending `transform` fault. */
  #ok(
    context: Context,
    body: Record<string, unknown> | unknown[],
    extraHeaders: Record<string, string> = {},
    contentType = 'application/json',
  ): void {
    const dropped = this.#pendingDrop.get(context);
    if (dropped?.status !== undefined) {
      sendJson(context.response, dropped.status, { error: 'Bad Gateway' }, context.headers);
      return;
    }
    if (dropped) {
      context.request.socket.destroy();
      return;
    }
    const transform = this.#pendingTransform.get(context);
    const final: unknown = transform && !Array.isArray(body) ? transform(body) : body;
    const text = typeof final === 'string' ? final : JSON.stringify(final);
    context.response.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(text)),
      ...context.headers,
      ...extraHeaders,
    });
    context.response.end(text);
  }

  #faultsFor(endpoint: string): FaultQueue<CommitApiFault> | undefined {
    switch (endpoint) {
      case 'preupload':
        return this.faults.preupload;
      case 'commit':
        return this.faults.commit;
      case 'branch':
        return this.faults.branch;
      case 'repo-info':
        return undefined;
      default:
        return this.faults.read;
    }
  }

  /**
   * The token of the request, if any: undefined without an Authorization header, throws 401 when
   * the header is there but the Hub does not know the token (or it expired).
   */
  #token(context: Context): IssuedHubToken | undefined {
    const header = context.request.headers.authorization;
    if (header === undefined) return undefined;
    const issued = this.hub.findValidToken(bearerToken(header));
    if (!issued) throw new HttpError(401, INVALID_CREDENTIALS);
    return issued;
  }

  /** Checks access to a repository the request found: throws the Hub's 401/403/404. */
  #authorize(context: Context, repo: Repo, need: 'read' | 'write'): IssuedHubToken | undefined {
    const issued = this.#token(context);
    const own = issued !== undefined && issued.resource.toLowerCase() === repo.resource.toLowerCase();
    if (repo.private && !own)
      throw new HttpError(issued === undefined ? 401 : 404, 'Repository not found', 'RepoNotFound');
    if (need === 'read') return issued;
    if (issued === undefined) throw new HttpError(401, 'Repository not found', 'RepoNotFound');
    if (!own) throw new HttpError(403, READ_ONLY);
    return issued;
  }

  // ---------------------------------------------------------------- preupload

  async #preupload(context: Context, repo: Repo, revision: string): Promise<void> {
    this.#authorize(context, repo, 'write');
    const createPr = isTruthy(context.url.searchParams.get('create_pr'));
    const target = this.#writableTarget(repo, revision, createPr);
    const head = this.#targetHead(repo, target);
    const body = await readJson(context.request, 16 * MiB);
    const files = isRecord(body) && Array.isArray(body['files']) ? (body['files'] as unknown[]) : undefined;
    if (!files) throw new HttpError(400, 'Invalid body: expected {"files": [{"path", "size", "sample"}]}');
    const tree = this.#commit(repo, head).tree;
    const fields = body as Record<string, unknown>;
    const gitattributes =
      typeof fields['gitAttributes'] === 'string' ? fields['gitAttributes'] : textOf(tree.get('.gitattributes'));
    const gitignore = typeof fields['gitIgnore'] === 'string' ? fields['gitIgnore'] : textOf(tree.get('.gitignore'));
    const answers = files.map((file) => {
      if (
        !isRecord(file) ||
        typeof file['path'] !== 'string' ||
        typeof file['size'] !== 'number' ||
        typeof file['sample'] !== 'string'
      ) {
        throw new HttpError(
          400,
          'Invalid file in body: expected {"path": string, "size": number, "sample": base64 string}',
        );
      }
      const path = file['path'];
      const lfs =
        file['size'] >= this.options.lfsSizeThreshold ||
        isLfsTracked(gitattributes, path) ||
        looksBinary(Buffer.from(file['sample'], 'base64'), true);
      const existing = tree.get(path);
      return {
        path,
        uploadMode: lfs ? 'lfs' : 'regular',
        shouldIgnore: isGitIgnored(gitignore, path),
        ...(existing ? { oid: existing.kind === 'lfs' ? existing.oid : existing.blobId } : {}),
      };
    });
    this.#ok(context, { files: answers, commitOid: head });
  }

  // ---------------------------------------------------------------- LFS batch, verify, completion

  async #batch(context: Context, type: RepoType, ns: string, name: string): Promise<void> {
    const token = this.#token(context);
    const repo = this.#repos.get(repoKey(type, `${ns}/${name}`));
    if (!repo) throw new HttpError(token === undefined ? 401 : 404, 'Repository not found', 'RepoNotFound');
    if (this.#takeFault(context, this.faults.batch)) return;
    const body = await readJson(context.request, 16 * MiB);
    const fields = isRecord(body) ? body : {};
    const operation = fields['operation'];
    this.#authorize(context, repo, operation === 'download' ? 'read' : 'write');
    const objects = Array.isArray(fields['objects']) ? (fields['objects'] as unknown[]) : undefined;
    if ((operation !== 'upload' && operation !== 'download') || !objects) {
      throw new HttpError(
        422,
        'Invalid batch request: expected {"operation": "upload" | "download", "objects": [{"oid", "size"}]}',
      );
    }
    const offered = Array.isArray(fields['transfers']) ? (fields['transfers'] as unknown[]) : ['basic'];
    const chosen: LfsTransfer = this.options.transfers.find((transfer) => offered.includes(transfer)) ?? 'basic';
    const listed = objects.map((object) => ({
      oid: isRecord(object) && typeof object['oid'] === 'string' ? object['oid'] : '',
      size: isRecord(object) && typeof object['size'] === 'number' ? object['size'] : -1,
    }));
    this.batches.push({
      repo: repo.resource,
      token: context.record.token,
      operation,
      transfers: fields['transfers'],
      ref: fields['ref'],
      hashAlgo: fields['hash_algo'],
      objects: listed,
      chosen,
    });
    const ref = isRecord(fields['ref']) && typeof fields['ref']['name'] === 'string' ? fields['ref']['name'] : 'main';
    const answer = listed.map(({ oid, size }) => {
      if (!SHA256.test(oid) || !Number.isSafeInteger(size) || size < 0) {
        return {
          oid,
          size,
          error: {
            code: 422,
            message: 'Invalid object: oid must be a sha256 (64 lowercase hex) and size a non-negative integer',
          },
        };
      }
      const key = this.storage.keyFor(repo.resource, oid);
      const stored = this.storage.object(key);
      if (operation === 'download') {
        if (!stored) return { oid, size, error: { code: 404, message: 'Object does not exist' } };
        return { oid, size, authenticated: true, actions: { download: { href: this.storage.presignGet(key) } } };
      }
      if (size > this.options.maxObjectSize)
        return {
          oid,
          size,
          error: { code: 422, message: `Object is larger than the ${this.options.maxObjectSize}-byte limit` },
        };
      if (stored && stored.size === size) return { oid, size, authenticated: true };
      const verify = this.options.verifyAction
        ? { verify: { href: `${this.hub.url}/${repo.urlPath}.git/info/lfs/objects/verify` } }
        : {};
      if (chosen === 'xet') {
        return {
          oid,
          size,
          authenticated: true,
          actions: {
            upload: {
              href: `${this.hub.url}/api/${repo.type}s/${repo.id}/xet-write-token/${encodeURIComponent(ref)}`,
              header: {
                'X-Xet-Cas-Url': `${this.storage.url}/xet`,
                'X-Xet-Access-Token': randomBytes(24).toString('base64url'),
                'X-Xet-Token-Expiration': String(Math.floor(Date.now() / 1000) + this.options.xetBatchTokenSeconds),
                'X-Xet-Session-Id': randomUUID(),
              },
            },
          },
        };
      }
      if (chosen === 'multipart' && size > this.options.multipartChunkSize) {
        const plan = this.storage.createMultipartUpload(key, oid, size, this.options.multipartChunkSize);
        const host = this.options.completionHost === 'hub' ? this.hub.url : this.storage.url;
        const header: Record<string, string> = { chunk_size: String(this.options.multipartChunkSize) };
        plan.partUrls.forEach((partUrl, index) => (header[String(index + 1).padStart(5, '0')] = partUrl));
        return {
          oid,
          size,
          authenticated: true,
          actions: { upload: { href: `${host}/api/complete_multipart?${plan.completionQuery}`, header }, ...verify },
        };
      }
      return {
        oid,
        size,
        authenticated: true,
        actions: { upload: { href: this.storage.presignPut(key, oid, size) }, ...verify },
      };
    });
    this.#ok(context, { transfer: chosen, objects: answer, hash_algo: 'sha256' }, {}, 'application/vnd.git-lfs+json');
  }

  async #verify(context: Context, type: RepoType, ns: string, name: string): Promise<void> {
    const token = this.#token(context);
    const repo = this.#repos.get(repoKey(type, `${ns}/${name}`));
    if (!repo) throw new HttpError(token === undefined ? 401 : 404, 'Repository not found', 'RepoNotFound');
    if (this.#takeFault(context, this.faults.verify)) return;
    this.#authorize(context, repo, 'write');
    const body = await readJson(context.request, MiB);
    const oid = isRecord(body) ? body['oid'] : undefined;
    const size = isRecord(body) ? body['size'] : undefined;
    const stored = typeof oid === 'string' ? this.storage.object(this.storage.keyFor(repo.resource, oid)) : undefined;
    if (!stored) throw new HttpError(404, 'Object not found in storage');
    if (stored.size !== size) throw new HttpError(422, `Object size mismatch: stored ${stored.size} bytes`);
    this.#ok(context, { oid, size });
  }

  async #completion(context: Context): Promise<void> {
    const fault = this.faults.completion.take();
    if (
      fault &&
      fault.kind !== 'advance-branch' &&
      fault.kind !== 'transform' &&
      fault.kind !== 'drop-answer' &&
      applyFault(fault, context.request, context.response, context.headers)
    )
      return;
    this.storage.handleCompletion(context.request, context.response, context.url, context.headers);
    await Promise.resolve();
  }

  async #xetToken(context: Context, repo: Repo): Promise<void> {
    this.#authorize(context, repo, 'write');
    await Promise.resolve();
    // Nothing here emulates a Xet CAS server: the token points at storage, which refuses CAS calls.
    this.#ok(context, {
      accessToken: this.options.xetAccessToken ?? randomBytes(24).toString('base64url'),
      exp: Math.floor(Date.now() / 1000) + 3600,
      casUrl: `${this.storage.url}/xet`,
    });
  }

  // ---------------------------------------------------------------- commit

  async #commitEndpoint(context: Context, repo: Repo, revision: string): Promise<void> {
    const issued = this.#authorize(context, repo, 'write');
    const createPr = isTruthy(context.url.searchParams.get('create_pr'));
    const target = this.#writableTarget(repo, revision, createPr);
    const contentType = context.request.headers['content-type'] ?? '';
    if (!contentType.startsWith('application/x-ndjson'))
      throw new HttpError(400, 'Commit body must be application/x-ndjson');

    let header: { summary: string; description: string; parentCommit: string | undefined } | undefined;
    const ops: CommitOp[] = [];
    for await (const line of ndjsonLines(context.request, this.options.maxCommitLineBytes)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line.toString('utf8'));
      } catch {
        throw new HttpError(400, 'Invalid NDJSON line in commit body');
      }
      const key = isRecord(parsed) ? parsed['key'] : undefined;
      const value = isRecord(parsed) && isRecord(parsed['value']) ? parsed['value'] : undefined;
      if (!value || typeof key !== 'string')
        throw new HttpError(400, 'Each commit line must be {"key": …, "value": {…}}');
      if (header === undefined) {
        if (key !== 'header') throw new HttpError(400, 'The first commit line must be the header');
        if (typeof value['summary'] !== 'string' || value['summary'].trim() === '')
          throw new HttpError(400, 'The commit header needs a summary');
        header = {
          summary: value['summary'],
          description: typeof value['description'] === 'string' ? value['description'] : '',
          parentCommit: typeof value['parentCommit'] === 'string' ? value['parentCommit'] : undefined,
        };
        continue;
      }
      ops.push(this.#parseOp(key, value));
    }
    if (header === undefined) throw new HttpError(400, 'Empty commit body: the header line is missing');

    const advance = this.#pendingAdvance.get(context);
    if (advance) this.#advance(repo, target, advance.title ?? 'Concurrent commit');

    // Compare-and-set against the head as it is now (the body may have taken a while to arrive).
    let parent: string;
    if (createPr) {
      const branchHead = this.#targetHead(repo, target);
      parent = header.parentCommit === undefined ? branchHead : this.#findCommit(repo, header.parentCommit);
    } else {
      parent = this.#targetHead(repo, target);
      if (header.parentCommit !== undefined && !sameCommit(parent, header.parentCommit))
        throw new HttpError(412, STALE_PARENT);
    }
    const tree = this.#apply(repo, new Map(this.#commit(repo, parent).tree), ops);
    const author = issued && issued.resource.includes('/') ? '[OIDC]' : (issued?.resource ?? 'anonymous');
    const commit = this.#makeCommit(repo, tree, [parent], header.summary, header.description, author);
    const answer: Record<string, unknown> = {
      success: true,
      commitOid: commit.oid,
      commitUrl: `${this.hub.url}/${repo.urlPath}/commit/${commit.oid}`,
      hookOutput: '',
    };
    if (createPr) {
      const num = repo.nextDiscussion++;
      const ref = `refs/pr/${num}`;
      const branch = target.kind === 'branch' ? target.name : `refs/pr/${target.num}`;
      repo.pullRequests.set(num, { num, ref, head: commit.oid, target: branch, title: header.summary });
      answer['pullRequestUrl'] = `${this.hub.url}/${repo.urlPath}/discussions/${num}`;
    } else if (target.kind === 'branch') repo.branches.set(target.name, commit.oid);
    else {
      const pr = repo.pullRequests.get(target.num);
      if (pr) pr.head = commit.oid;
    }
    this.#ok(context, answer);
  }

  #parseOp(key: string, value: Record<string, unknown>): CommitOp {
    const path = value['path'];
    if (typeof path !== 'string') throw new HttpError(400, `A "${key}" line needs a path`);
    const invalid = invalidPath(key === 'deletedFolder' ? path.replace(/\/$/, '') : path);
    if (invalid) throw new HttpError(422, `Invalid path "${path}": ${invalid}`);
    const oldPath = typeof value['oldPath'] === 'string' ? value['oldPath'] : undefined;
    if (oldPath !== undefined && invalidPath(oldPath))
      throw new HttpError(422, `Invalid path "${oldPath}": ${invalidPath(oldPath) ?? ''}`);
    switch (key) {
      case 'file': {
        const content = value['content'];
        if (typeof content !== 'string') {
          if (oldPath === undefined) throw new HttpError(400, `File ${path}: content is required`);
          return { key, path, content: undefined, oldPath };
        }
        const encoding = value['encoding'] ?? 'utf-8';
        if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(content))
          throw new HttpError(400, `File ${path}: content is not valid base64`);
        if (encoding !== 'base64' && encoding !== 'utf-8')
          throw new HttpError(400, `File ${path}: unknown encoding ${JSON.stringify(encoding)}`);
        const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
        if (bytes.byteLength >= this.options.lfsSizeThreshold) {
          const limit = `${String(Math.round((this.options.lfsSizeThreshold / MiB) * 100) / 100)} MiB`;
          throw new HttpError(
            400,
            `Your push was rejected because it contains files larger than ${limit}. Please use https://git-lfs.github.com/ to store large files. Offending files: ${path}`,
          );
        }
        if (looksBinary(bytes, false)) {
          throw new HttpError(
            400,
            `Your push was rejected because it contains binary files. Please use https://huggingface.co/docs/hub/xet to store binary files. Offending files: ${path}`,
          );
        }
        return { key, path, content: bytes, oldPath };
      }
      case 'lfsFile': {
        const oid = value['oid'];
        const size = value['size'];
        if (oid === undefined && oldPath === undefined) throw new HttpError(400, `LFS file ${path}: oid is required`);
        if (oid !== undefined && (typeof oid !== 'string' || !SHA256.test(oid)))
          throw new HttpError(400, `LFS file ${path}: oid must be a sha256`);
        if (value['algo'] !== undefined && value['algo'] !== 'sha256')
          throw new HttpError(400, `LFS file ${path}: algo must be sha256`);
        if (size !== undefined && (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0))
          throw new HttpError(400, `LFS file ${path}: invalid size`);
        return {
          key,
          path,
          oid: typeof oid === 'string' ? oid : undefined,
          size: typeof size === 'number' ? size : undefined,
          oldPath,
        };
      }
      case 'deletedFile':
        return { key, path };
      case 'deletedFolder':
        return { key, path: path.replace(/\/$/, '') };
      default:
        throw new HttpError(400, `Unknown commit operation "${key}"`);
    }
  }

  #apply(repo: Repo, tree: Map<string, HubEntry>, ops: readonly CommitOp[]): Map<string, HubEntry> {
    const lfsPaths: string[] = [];
    // Files below each folder, kept up to date as operations apply (a commit may hold 100k of them).
    const below = new Map<string, number>();
    const foldersOf = (path: string): string[] => {
      const segments = path.split('/');
      return segments.slice(0, -1).map((_segment, index) => segments.slice(0, index + 1).join('/'));
    };
    const count = (path: string, delta: number): void => {
      for (const folder of foldersOf(path)) {
        const next = (below.get(folder) ?? 0) + delta;
        if (next === 0) below.delete(folder);
        else below.set(folder, next);
      }
    };
    const remove = (path: string): boolean => {
      if (!tree.delete(path)) return false;
      count(path, -1);
      return true;
    };
    for (const path of tree.keys()) count(path, 1);
    for (const op of ops) {
      switch (op.key) {
        case 'file':
        case 'lfsFile': {
          let entry: HubEntry | undefined;
          if (op.oldPath !== undefined && (op.key === 'file' ? op.content === undefined : op.oid === undefined)) {
            entry = tree.get(op.oldPath);
            if (!entry) throw new HttpError(404, `A file with this name doesn't exist: ${op.oldPath}`, 'EntryNotFound');
            remove(op.oldPath);
          } else if (op.key === 'file' && op.content) entry = regularEntry(op.content);
          else if (op.key === 'lfsFile' && op.oid !== undefined) {
            const stored = this.storage.object(this.storage.keyFor(repo.resource, op.oid));
            if (!stored || (op.size !== undefined && stored.size !== op.size)) {
              throw new HttpError(
                400,
                `Your push was rejected because an LFS pointer pointed to a file that does not exist. Offending file: ${op.path}`,
              );
            }
            entry = lfsEntry(op.oid, stored.size);
          }
          if (!entry) throw new HttpError(400, `Nothing to write at ${op.path}`);
          if (below.has(op.path)) throw new HttpError(422, `Invalid path "${op.path}": a folder with this name exists`);
          // A file where a folder of this path was replaces it, as a checkout would.
          for (const folder of foldersOf(op.path)) remove(folder);
          if (!tree.has(op.path)) count(op.path, 1);
          tree.set(op.path, entry);
          if (entry.kind === 'lfs') lfsPaths.push(op.path);
          break;
        }
        case 'deletedFile':
          if (!remove(op.path))
            throw new HttpError(404, `A file with this name doesn't exist: ${op.path}`, 'EntryNotFound');
          break;
        case 'deletedFolder': {
          const inside =
            op.path === ''
              ? [...tree.keys()]
              : below.has(op.path)
                ? [...tree.keys()].filter((path) => path.startsWith(`${op.path}/`))
                : [];
          if (inside.length === 0)
            throw new HttpError(404, `A folder with this name doesn't exist: ${op.path}`, 'EntryNotFound');
          for (const path of inside) remove(path);
          break;
        }
      }
    }
    // The Hub tracks an LFS file that .gitattributes does not cover by adding a line for it.
    const current = textOf(tree.get('.gitattributes'));
    const untracked = [...new Set(lfsPaths)].filter(
      (path) => tree.get(path)?.kind === 'lfs' && !isLfsTracked(current, path),
    );
    if (untracked.length > 0) {
      const separator = current === '' || current.endsWith('\n') ? '' : '\n';
      tree.set(
        '.gitattributes',
        regularEntry(Buffer.from(`${current}${separator}${untracked.map(lfsTrackLine).join('\n')}\n`, 'utf8')),
      );
    }
    return tree;
  }

  #advance(repo: Repo, target: Target, title: string): void {
    const head = this.#targetHead(repo, target);
    const commit = this.#makeCommit(repo, new Map(this.#commit(repo, head).tree), [head], title, '', 'system');
    if (target.kind === 'branch') repo.branches.set(target.name, commit.oid);
    else {
      const pr = repo.pullRequests.get(target.num);
      if (pr) pr.head = commit.oid;
    }
  }

  // ---------------------------------------------------------------- branches, README metadata

  /**
   * `POST /api/{type}s/{ns}/{name}/branch/{branch}` with `{"startingPoint"?}` (hf_api.py
   * `create_branch`): the branch at the starting point, the default branch's head without one; 409
   * when it exists, 400 for a name that is not a plain branch (`refs/pr/5`).
   */
  async #createBranchEndpoint(context: Context, repo: Repo, branch: string): Promise<void> {
    this.#authorize(context, repo, 'write');
    const body = await readJson(context.request, MiB).catch(() => ({}));
    const start = isRecord(body) && typeof body['startingPoint'] === 'string' ? body['startingPoint'] : 'main';
    if (branch === '' || branch.startsWith('refs/') || invalidPath(branch) !== undefined)
      throw new HttpError(400, `Invalid reference for a branch: ${branch}`);
    if (repo.branches.has(branch)) throw new HttpError(409, 'Reference already exists');
    repo.branches.set(branch, this.#revisionOrThrow(repo, start));
    this.#ok(context, {});
  }

  /**
   * `POST /api/validate-yaml` with `{"content", "repoType"}` (hf_api.py `_validate_yaml`): the card's
   * YAML front matter checked; 400 `{"errors": [{"message"}], "warnings"}` when it is invalid, 200
   * with `warnings` otherwise (a card without metadata is a warning). A small stand-in for the Hub's
   * schema: top-level `key: value` lines and lists, `license` from a short list, `model-index` a list.
   */
  async #validateYaml(context: Context): Promise<void> {
    this.#token(context);
    if (this.#takeFault(context, this.faults.validateYaml)) return;
    const body = await readJson(context.request, 16 * MiB);
    const content = isRecord(body) && typeof body['content'] === 'string' ? body['content'] : undefined;
    if (content === undefined) throw new HttpError(400, 'Invalid body: expected {"content": string, "repoType"}');
    this.yamlValidations.push({
      content,
      repoType: isRecord(body) ? body['repoType'] : undefined,
      token: context.record.token,
    });
    const { errors, warnings } = checkCardMetadata(content);
    const answer = {
      errors: errors.map((message) => ({ message })),
      warnings: warnings.map((message) => ({ message })),
    };
    if (errors.length > 0) {
      sendJson(context.response, 400, answer, { ...context.headers, 'X-Error-Message': 'Invalid metadata' });
      return;
    }
    this.#ok(context, answer);
  }

  // ---------------------------------------------------------------- reads

  async #repoInfo(context: Context, repo: Repo, revision: string, isRepoInfo: boolean): Promise<void> {
    if (isRepoInfo) {
      this.hub.reads.push({ path: context.url.pathname, token: context.record.token });
      const fault = this.hub.readFaults.take();
      if (fault && applyFault(fault, context.request, context.response, context.headers)) return;
    }
    this.#authorize(context, repo, 'read');
    await Promise.resolve();
    const sha = this.#revisionOrThrow(repo, revision);
    const tree = this.#commit(repo, sha).tree;
    const blobs = isTruthy(context.url.searchParams.get('blobs'));
    const info: Record<string, unknown> = {
      _id: repo.objectId,
      id: repo.id,
      ...(repo.type === 'model' ? { modelId: repo.id } : {}),
      author: repo.id.split('/')[0],
      sha,
      lastModified: new Date(this.#commit(repo, sha).date).toISOString(),
      private: repo.private,
      disabled: false,
      gated: false,
      downloads: 0,
      likes: 0,
      tags: [],
      siblings: [...tree.entries()].map(([path, entry]) =>
        blobs
          ? {
              rfilename: path,
              size: entry.kind === 'lfs' ? entry.size : entry.content.byteLength,
              blobId: entry.blobId,
              ...(entry.kind === 'lfs'
                ? { lfs: { sha256: entry.oid, size: entry.size, pointerSize: entry.pointerSize } }
                : {}),
            }
          : { rfilename: path },
      ),
      createdAt: new Date(repo.createdAt).toISOString(),
      xetEnabled: repo.xetEnabled,
    };
    const expand = [...context.url.searchParams.getAll('expand'), ...context.url.searchParams.getAll('expand[]')];
    const answer =
      expand.length > 0
        ? Object.fromEntries(['_id', 'id', ...expand].filter((name) => name in info).map((name) => [name, info[name]]))
        : info;
    this.#ok(context, answer);
  }

  async #tree(context: Context, repo: Repo, tail: string): Promise<void> {
    this.#authorize(context, repo, 'read');
    await Promise.resolve();
    // `/tree/{rev}/{path}`: the revision is one (encoded) segment, or `refs/pr/N` / `refs/heads/x` sent raw.
    const segments = tail.split('/');
    const revisionSegments = segments[0] === 'refs' && segments.length >= 3 ? 3 : 1;
    const revision = segments.slice(0, revisionSegments).map(decode).join('/');
    const folder = segments.slice(revisionSegments).map(decode).join('/').replace(/\/$/, '');
    const sha = this.#revisionOrThrow(repo, revision);
    const commit = this.#commit(repo, sha);
    const index = treeIndex(commit.tree);
    if (folder !== '' && !index.folders.has(folder)) throw new HttpError(404, 'Entry not found', 'EntryNotFound');
    const recursive = isTruthy(context.url.searchParams.get('recursive'));
    const expand = isTruthy(context.url.searchParams.get('expand'));
    const paths = listFolder(index, folder, recursive);
    const pageSize = expand ? this.options.treeExpandPageSize : this.options.treePageSize;
    const offset = decodeCursor(context.url.searchParams.get('cursor'));
    const page = paths.slice(offset, offset + pageSize);
    const body = page.map((path) => this.#pathInfo(repo, commit, index, path, expand));
    const headers: Record<string, string> = {};
    const treeNext = this.options.treeNext;
    if (treeNext === 'endless')
      body.push({ type: 'file', path: `phantom/${offset}.txt`, oid: '0'.repeat(40), size: 0 });
    if (offset + pageSize < paths.length || treeNext !== 'normal') {
      const next = new URL(context.url.pathname + context.url.search, this.hub.url);
      if (treeNext !== 'repeat') {
        next.searchParams.set(
          'cursor',
          Buffer.from(JSON.stringify({ offset: offset + pageSize })).toString('base64url'),
        );
      }
      headers['Link'] = `<${next.toString()}>; rel="next"`;
    }
    this.#ok(context, body, headers);
  }

  async #pathsInfo(context: Context, repo: Repo, revision: string): Promise<void> {
    this.#authorize(context, repo, 'read');
    const contentType = context.request.headers['content-type'] ?? '';
    let paths: unknown[] = [];
    let expand = false;
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams((await readBuffer(context.request, 16 * MiB)).toString('utf8'));
      paths = form.getAll('paths');
      expand = isTruthy(form.get('expand'));
    } else {
      const body = await readJson(context.request, 16 * MiB);
      paths = isRecord(body) && Array.isArray(body['paths']) ? (body['paths'] as unknown[]) : [];
      expand = isRecord(body) && body['expand'] === true;
    }
    if (paths.length > 1000) throw new HttpError(413, 'too many parameters');
    const sha = this.#revisionOrThrow(repo, revision);
    const commit = this.#commit(repo, sha);
    const index = treeIndex(commit.tree);
    const seen = new Set<string>();
    const answer: unknown[] = [];
    for (const raw of paths) {
      if (typeof raw !== 'string') continue;
      const path = raw.replace(/^\/+|\/+$/g, '');
      if (seen.has(path) || !(commit.tree.has(path) || index.folders.has(path)) || path === '') continue;
      seen.add(path);
      answer.push(this.#pathInfo(repo, commit, index, path, expand));
    }
    this.#ok(context, answer);
  }

  #pathInfo(repo: Repo, commit: HubCommit, index: TreeIndex, path: string, expand: boolean): Record<string, unknown> {
    const entry = commit.tree.get(path);
    const lastCommit = expand ? this.#lastCommit(repo, commit, path) : undefined;
    const extra = lastCommit
      ? { lastCommit: { id: lastCommit.oid, title: lastCommit.title, date: new Date(lastCommit.date).toISOString() } }
      : {};
    if (!entry) return { type: 'directory', oid: index.folders.get(path) ?? '', size: 0, path, ...extra };
    return {
      type: 'file',
      oid: entry.blobId,
      size: entry.kind === 'lfs' ? entry.size : entry.content.byteLength,
      ...(entry.kind === 'lfs' ? { lfs: { oid: entry.oid, size: entry.size, pointerSize: entry.pointerSize } } : {}),
      path,
      ...extra,
      ...(expand
        ? {
            securityFileStatus: {
              status: 'unscanned',
              avScan: { virusFound: false, virusNames: null },
              pickleImportScan: null,
            },
          }
        : {}),
    };
  }

  /** The newest commit on the first-parent chain that changed `path` (a file, or anything below a folder). */
  #lastCommit(repo: Repo, commit: HubCommit, path: string): HubCommit {
    const idOf = (tree: ReadonlyMap<string, HubEntry>): string =>
      tree.has(path) ? (tree.get(path)?.blobId ?? '') : (treeIndex(tree).folders.get(path) ?? '');
    let current = commit;
    for (;;) {
      const parentOid = current.parents[0];
      if (parentOid === undefined) return current;
      const parent = this.#commit(repo, parentOid);
      if (idOf(parent.tree) !== idOf(current.tree)) return current;
      current = parent;
    }
  }

  async #commitsEndpoint(context: Context, repo: Repo, revision: string): Promise<void> {
    this.#authorize(context, repo, 'read');
    await Promise.resolve();
    const sha = this.#revisionOrThrow(repo, revision);
    const list: HubCommit[] = [];
    for (let oid: string | undefined = sha; oid !== undefined; oid = this.#commit(repo, oid).parents[0])
      list.push(this.#commit(repo, oid));
    const limit = Math.max(1, Math.min(1000, Number(context.url.searchParams.get('limit') ?? '50') || 50));
    const pageNumber = Math.max(0, Number(context.url.searchParams.get('p') ?? '0') || 0);
    const page = list.slice(pageNumber * limit, (pageNumber + 1) * limit);
    const headers: Record<string, string> = { 'X-Total-Count': String(list.length) };
    if ((pageNumber + 1) * limit < list.length) {
      const next = new URL(context.url.pathname + context.url.search, this.hub.url);
      next.searchParams.set('p', String(pageNumber + 1));
      headers['Link'] = `<${next.toString()}>; rel="next"`;
    }
    this.#ok(
      context,
      page.map((commit) => ({
        id: commit.oid,
        title: commit.title,
        message: commit.description,
        authors: [{ user: commit.author, avatar: '' }],
        date: new Date(commit.date).toISOString(),
      })),
      headers,
    );
  }

  async #refs(context: Context, repo: Repo): Promise<void> {
    this.#authorize(context, repo, 'read');
    await Promise.resolve();
    const includePrs = isTruthy(context.url.searchParams.get('include_prs'));
    this.#ok(context, {
      branches: [...repo.branches].map(([name, oid]) => ({ name, ref: `refs/heads/${name}`, targetCommit: oid })),
      converts: [],
      tags: [],
      ...(includePrs
        ? {
            pullRequests: [...repo.pullRequests.values()].map((pr) => ({
              name: String(pr.num),
              ref: pr.ref,
              targetCommit: pr.head,
            })),
          }
        : {}),
    });
  }

  // ---------------------------------------------------------------- revisions, commits

  #repoOrThrow(resource: string): Repo {
    const { type, id } = parseResource(resource);
    const repo = this.#repos.get(repoKey(type, id));
    if (!repo) throw new Error(`no repository ${resource}`);
    return repo;
  }

  #commit(repo: Repo, oid: string): HubCommit {
    const commit = repo.commits.get(oid);
    if (!commit) throw new Error(`no commit ${oid} in ${repo.resource}`);
    return commit;
  }

  #resolveRevision(repo: Repo, revision: string): string | undefined {
    const pr = /^refs\/pr\/(\d+)$/.exec(revision);
    if (pr) return repo.pullRequests.get(Number(pr[1]))?.head;
    const branch = revision.startsWith('refs/heads/') ? revision.slice('refs/heads/'.length) : revision;
    const head = repo.branches.get(branch);
    if (head !== undefined) return head;
    if (/^[0-9a-f]{40}$/.test(revision) && repo.commits.has(revision)) return revision;
    return undefined;
  }

  #revisionOrThrow(repo: Repo, revision: string): string {
    const oid = this.#resolveRevision(repo, revision);
    if (oid === undefined) throw new HttpError(404, `Invalid rev id: ${revision}`, 'RevisionNotFound');
    return oid;
  }

  /** The branch or pull request a write goes to: a PR is opened against a branch only. */
  #writableTarget(repo: Repo, revision: string, createPr: boolean): Target {
    const pr = /^refs\/pr\/(\d+)$/.exec(revision);
    if (pr && !createPr && repo.pullRequests.has(Number(pr[1]))) return { kind: 'pr', num: Number(pr[1]) };
    const branch = revision.startsWith('refs/heads/') ? revision.slice('refs/heads/'.length) : revision;
    if (repo.branches.has(branch)) return { kind: 'branch', name: branch };
    throw new HttpError(404, `Invalid rev id: ${revision}`, 'RevisionNotFound');
  }

  #targetHead(repo: Repo, target: Target): string {
    const head = target.kind === 'branch' ? repo.branches.get(target.name) : repo.pullRequests.get(target.num)?.head;
    if (head === undefined) throw new HttpError(404, 'Invalid rev id', 'RevisionNotFound');
    return head;
  }

  #findCommit(repo: Repo, oid: string): string {
    const found = [...repo.commits.keys()].filter((candidate) => sameCommit(candidate, oid));
    if (found.length !== 1 || found[0] === undefined)
      throw new HttpError(404, `Invalid rev id: ${oid}`, 'RevisionNotFound');
    return found[0];
  }

  #makeCommit(
    repo: Repo,
    tree: ReadonlyMap<string, HubEntry>,
    parents: string[],
    title: string,
    description: string,
    author: string,
  ): HubCommit {
    const previous = parents[0] === undefined ? undefined : repo.commits.get(parents[0]);
    // Strictly increasing whole seconds, so two commits in a row never share an id by accident.
    const date = Math.max(Date.now(), (previous?.date ?? 0) + 1000);
    const oid = gitCommitSha1({
      tree: treeIndex(tree).root,
      parents,
      author: { name: author, email: `${author.replace(/[^\w.-]/g, '')}@users.noreply.huggingface.co` },
      date,
      title,
      description,
    });
    const commit: HubCommit = { oid, parents, title, description, date, author, tree };
    repo.commits.set(oid, commit);
    return commit;
  }
}

// ---------------------------------------------------------------- trees

interface TreeIndex {
  /** Folder path (no trailing slash) → git tree id. */
  folders: Map<string, string>;
  /** Folder path ('' for the root) → names of its direct children (folders end with '/'). */
  children: Map<string, string[]>;
  root: string;
}

const treeIndexes = new WeakMap<ReadonlyMap<string, HubEntry>, TreeIndex>();

function treeIndex(tree: ReadonlyMap<string, HubEntry>): TreeIndex {
  const cached = treeIndexes.get(tree);
  if (cached) return cached;
  const entries = new Map<string, GitTreeEntry[]>([['', []]]);
  const children = new Map<string, string[]>([['', []]]);
  for (const [path, entry] of tree) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join('/');
      if (!entries.has(folder)) {
        entries.set(folder, []);
        children.set(folder, []);
        const parent = segments.slice(0, depth - 1).join('/');
        children.get(parent)?.push(`${segments[depth - 1] ?? ''}/`);
      }
    }
    const parent = segments.slice(0, -1).join('/');
    entries.get(parent)?.push({ name: segments.at(-1) ?? '', mode: '100644', sha1: entry.blobId });
    children.get(parent)?.push(segments.at(-1) ?? '');
  }
  const folders = new Map<string, string>();
  // Deepest folders first, so each parent sees its children's ids.
  const ordered = [...entries.keys()].sort((a, b) => b.split('/').length - a.split('/').length || b.length - a.length);
  for (const folder of ordered) {
    if (folder === '') continue;
    const sha1 = gitTreeSha1(entries.get(folder) ?? []);
    folders.set(folder, sha1);
    const slash = folder.lastIndexOf('/');
    entries
      .get(slash === -1 ? '' : folder.slice(0, slash))
      ?.push({ name: folder.slice(slash + 1), mode: '40000', sha1 });
  }
  const index = { folders, children, root: gitTreeSha1(entries.get('') ?? []) };
  treeIndexes.set(tree, index);
  return index;
}

/** Paths under `folder`, git order per folder; recursive lists each folder before its contents. */
function listFolder(index: TreeIndex, folder: string, recursive: boolean): string[] {
  const out: string[] = [];
  const names = [...(index.children.get(folder) ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) {
    const isFolder = name.endsWith('/');
    const path = (folder === '' ? '' : `${folder}/`) + (isFolder ? name.slice(0, -1) : name);
    out.push(path);
    if (isFolder && recursive) out.push(...listFolder(index, path, true));
  }
  return out;
}

// ---------------------------------------------------------------- helpers

function regularEntry(content: Buffer): HubEntry {
  return { kind: 'regular', content, blobId: gitBlobSha1(content) };
}

function lfsEntry(oid: string, size: number): HubEntry {
  const pointer = lfsPointer(oid, size);
  return { kind: 'lfs', oid, size, blobId: gitBlobSha1(pointer), pointerSize: Buffer.byteLength(pointer) };
}

function textOf(entry: HubEntry | undefined): string {
  return entry?.kind === 'regular' ? entry.content.toString('utf8') : '';
}

/**
 * Whether bytes look binary: a NUL byte, or not UTF-8. A `sample` (the first 512 bytes) may end
 * inside a multi-byte character, which does not count.
 */
function looksBinary(bytes: Uint8Array, isSample: boolean): boolean {
  if (bytes.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: isSample });
    return false;
  } catch {
    return true;
  }
}

/** Why a path cannot be committed, or undefined when it can. */
function invalidPath(path: string): string | undefined {
  if (path === '') return 'empty path';
  if (path.startsWith('/')) return 'absolute path';
  for (let index = 0; index < path.length; index += 1)
    if (path.charCodeAt(index) < 0x20) return 'control character in path';
  const segments = path.split(/[\\/]/);
  if (segments.some((segment) => segment === '')) return 'empty path segment';
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'relative path segment (. or ..)';
  if (segments.some((segment) => segment === '.git')) return 'paths under .git/ are not allowed';
  return undefined;
}

function sameCommit(full: string, given: string): boolean {
  return /^[0-9a-fA-F]{5,40}$/.test(given) && full.startsWith(given.toLowerCase());
}

function parseResource(resource: string): { type: RepoType; id: string } {
  const match = /^(?:(datasets|spaces)\/)?([^/]+\/[^/]+)$/.exec(resource);
  if (!match) throw new Error(`not a repository resource: ${resource}`);
  const [, prefix, id = ''] = match;
  return { type: prefix === 'datasets' ? 'dataset' : prefix === 'spaces' ? 'space' : 'model', id };
}

function resourceOf(type: RepoType, id: string): string {
  return type === 'model' ? id : `${type}s/${id}`;
}

function repoKey(type: RepoType, id: string): string {
  return `${type}:${id.toLowerCase()}`;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `Invalid URL segment: ${segment}`);
  }
}

/** A revision that ends the path: encoded as one segment (`refs%2Fpr%2F1`) or sent raw (`refs/pr/1`). */
function decodeRevision(tail: string): string {
  return tail.split('/').map(decode).join('/');
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return isRecord(parsed) && typeof parsed['offset'] === 'number' ? parsed['offset'] : 0;
  } catch {
    throw new HttpError(400, 'Invalid cursor');
  }
}

function isTruthy(value: string | null): boolean {
  return value !== null && ['1', 'true', 'True'].includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  if (header.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return header;
}

const KNOWN_LICENSES = ['apache-2.0', 'mit', 'openrail', 'cc-by-4.0', 'bsd-3-clause', 'llama3', 'other'];

/** The checks of the local validate-yaml: errors refuse the card, warnings do not. */
function checkCardMetadata(content: string): { errors: string[]; warnings: string[] } {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { errors: [], warnings: ['Empty or missing yaml metadata in repo card'] };
  const end = lines.indexOf('---', 1);
  if (end === -1) return { errors: ['Error: the metadata block is not closed by a "---" line'], warnings: [] };
  const errors: string[] = [];
  const fields = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines.slice(1, end)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      if (current === undefined) errors.push(`Error: YAML: unexpected indentation: ${JSON.stringify(line.trim())}`);
      continue;
    }
    const match = /^([\w.-]+):(.*)$/.exec(line);
    if (!match?.[1]) {
      errors.push(`Error: YAML: cannot parse ${JSON.stringify(line)}`);
      continue;
    }
    current = match[1];
    fields.set(current, (match[2] ?? '').trim());
  }
  const license = fields.get('license');
  if (license !== undefined && license !== '' && !KNOWN_LICENSES.includes(license))
    errors.push(`Error: "license" must be one of [${KNOWN_LICENSES.join(', ')}]`);
  const modelIndex = fields.get('model-index');
  if (modelIndex !== undefined && modelIndex !== '' && !modelIndex.startsWith('['))
    errors.push('Error: "model-index" must be an array');
  return { errors, warnings: fields.size === 0 ? ['Empty or missing yaml metadata in repo card'] : [] };
}

/** The Hub's error answer: `{"error": message}` plus X-Error-Message (and X-Error-Code when it has one). */
function sendError(context: Context, status: number, message: string, code?: string): void {
  const headers: Record<string, string> = {
    ...context.headers,
    'X-Error-Message': message.replace(/[^\x20-\x7e]/g, ' '),
  };
  if (code !== undefined) headers['X-Error-Code'] = code;
  sendJson(context.response, status, { error: message }, headers);
}

function readBuffer(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let it arrive, so the client reads the 413 instead of a reset.
        request.off('data', onData);
        request.resume();
        reject(new HttpError(413, 'Payload Too Large'));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const text = (await readBuffer(request, limit)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Invalid JSON body');
  }
}

/** Splits a streaming body into lines without holding more than one line (refuses longer lines). */
async function* ndjsonLines(request: IncomingMessage, maxLineBytes: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Leaving early (a refused line) must not reset the connection: the client should read the error.
  for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, newline));
      const line = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
      const trimmed = line.at(-1) === 13 ? line.subarray(0, -1) : line;
      if (trimmed.length > maxLineBytes) throw new HttpError(413, 'Payload Too Large: a commit line is too long');
      if (trimmed.length > 0) yield trimmed;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) throw new HttpError(413, 'Payload Too Large: a commit line is too long');
    }
  }
  const last = Buffer.concat(pending);
  if (last.length > 0) yield last;
}
