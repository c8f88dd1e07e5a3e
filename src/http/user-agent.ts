// Kept in step with package.json by test/unit/version.test.ts; sent in the User-Agent so the Hub's
// logs (and a support request quoting an x-request-id) show which action and version called.
export const ACTION_NAME = 'hf-oidc-token-action';
export const ACTION_VERSION = '1.0.0';
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION} (GitHub Actions)`;
