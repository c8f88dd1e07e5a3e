// The repository card's metadata (the YAML block at the top of the root README.md), checked by the
// Hub before any byte is uploaded: the Hub refuses a commit whose card metadata is invalid, and
// without this check that refusal would come only after every file was sent. As huggingface_hub
// (`HfApi._validate_yaml`: `POST {hub}/api/validate-yaml` with `{"content", "repoType"}`; 400 with
// `{"errors": [{"message"}]}` when invalid; `warnings` otherwise).
//
// Only a definite "invalid" (400 or 422) stops the upload. Any other answer (the endpoint missing on
// a private hub, a token it does not accept, an outage) is a warning: the Hub checks the card again
// at the commit. Kernel repositories are not checked (whether the endpoint knows their type is
// unverified). The Hub's words are untrusted: each is sanitised, token shapes redacted.

import { ActionError } from '../errors.js';
import type { HttpResponse } from '../http/request.js';
import { isJsonObject, parseJsonObject } from '../http/json.js';
import { requestIdOf } from '../http/headers.js';
import { hubEndpoint } from '../hub/hub-url.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import type { HubRequests } from './branch.js';
import type { PlannedFile } from './plan.js';
import { readWholeFile } from './local-file.js';
import { redactTokenShapes } from './refusals.js';

/** The card the Hub reads: README.md at the repository's root. */
export const CARD_PATH = 'README.md';
/** The Hub sends files of 10 MiB or more through LFS, and reads no card metadata from those. */
const MAX_CARD_BYTES = 10 * 1024 * 1024;
const MAX_MESSAGES = 5;

export interface ReadmeContext {
  readonly requests: HubRequests;
  readonly hubUrl: URL;
  readonly repoKind: 'model' | 'dataset' | 'space' | 'kernel';
  /** Secrets that must not appear in what is printed, whatever the Hub echoes. */
  readonly secrets: () => readonly string[];
  readonly log: (line: string) => void;
  readonly warn: (line: string) => void;
}

/** What the check found: no card in the upload, a card the Hub accepted, or no answer to rely on. */
export type ReadmeCheck = 'no-card' | 'valid' | 'not-checked';

const CARD_DOCS: Record<ReadmeContext['repoKind'], string> = {
  model: 'https://huggingface.co/docs/hub/model-cards',
  dataset: 'https://huggingface.co/docs/hub/datasets-cards',
  space: 'https://huggingface.co/docs/hub/spaces-config-reference',
  kernel: 'https://huggingface.co/docs/hub/model-cards',
};

/** Asks the Hub to check the root README.md's metadata; throws README_INVALID when it refuses it. */
export async function checkReadmeMetadata(files: readonly PlannedFile[], context: ReadmeContext): Promise<ReadmeCheck> {
  const card = files.find((file) => file.pathInRepo === CARD_PATH);
  if (card === undefined) return 'no-card';
  if (context.repoKind === 'kernel' || card.size >= MAX_CARD_BYTES) return 'not-checked';
  // Read as every planned file is: only if it is still the file the plan chose (planned-file.ts).
  const content = (await readWholeFile(card)).toString('utf8');
  const response = await context.requests.send({
    method: 'POST',
    url: hubEndpoint(context.hubUrl, 'api/validate-yaml'),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ content, repoType: context.repoKind }),
    what: `checking the metadata of ${CARD_PATH}`,
  });
  const requestId = requestIdOf(response.headers);
  const quoted = (field: 'errors' | 'warnings'): string[] => messages(response, field, context.secrets());
  if (response.status === 400 || response.status === 422) {
    const problems = quoted('errors');
    const error = parseJsonObject(response.body).object?.['error'];
    const fallback = sanitizeServerText(
      redactTokenShapes(typeof error === 'string' ? error : '', context.secrets()),
      200,
    );
    throw new ActionError(
      `The metadata of ${CARD_PATH} (the YAML block at its top) was refused by ${context.hubUrl.host}: ` +
        (problems.length > 0 ? problems.join('; ') : fallback || `HTTP ${response.status}`) +
        `${requestId ? ` (x-request-id: ${requestId})` : ''}. Nothing was uploaded.`,
      {
        code: 'README_INVALID',
        hint: `Fix the metadata of ${card.relativePath} (the fields are described at ${CARD_DOCS[context.repoKind]}), then re-run.`,
      },
    );
  }
  if (response.status < 200 || response.status >= 300) {
    context.warn(
      `Could not check the metadata of ${CARD_PATH} before uploading: ${context.hubUrl.host} answered HTTP ` +
        `${response.status}${requestId ? ` (x-request-id: ${requestId})` : ''}. The Hub checks it again at the commit.`,
    );
    return 'not-checked';
  }
  for (const warning of quoted('warnings')) context.warn(`The metadata of ${CARD_PATH}: ${warning}`);
  context.log(`The metadata of ${CARD_PATH} is valid for the Hub.`);
  return 'valid';
}

/** The `message` of each entry of the answer's `errors` or `warnings`, sanitised, at most a few. */
function messages(response: HttpResponse, field: 'errors' | 'warnings', secrets: readonly string[]): string[] {
  const listed = parseJsonObject(response.body).object?.[field];
  if (!Array.isArray(listed)) return [];
  const texts = (listed as unknown[]).flatMap((entry) => {
    const message = isJsonObject(entry) ? entry['message'] : entry;
    return typeof message === 'string' && message.trim() !== ''
      ? [sanitizeServerText(redactTokenShapes(message, secrets), 200)]
      : [];
  });
  return texts.length > MAX_MESSAGES
    ? [...texts.slice(0, MAX_MESSAGES), `and ${texts.length - MAX_MESSAGES} more`]
    : texts;
}
