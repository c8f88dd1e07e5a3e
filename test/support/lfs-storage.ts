// A local stand-in for the storage host behind the Hub's LFS batch answers (S3 on huggingface.co):
// a separate loopback server, NOT the Hub's host. The local Hub (hub-commit-api.ts) hands clients
// pre-signed-looking URLs on it; this server checks them as S3 checks a pre-signed URL:
//   - an `Authorization` header next to a pre-signed query is refused (400 InvalidArgument, "only one
//     auth mechanism allowed", the header's value echoed in <ArgumentValue> as S3 does) and recorded
//     in `securityViolations`: the Hub token must never reach storage;
//   - `Transfer-Encoding: chunked` is refused (501 NotImplemented, as S3 does; that is why
//     huggingface_hub never sends an empty LFS file), no Content-Length at all is 411
//     MissingContentLength;
//   - a URL it did not sign is 403 SignatureDoesNotMatch, an expired one 403 AccessDenied.
// A basic-transfer PUT is streamed to a file in a temporary folder while hashing (sha256 for the
// check against the oid the URL was issued for, md5 for the S3 ETag): nothing is buffered whole,
// so 512 MiB objects cost no memory. Multipart: one signed URL per part (`partNumber`, `uploadId`),
// an ETag per part, and a completion POST of `{oid, parts: [{partNumber, etag}]}` (on the Hub's
// host by default, `/api/complete_multipart?…&signature=…`, as huggingface.co does; this server
// answers the same path) that checks the parts as S3 does and assembles them by streaming.
// Faults (FaultQueue, or `faultOn` for one request picked by a predicate): any generic fault, plus
// `reset-mid-request-body` and `stall-request-body` applied while the body streams in. Counters:
// bytes received, requests, uploads in flight and their peak.

import { createHash, createHmac, randomBytes, type Hash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { applyFault, FaultQueue, type Fault } from './faults.js';

const BUCKET = 'hf-hub-lfs-local';

/** What a storage request was, for `faultOn` predicates and the request log. */
export interface StorageRequestInfo {
  method: string;
  /** Path without the query string. */
  path: string;
  kind: 'put' | 'part' | 'complete' | 'get' | 'other';
  key: string | undefined;
  partNumber: number | undefined;
}

export interface StorageRequestRecord extends StorageRequestInfo {
  /** Request headers as received (the Authorization value included, so a leak can be named). */
  headers: IncomingHttpHeaders;
  /** Status sent, or undefined when the connection was reset or stalled instead. */
  status: number | undefined;
}

export interface SecurityViolation {
  method: string;
  path: string;
  /** The Authorization header storage received (it must never carry the Hub token). */
  authorization: string;
}

export interface StoredObject {
  key: string;
  oid: string;
  size: number;
  /** File holding the bytes, under the storage's temporary folder. */
  file: string;
  /** S3 ETag (quoted): md5 of the bytes, or `md5-of-part-md5s-N` for a multipart object. */
  etag: string;
}

interface Grant {
  kind: 'put' | 'part' | 'get' | 'complete';
  key: string;
  oid: string;
  size: number;
  expiresAt: number;
  uploadId?: string;
  partNumber?: number;
}

interface MultipartUpload {
  uploadId: string;
  key: string;
  oid: string;
  size: number;
  chunkSize: number;
  partCount: number;
  parts: Map<number, { etag: string; file: string; size: number; md5: Buffer }>;
  completed: boolean;
}

export interface MultipartPlan {
  uploadId: string;
  /** One signed URL per part, part 1 first. */
  partUrls: string[];
  /** The signed query of the completion URL (the caller picks the host: Hub or storage). */
  completionQuery: string;
}

/** A byte-counting, hashing pass-through that can also reset or stall the upload it carries. */
class UploadMeter extends Transform {
  readonly sha256: Hash = createHash('sha256');
  readonly md5: Hash = createHash('md5');
  bytes = 0;

  constructor(
    private readonly onBytes: (count: number) => void,
    private readonly fault: Fault | undefined,
    private readonly request: IncomingMessage,
    private readonly stallTimers: Set<NodeJS.Timeout>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const before = this.bytes;
    this.bytes += chunk.length;
    this.sha256.update(chunk);
    this.md5.update(chunk);
    this.onBytes(chunk.length);
    const fault = this.fault;
    if (fault?.kind === 'reset-mid-request-body') {
      const limit = fault.afterBytes ?? Math.floor(Number(this.request.headers['content-length'] ?? 0) / 2);
      if (this.bytes >= limit) {
        this.request.socket.destroy();
        callback(new Error('connection reset by the storage fault'));
        return;
      }
    }
    if (
      fault?.kind === 'stall-request-body' &&
      before < (fault.afterBytes ?? 0) &&
      this.bytes >= (fault.afterBytes ?? 0)
    ) {
      // Hold the callback: the pipeline stops reading, the socket's buffers fill, the client's writes stall.
      const timer = setTimeout(() => {
        this.stallTimers.delete(timer);
        this.request.socket.destroy();
      }, fault.ms ?? 600_000);
      this.stallTimers.add(timer);
      return;
    }
    callback(null, chunk);
  }
}

export class LfsStorage {
  /** One fault per storage request, in arrival order (after `faultOn` matches). */
  readonly faults = new FaultQueue();
  readonly requests: StorageRequestRecord[] = [];
  /** Every request that carried an Authorization header (each one was refused). */
  readonly securityViolations: SecurityViolation[] = [];
  /** Requests to the Xet CAS URL (when a test makes the Hub offer xet); each one is refused with 501. */
  readonly xetRequests: Array<{ method: string; path: string; authorization: string | undefined }> = [];
  /**
   * Accept Xet CAS uploads (xorbs, shards) with an empty 200 instead of refusing them, without
   * storing or checking anything: enough for a client to go on to its commit.
   */
  acceptXetUploads = false;
  /** Body bytes read from uploads (basic PUTs and parts), including uploads that then failed. */
  bytesReceived = 0;
  /** Uploads whose body is being read right now, and the most there ever were at once. */
  activeUploads = 0;
  peakConcurrentUploads = 0;
  /** Uploads that ended before their body was complete (client abort, reset, stall). */
  abortedUploads = 0;
  /** Uploads refused because the bytes did not hash to the oid, or were not its size. */
  readonly integrityFailures: Array<{
    key: string;
    expectedOid: string;
    actualOid: string;
    expectedSize: number;
    actualSize: number;
  }> = [];
  /** How long signed URLs stay valid. */
  urlLifetimeSeconds = 3600;
  readonly root = mkdtempSync(join(tmpdir(), 'hf-lfs-storage-'));
  readonly #secret = randomBytes(32);
  readonly #grants = new Map<string, Grant>();
  readonly #objects = new Map<string, StoredObject>();
  readonly #uploads = new Map<string, MultipartUpload>();
  readonly #targeted: Array<{ match: (info: StorageRequestInfo) => boolean; fault: Fault; times: number }> = [];
  readonly #stallTimers = new Set<NodeJS.Timeout>();
  #server: Server | undefined;

  constructor() {
    mkdirSync(join(this.root, 'objects'));
    mkdirSync(join(this.root, 'incoming'));
    mkdirSync(join(this.root, 'parts'));
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('storage not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    // S3 takes as long as a big upload needs: no whole-request time limit (Node's default is 5 minutes).
    this.#server.requestTimeout = 0;
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.#stallTimers) clearTimeout(timer);
    this.#stallTimers.clear();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Applies `fault` to the next `times` requests that `match` (checked before the FIFO queue). */
  faultOn(match: (info: StorageRequestInfo) => boolean, fault: Fault, times = 1): void {
    this.#targeted.push({ match, fault, times });
  }

  /** The storage key of an LFS object of a repository (`repoKey` e.g. `models/acme/awesome-model`). */
  keyFor(repoKey: string, oid: string): string {
    const repoHash = createHash('sha256').update(repoKey.toLowerCase()).digest('hex');
    return `repos/${repoHash.slice(0, 2)}/${repoHash.slice(2, 4)}/${repoHash}/${oid}`;
  }

  object(key: string): StoredObject | undefined {
    return this.#objects.get(key);
  }

  hasObject(key: string): boolean {
    return this.#objects.has(key);
  }

  /** The bytes of a stored object (for tests on small objects; stream `object(key).file` for big ones). */
  readObject(key: string): Buffer {
    const stored = this.#objects.get(key);
    if (!stored) throw new Error(`no object ${key}`);
    return readFileSync(stored.file);
  }

  /** Stores bytes as an object directly (to seed a repository without an upload). */
  storeBytes(key: string, bytes: Uint8Array): StoredObject {
    const incoming = join(this.root, 'incoming', randomBytes(12).toString('hex'));
    writeFileSync(incoming, bytes);
    const oid = createHash('sha256').update(bytes).digest('hex');
    this.#store(key, oid, bytes.byteLength, incoming, `"${createHash('md5').update(bytes).digest('hex')}"`);
    const stored = this.#objects.get(key);
    if (!stored) throw new Error('not stored');
    return stored;
  }

  /** Every stored object. */
  objects(): StoredObject[] {
    return [...this.#objects.values()];
  }

  /** Makes every URL signed so far expire now. */
  expireAllUrls(): void {
    for (const grant of this.#grants.values()) grant.expiresAt = 0;
  }

  /** A pre-signed PUT URL for the object `oid` of `size` bytes at `key` (basic transfer). */
  presignPut(key: string, oid: string, size: number): string {
    return this.#sign({ kind: 'put', key, oid, size, expiresAt: this.#expiry() }, 'PutObject', {});
  }

  /** A pre-signed GET URL for a stored object. */
  presignGet(key: string): string {
    const stored = this.#objects.get(key);
    if (!stored) throw new Error(`no object ${key}`);
    return this.#sign(
      { kind: 'get', key, oid: stored.oid, size: stored.size, expiresAt: this.#expiry() },
      'GetObject',
      {},
    );
  }

  /** Starts a multipart upload: `ceil(size / chunkSize)` signed part URLs and a signed completion query. */
  createMultipartUpload(key: string, oid: string, size: number, chunkSize: number): MultipartPlan {
    const uploadId = randomBytes(24).toString('base64url');
    const partCount = Math.max(1, Math.ceil(size / chunkSize));
    this.#uploads.set(uploadId, { uploadId, key, oid, size, chunkSize, partCount, parts: new Map(), completed: false });
    const expiresAt = this.#expiry();
    const partUrls = Array.from({ length: partCount }, (_unused, index) =>
      this.#sign({ kind: 'part', key, oid, size, expiresAt, uploadId, partNumber: index + 1 }, 'UploadPart', {
        partNumber: String(index + 1),
        uploadId,
      }),
    );
    const expiration = new Date(expiresAt).toUTCString();
    const prefix = key.slice(0, key.lastIndexOf('/'));
    const unsigned = new URLSearchParams({ uploadId, bucket: BUCKET, prefix, expiration });
    const signature = this.#hmac(`complete\n${unsigned.toString()}`);
    this.#grants.set(signature, { kind: 'complete', key, oid, size, expiresAt, uploadId });
    unsigned.set('signature', signature);
    return { uploadId, partUrls, completionQuery: unsigned.toString() };
  }

  /**
   * Handles a multipart completion POST (`?uploadId&bucket&prefix&expiration&signature`, JSON body
   * `{oid, parts: [{partNumber, etag}]}`), on whichever host received it.
   */
  handleCompletion(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    headers: Record<string, string>,
  ): void {
    void this.#complete(request, response, url, headers, undefined);
  }

  #expiry(): number {
    return Date.now() + this.urlLifetimeSeconds * 1000;
  }

  #hmac(text: string): string {
    return createHmac('sha256', this.#secret).update(text).digest('hex');
  }

  #sign(grant: Grant, action: string, extra: Record<string, string>): string {
    const path = `/${BUCKET}/${grant.key}`;
    const date = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
      'X-Amz-Credential': `LOCALTESTKEY/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': String(this.urlLifetimeSeconds),
      'X-Amz-SignedHeaders': 'host',
      ...extra,
      'x-id': action,
    });
    const signature = this.#hmac(`${grant.kind === 'get' ? 'GET' : 'PUT'}\n${path}\n${canonicalQuery(query)}`);
    this.#grants.set(signature, grant);
    query.set('X-Amz-Signature', signature);
    return `${this.url}${path}?${query.toString()}`;
  }

  /** The grant a request's signed URL carries, or an S3 error to send. */
  #checkSignature(method: string, url: URL): Grant | { code: string; message: string; status: number } {
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const query = new URLSearchParams(url.searchParams);
    query.delete('X-Amz-Signature');
    const grant = this.#grants.get(signature);
    if (!grant || this.#hmac(`${method}\n${url.pathname}\n${canonicalQuery(query)}`) !== signature) {
      return {
        status: 403,
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      };
    }
    if (grant.expiresAt <= Date.now()) return { status: 403, code: 'AccessDenied', message: 'Request has expired' };
    return grant;
  }

  #describe(request: IncomingMessage, url: URL): StorageRequestInfo {
    const method = request.method ?? '?';
    const key = url.pathname.startsWith(`/${BUCKET}/`) ? url.pathname.slice(BUCKET.length + 2) : undefined;
    const action = url.searchParams.get('x-id');
    const partNumber = url.searchParams.has('partNumber') ? Number(url.searchParams.get('partNumber')) : undefined;
    const kind =
      method === 'PUT' && action === 'PutObject'
        ? 'put'
        : method === 'PUT' && action === 'UploadPart'
          ? 'part'
          : method === 'POST' && url.pathname === '/api/complete_multipart'
            ? 'complete'
            : (method === 'GET' || method === 'HEAD') && action === 'GetObject'
              ? 'get'
              : 'other';
    return { method, path: url.pathname, kind, key, partNumber };
  }

  #takeFault(info: StorageRequestInfo): Fault | undefined {
    const index = this.#targeted.findIndex((entry) => entry.match(info));
    const targeted = this.#targeted[index];
    if (targeted) {
      targeted.times -= 1;
      if (targeted.times <= 0) this.#targeted.splice(index, 1);
      return targeted.fault;
    }
    return this.faults.take();
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const info = this.#describe(request, url);
    const record: StorageRequestRecord = { ...info, headers: { ...request.headers }, status: undefined };
    this.requests.push(record);
    response.on('finish', () => (record.status = response.statusCode));
    const headers = s3Headers();
    try {
      if (info.path.startsWith('/xet/')) {
        // The CAS URL the Hub hands out when it offers xet: nothing here emulates a Xet CAS server.
        // (CAS calls carry a CAS token, not the Hub token, so they are not storage leaks.)
        this.xetRequests.push({ method: info.method, path: info.path, authorization: request.headers.authorization });
        await drain(request);
        if (this.acceptXetUploads && info.method === 'POST') {
          response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
          response.end('{}');
          return;
        }
        sendS3Error(response, 501, 'NotImplemented', 'This local storage has no Xet CAS server', headers);
        return;
      }
      // S3 refuses a pre-signed URL that also carries an Authorization header; here it is also a leak.
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        this.securityViolations.push({ method: info.method, path: info.path, authorization });
        // S3 echoes the header in the error body: an uploader that logs storage errors verbatim leaks it again.
        sendS3Error(
          response,
          400,
          'InvalidArgument',
          'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
          headers,
          `<ArgumentName>Authorization</ArgumentName><ArgumentValue>${escapeXml(authorization)}</ArgumentValue>`,
        );
        return;
      }
      const fault = this.#takeFault(info);
      if (info.kind === 'complete') {
        await this.#complete(request, response, url, headers, fault);
        return;
      }
      const streaming = info.kind === 'put' || info.kind === 'part';
      if (fault && (await this.#applyGenericFault(fault, request, response, headers, streaming))) return;
      if (streaming) await this.#upload(request, response, url, info, headers, fault);
      else if (info.kind === 'get') this.#download(request, response, url, headers);
      else {
        await drain(request);
        sendS3Error(
          response,
          400,
          'InvalidRequest',
          'This local storage serves only signed LFS uploads and downloads',
          headers,
        );
      }
    } catch (error: unknown) {
      if (!response.headersSent)
        sendS3Error(response, 500, 'InternalError', `storage mock failed: ${String(error)}`, headers);
    }
  }

  /**
   * Applies a fault that replaces the answer. Returns false for `transform`, and for the request-body
   * faults of an upload (`streaming`), which the upload applies while the body streams in.
   */
  async #applyGenericFault(
    fault: Fault,
    request: IncomingMessage,
    response: ServerResponse,
    headers: Record<string, string>,
    streaming: boolean,
  ): Promise<boolean> {
    if (fault.kind === 'transform') return false;
    if (streaming && (fault.kind === 'reset-mid-request-body' || fault.kind === 'stall-request-body')) return false;
    if (fault.kind === 'respond') {
      await drain(request);
      const body = fault.body;
      if (body === undefined)
        sendS3Error(response, fault.status, s3CodeFor(fault.status), 'Injected storage fault', {
          ...headers,
          ...fault.headers,
        });
      else {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        response.writeHead(fault.status, {
          'Content-Type': typeof body === 'string' ? 'application/xml' : 'application/json',
          'Content-Length': String(Buffer.byteLength(text)),
          ...headers,
          ...fault.headers,
        });
        response.end(text);
      }
      return true;
    }
    return applyFault(fault, request, response, headers);
  }

  async #upload(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    info: StorageRequestInfo,
    headers: Record<string, string>,
    fault: Fault | undefined,
  ): Promise<void> {
    if (request.headers['transfer-encoding'] !== undefined) {
      await drain(request);
      sendS3Error(
        response,
        501,
        'NotImplemented',
        'A header you provided implies functionality that is not implemented',
        headers,
        '<Header>Transfer-Encoding</Header>',
      );
      return;
    }
    if (request.headers['content-length'] === undefined) {
      sendS3Error(response, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', headers);
      return;
    }
    const grant = this.#checkSignature('PUT', url);
    if ('code' in grant) {
      await drain(request);
      sendS3Error(response, grant.status, grant.code, grant.message, headers);
      return;
    }
    if (grant.kind !== info.kind || grant.key !== info.key) {
      await drain(request);
      sendS3Error(
        response,
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
        headers,
      );
      return;
    }
    const upload = grant.uploadId === undefined ? undefined : this.#uploads.get(grant.uploadId);
    if (grant.kind === 'part' && (!upload || upload.completed)) {
      await drain(request);
      sendS3Error(
        response,
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        headers,
      );
      return;
    }

    const incoming = join(this.root, 'incoming', randomBytes(12).toString('hex'));
    const meter = new UploadMeter((count) => (this.bytesReceived += count), fault, request, this.#stallTimers);
    this.activeUploads += 1;
    this.peakConcurrentUploads = Math.max(this.peakConcurrentUploads, this.activeUploads);
    try {
      if (fault?.kind === 'stall-request-body' && (fault.afterBytes ?? 0) <= 0) {
        // Read nothing at all: the body stays in the socket until the stall ends the connection.
        request.pause();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.#stallTimers.delete(timer);
            request.socket.destroy();
          }, fault.ms ?? 600_000);
          this.#stallTimers.add(timer);
          request.socket.once('close', () => resolve());
        });
        this.abortedUploads += 1;
        return;
      }
      try {
        await pipeline(request, meter, createWriteStream(incoming));
      } catch {
        this.abortedUploads += 1;
        rmSync(incoming, { force: true });
        return;
      }
      const md5 = meter.md5.digest();
      const sha256 = meter.sha256.digest('hex');
      if (grant.kind === 'part' && upload && grant.partNumber !== undefined) {
        const file = join(this.root, 'parts', `${upload.uploadId}-${grant.partNumber}`);
        renameSync(incoming, file);
        const etag = `"${md5.toString('hex')}"`;
        upload.parts.set(grant.partNumber, { etag, file, size: meter.bytes, md5 });
        response.writeHead(200, { ...headers, ETag: etag, 'Content-Length': '0' });
        response.end();
        return;
      }
      if (sha256 !== grant.oid || meter.bytes !== grant.size) {
        rmSync(incoming, { force: true });
        this.integrityFailures.push({
          key: grant.key,
          expectedOid: grant.oid,
          actualOid: sha256,
          expectedSize: grant.size,
          actualSize: meter.bytes,
        });
        sendS3Error(
          response,
          400,
          'BadDigest',
          'The sha256 you specified did not match the calculated checksum.',
          headers,
        );
        return;
      }
      const etag = `"${md5.toString('hex')}"`;
      this.#store(grant.key, grant.oid, grant.size, incoming, etag);
      response.writeHead(200, { ...headers, ETag: etag, 'Content-Length': '0' });
      response.end();
    } finally {
      this.activeUploads -= 1;
    }
  }

  #store(key: string, oid: string, size: number, from: string, etag: string): void {
    const file = join(this.root, 'objects', createHash('sha256').update(key).digest('hex'));
    renameSync(from, file);
    this.#objects.set(key, { key, oid, size, file, etag });
  }

  async #complete(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    headers: Record<string, string>,
    fault: Fault | undefined,
  ): Promise<void> {
    if (fault && (await this.#applyGenericFault(fault, request, response, headers, false))) return;
    const text = await readText(request, 1024 * 1024);
    const refuse = (status: number, code: string, message: string): void =>
      sendS3Error(response, status, code, message, headers);
    const query = new URLSearchParams(url.searchParams);
    const signature = query.get('signature') ?? '';
    query.delete('signature');
    const grant = this.#grants.get(signature);
    if (!grant || grant.kind !== 'complete' || this.#hmac(`complete\n${query.toString()}`) !== signature) {
      refuse(403, 'SignatureDoesNotMatch', 'Invalid completion signature');
      return;
    }
    if (grant.expiresAt <= Date.now()) {
      refuse(403, 'AccessDenied', 'Request has expired');
      return;
    }
    const upload = grant.uploadId === undefined ? undefined : this.#uploads.get(grant.uploadId);
    if (!upload || upload.completed) {
      refuse(
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      );
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const fields = isRecord(body) ? body : {};
    const parts = Array.isArray(fields['parts']) ? (fields['parts'] as unknown[]) : undefined;
    if (fields['oid'] !== upload.oid || !parts) {
      refuse(
        400,
        'MalformedXML',
        'The completion body must be {"oid": <the upload\'s oid>, "parts": [{"partNumber", "etag"}]}',
      );
      return;
    }
    if (parts.length === 0) {
      refuse(400, 'MalformedXML', 'You must specify at least one part');
      return;
    }
    let previous = 0;
    const chosen: Array<{ file: string; size: number; md5: Buffer }> = [];
    for (const part of parts) {
      const number = isRecord(part) ? part['partNumber'] : undefined;
      const etag = isRecord(part) ? part['etag'] : undefined;
      if (typeof number !== 'number' || typeof etag !== 'string') {
        refuse(400, 'MalformedXML', 'Each part needs a numeric partNumber and an etag');
        return;
      }
      if (number <= previous) {
        refuse(
          400,
          'InvalidPartOrder',
          'The list of parts was not in ascending order. The parts list must be specified in order of the part number.',
        );
        return;
      }
      previous = number;
      const uploaded = upload.parts.get(number);
      if (!uploaded || unquote(uploaded.etag) !== unquote(etag)) {
        refuse(
          400,
          'InvalidPart',
          "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
        );
        return;
      }
      chosen.push(uploaded);
    }
    // Assemble by streaming the parts into one file, hashing on the way.
    const incoming = join(this.root, 'incoming', randomBytes(12).toString('hex'));
    const sha256 = createHash('sha256');
    let size = 0;
    const output = createWriteStream(incoming);
    // A loop rather than one pipeline() per part: pipelines into the same open stream each leave
    // their listeners on it (a 3 GiB upload has 48 parts: MaxListenersExceededWarning).
    for (const part of chosen) {
      for await (const chunk of createReadStream(part.file) as AsyncIterable<Buffer>) {
        sha256.update(chunk);
        size += chunk.length;
        if (!output.write(chunk)) await once(output, 'drain');
      }
    }
    await new Promise<void>((resolve, reject) =>
      output.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    const oid = sha256.digest('hex');
    if (oid !== upload.oid || size !== upload.size) {
      rmSync(incoming, { force: true });
      this.integrityFailures.push({
        key: upload.key,
        expectedOid: upload.oid,
        actualOid: oid,
        expectedSize: upload.size,
        actualSize: size,
      });
      refuse(
        400,
        'BadDigest',
        `The assembled object does not match: expected sha256 ${upload.oid} and ${upload.size} bytes, got ${oid} and ${size} bytes`,
      );
      return;
    }
    upload.completed = true;
    const multipartEtag = `"${createHash('md5')
      .update(Buffer.concat(chosen.map((part) => part.md5)))
      .digest('hex')}-${chosen.length}"`;
    this.#store(upload.key, upload.oid, upload.size, incoming, multipartEtag);
    for (const part of upload.parts.values()) rmSync(part.file, { force: true });
    const answer = JSON.stringify({ oid: upload.oid, size: upload.size });
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(answer)),
      ...headers,
    });
    response.end(answer);
  }

  #download(request: IncomingMessage, response: ServerResponse, url: URL, headers: Record<string, string>): void {
    const grant = this.#checkSignature('GET', url);
    if ('code' in grant) {
      sendS3Error(response, grant.status, grant.code, grant.message, headers);
      return;
    }
    const stored = this.#objects.get(grant.key);
    if (!stored) {
      sendS3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.', headers);
      return;
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(stored.size),
      ETag: stored.etag,
      'Accept-Ranges': 'bytes',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(stored.file).pipe(response);
  }
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

function s3Headers(): Record<string, string> {
  return {
    'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-amz-id-2': randomBytes(48).toString('base64'),
    Server: 'AmazonS3',
  };
}

function s3CodeFor(status: number): string {
  if (status === 503) return 'SlowDown';
  if (status === 500) return 'InternalError';
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'NoSuchKey';
  return 'InvalidRequest';
}

function sendS3Error(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
  extra = '',
): void {
  const requestId = headers['x-amz-request-id'] ?? '';
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}` +
    `<RequestId>${requestId}</RequestId><HostId>${headers['x-amz-id-2'] ?? ''}</HostId></Error>`;
  response.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unquote(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"|"$/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and discards a request body (so the client sees the answer instead of a reset). */
function drain(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (request.readableEnded) {
      resolve();
      return;
    }
    request.on('end', resolve);
    request.on('error', () => resolve());
    request.on('close', () => resolve());
    request.resume();
  });
}

function readText(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
