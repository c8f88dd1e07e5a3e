// CI self-test (.github/workflows/ci.yml, job self-test): a local Hub on the runner for the action to
// exchange the job's real GitHub ID token at, so the runner itself exercises action.yml's wiring
// (node24, the post step, masking) end to end.
//
// The Hub verifies what it is given as the real Hub would: the ID token's RS256 signature against
// GitHub's published keys (JWKS, fetched over HTTPS), its issuer (token.actions.githubusercontent.com),
// its audience (--audience, which the workflow also passes to the action), its expiry, and then a
// Trusted Publisher: the repository and the workflow file the job runs in. A token from anywhere
// else, for another audience, or expired is refused. It also serves git for the resource (git
// http-backend), so the job can clone through the credential helper that git-credentials configures.
//
// Usage (in the background; the runner ends it with the job):
//   node .build/scripts/self-test-hub.js --repository owner/repo --workflow ci.yml \
//     --audience <aud> --resource <namespace/name> --ready-file <path> [--jwks-url <url>]
// When it listens, it appends `url=http://127.0.0.1:<port>` to $GITHUB_OUTPUT and creates the
// ready file. Each exchange is logged on one line, without any token.

import { writeFileSync, appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GitServer } from '../test/support/git-server.js';
import { HubServer } from '../test/support/hub-server.js';

const GITHUB_JWKS = 'https://token.actions.githubusercontent.com/.well-known/jwks';
/** The runner ends background processes with the job; this is a backstop for a run outside one. */
const LIFETIME_MS = 30 * 60 * 1000;

const { values } = parseArgs({
  options: {
    repository: { type: 'string' },
    workflow: { type: 'string' },
    audience: { type: 'string' },
    resource: { type: 'string' },
    'ready-file': { type: 'string' },
    'jwks-url': { type: 'string', default: GITHUB_JWKS },
  },
  strict: true,
});

function required(name: 'repository' | 'workflow' | 'audience' | 'resource' | 'ready-file'): string {
  const value = values[name];
  if (value === undefined || value === '') throw new Error(`self-test-hub: --${name} is required`);
  return value;
}

const resource = required('resource');
const hub = new HubServer(values['jwks-url']);
hub.audience = required('audience');
hub.addPublisher(resource, { repository: required('repository'), workflow: required('workflow') });
const git = new GitServer(hub);
git.createRepository(resource);
hub.git = git;
await hub.start();

let seen = '';
setInterval(() => {
  const counts = `exchange requests: ${String(hub.exchangeRequests.length)}, tokens issued: ${String(hub.issuedTokens.length)}`;
  if (counts !== seen) console.log(`${new Date().toISOString()} ${counts}`);
  seen = counts;
}, 200).unref();
setTimeout(() => process.exit(0), LIFETIME_MS);

const outputFile = process.env['GITHUB_OUTPUT'];
if (outputFile) appendFileSync(outputFile, `url=${hub.url}\n`);
console.log(
  `Local Hub at ${hub.url}: trusts ${required('repository')} (workflow ${required('workflow')}) for ${resource}; ` +
    `audience ${hub.audience}; keys from ${values['jwks-url']}`,
);
writeFileSync(required('ready-file'), `${hub.url}\n`);
