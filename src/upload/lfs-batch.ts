// The Git LFS batch call (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md, as the
// Hub serves it at `{hub}/{[datasets/|spaces/]}{ns}/{name}.git/info/lfs/objects/batch`): which of
// these objects the Hub's storage still needs, and where to send each one. The answer is `unknown`
// until narrowed here into plain instructions: already stored, one PUT (basic), or parts and a
// completion (multipart), each maybe with a verify call. Any credential in the answer (an
// Authorization value for a storage host, a Xet token) is handed to `onCredential` (masked) before
// anything else reads it, and cut out of any message made from the answer.
//
// Only `basic` and `multipart` are offered, never `xet`: the Hub's LFS bridge accepts them on
// Xet-backed repositories (hub-docs xet/legacy-git-lfs.md), they are what the tests run against
// the real protocol, and @huggingface/hub's Xet path measured 7× slower here with 600 MiB peaks
// (BENCHMARKS.md, "Why not Xet").

import { RemoteError } from '../errors.js';
import { isJsonObject, parseJsonObject } from '../http/json.js';
import { hubEndpoint } from '../hub/hub-url.js';
import { findReceivedCredentials } from './received-credentials.js';
import { redactTokenShapes } from './refusals.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { PROCESSING_MS, type UploadTransport } from './transport.js';
import type { HttpResponse } from '../http/request.js';

/** The transfers the action offers, in its order of preference (huggingface_hub's default too). */
export const OFFERED_TRANSFERS = ['basic', 'multipart'] as const;
const LFS_JSON = 'application/vnd.git-lfs+json';

export interface LfsObject {
  readonly oid: string;
  readonly size: number;
}

/** Where to send one object's bytes, as the batch answer said. */
export type LfsInstruction =
  | { readonly kind: 'stored' }
  | { readonly kind: 'basic'; readonly href: URL; readonly verify: URL | undefined }
  | {
      readonly kind: 'multipart';
      readonly partUrls: readonly URL[];
      readonly chunkSize: number;
      readonly completion: URL;
      readonly verify: URL | undefined;
    };

export interface BatchContext {
  readonly transport: UploadTransport;
  readonly hubUrl: URL;
  /** `ns/name`, `datasets/ns/name`: the repository's path on the hub. */
  readonly webPath: string;
  readonly revision: string;
  readonly refusal: (what: string) => (response: HttpResponse) => RemoteError;
  /** Receives each credential found in the answer, before it is read further (to mask it). */
  readonly onCredential: (credential: string) => void;
  /** Secrets to cut out of any message (the Hub token, credentials received). */
  readonly secrets: () => readonly string[];
  readonly signal?: AbortSignal;
}

/** Asks the hub where each object goes; the instructions are in the order of `objects`. */
export async function requestBatch(objects: readonly LfsObject[], context: BatchContext): Promise<LfsInstruction[]> {
  const url = hubEndpoint(context.hubUrl, `${context.webPath}.git/info/lfs/objects/batch`);
  const response = await context.transport.send(
    {
      method: 'POST',
      url,
      headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON },
      body: JSON.stringify({
        operation: 'upload',
        transfers: OFFERED_TRANSFERS,
        hash_algo: 'sha256',
        ref: { name: context.revision },
        objects: objects.map(({ oid, size }) => ({ oid, size })),
      }),
      what: 'the LFS batch request',
      processingMs: PROCESSING_MS.quick,
      ...(context.signal ? { signal: context.signal } : {}),
    },
    context.refusal('The LFS batch request'),
  );
  for (const credential of findReceivedCredentials(response.body)) context.onCredential(credential);
  const answer = parseJsonObject(response.body).object;
  const transfer = answer?.['transfer'] ?? 'basic';
  if (transfer !== 'basic' && transfer !== 'multipart') {
    throw malformed(
      `chose the transfer ${JSON.stringify(sanitizeServerText(typeof transfer === 'string' ? transfer : JSON.stringify(transfer), 40))}, which was not offered`,
    );
  }
  const listed = answer?.['objects'];
  if (!Array.isArray(listed)) throw malformed('has no `objects` list');
  const byOid = new Map<string, Record<string, unknown>>();
  for (const entry of listed as unknown[]) {
    if (isJsonObject(entry) && typeof entry['oid'] === 'string') byOid.set(entry['oid'], entry);
  }
  return objects.map((object) => {
    const entry = byOid.get(object.oid);
    if (!entry) throw malformed(`does not mention the object ${object.oid}`);
    return narrowObject(object, entry, context.secrets());
  });
}

function narrowObject(object: LfsObject, entry: Record<string, unknown>, secrets: readonly string[]): LfsInstruction {
  const error = entry['error'];
  if (isJsonObject(error)) {
    const message = typeof error['message'] === 'string' ? error['message'] : '';
    throw new RemoteError(
      `The hub refused to store an LFS object of ${object.size} bytes (${object.oid.slice(0, 12)}…): ` +
        `${String(typeof error['code'] === 'number' ? error['code'] : '?')} ` +
        JSON.stringify(sanitizeServerText(redactTokenShapes(message, secrets), 200)),
      { code: 'HUB_REFUSED', transient: false, hint: 'If it persists, report it to Hugging Face with this log.' },
    );
  }
  const actions = isJsonObject(entry['actions']) ? entry['actions'] : undefined;
  const upload = isJsonObject(actions?.['upload']) ? actions['upload'] : undefined;
  if (!upload) return { kind: 'stored' };
  const href = httpUrl(upload['href'], 'upload');
  const verifyAction = isJsonObject(actions?.['verify']) ? actions['verify'] : undefined;
  const verify = verifyAction ? httpUrl(verifyAction['href'], 'verify') : undefined;
  const header = isJsonObject(upload['header']) ? upload['header'] : {};
  const chunkSize = Number(header['chunk_size']);
  if (header['chunk_size'] === undefined) return { kind: 'basic', href, verify };
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0)
    throw malformed('gives a multipart chunk_size that is not a size');
  // The part URLs are the header's numbered keys ("00001", "00002", …), in number order.
  const parts = Object.entries(header)
    .filter(([key]) => /^\d+$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => httpUrl(value, 'part'));
  if (parts.length !== Math.ceil(object.size / chunkSize)) {
    throw malformed(`gives ${parts.length} part URLs for ${object.size} bytes in parts of ${chunkSize}`);
  }
  return { kind: 'multipart', partUrls: parts, chunkSize, completion: href, verify };
}

function httpUrl(value: unknown, what: string): URL {
  try {
    const url = new URL(typeof value === 'string' ? value : '');
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // reported below
  }
  throw malformed(`gives an ${what} URL that is not an http(s) URL`);
}

function malformed(problem: string): RemoteError {
  return new RemoteError(`The hub's answer to the LFS batch request ${problem}.`, {
    code: 'MALFORMED_RESPONSE',
    transient: false,
    hint: 'Check that `hub-url` points at a Hugging Face Hub. If it does, report it with the x-request-id in the debug log.',
  });
}
