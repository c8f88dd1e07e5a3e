// Who is calling: the action's name and version, from package.json (one place to bump), sent in the
// User-Agent so the Hub's logs (and a support request quoting an x-request-id) show which action and
// version made the request.
import manifest from '../package.json' with { type: 'json' };

export const ACTION_NAME = manifest.name;
export const ACTION_VERSION = manifest.version;
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION} (GitHub Actions)`;
