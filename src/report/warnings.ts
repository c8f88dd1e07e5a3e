// Warnings about the job's environment that would make the token this action exports go unused.

import { logWarning } from '../runner/log.js';
import type { Settings } from '../inputs.js';
import { toInertLine } from '../runner/sanitize.js';

/**
 * huggingface_hub 1.19+ does its own exchange when HF_OIDC_RESOURCE is set, and then ignores HF_TOKEN:
 * Python tools would silently not use this action's token. One warning, with both ways out.
 */
export function warnAboutPythonOidcResource(settings: Pick<Settings, 'pythonOidcResource'>): void {
  if (settings.pythonOidcResource === undefined) return;
  logWarning(
    `HF_OIDC_RESOURCE is set in this job (${JSON.stringify(toInertLine(settings.pythonOidcResource, 120))}), so huggingface_hub 1.19 and later ` +
      "(the `hf` CLI, transformers, datasets) ignore HF_TOKEN and exchange the job's ID token by themselves. " +
      "To have Python tools use the token this action exports, remove HF_OIDC_RESOURCE from the job's `env:`. " +
      'To let a long Python process renew its own token instead, keep it and make sure the job has `permissions: id-token: write`.',
  );
}
