// `npm run demo`: runs the bundled action (dist/index.js) end to end against the embedded local
// GitHub OIDC issuer and local Hub, and prints what a workflow run would show: the step's log, the
// exported variables and outputs (token redacted) and the job summary as the run page shows it
// (rendered as text). The GitHub repository (acme/model-training) and the Hub repository
// (acme-ai/awesome-model) have different names, so each setting shows where it comes from.
// Four runs: one the Hub trusts; one it refuses because the run is for a tag, to show the
// diagnostics; a folder published in one step with `upload`; and the same again, unchanged.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubCommitApi } from '../test/support/hub-commit-api.js';
import { startLocalServices, type LocalServices } from '../test/support/local-services.js';
import { createJob, runAction, type RunOptions, type RunResult } from '../test/support/run-action.js';
import { maskText, renderRunnerLog } from '../test/support/runner-log.js';
import { renderSummaryText } from '../test/support/summary-text.js';

/** The GitHub repository whose workflow runs, and the Hub repository it publishes to. */
const GITHUB_REPOSITORY = 'acme/model-training';
const HUB_REPOSITORY = 'acme-ai/awesome-model';
const WORKFLOW_FILE = 'publish.yml';
const RUNS = 4;

const bold = (text: string): string => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text);
const indent = (text: string): string => text.replace(/^(?=.)/gm, '  ');
/** What the demo is doing, while it does it (a run takes a second or two; the upload's file more). */
const progress = (text: string): void => console.log(`… ${text}`);

function show(title: string, workflowStep: string, result: RunResult, services: LocalServices): void {
  const secrets = [...services.secrets().idTokens, ...services.secrets().hubTokens];
  const redact = (value: string): string => maskText(value, secrets);
  console.log(`\n${bold(`━━ ${title} ━━`)}`);
  console.log(`${bold('Workflow step:')}\n${workflowStep}`);
  console.log(`\n${bold(`Step log (exit code ${String(result.exitCode)}):`)}`);
  console.log(indent(renderRunnerLog(result.stdout)));
  console.log(`\n${bold('Exported to later steps (GITHUB_ENV):')}`);
  const exported = Object.entries(result.exported);
  console.log(
    exported.length ? exported.map(([name, value]) => `  ${name}=${redact(value)}`).join('\n') : '  (nothing)',
  );
  console.log(`\n${bold('Step outputs (GITHUB_OUTPUT):')}`);
  const outputs = Object.entries(result.outputs);
  console.log(outputs.length ? outputs.map(([name, value]) => `  ${name}=${redact(value)}`).join('\n') : '  (none)');
  console.log(`\n${bold('Job summary (GITHUB_STEP_SUMMARY, as the run page shows it):')}`);
  console.log(indent(renderSummaryText(redact(result.summary))) || '  (empty)');
  console.log('');
}

console.log(bold('npm run demo: the bundled action (dist/index.js), end to end, on loopback only.'));
progress('starting a local GitHub OIDC issuer and a local Hub');
const services = await startLocalServices();
try {
  const workflowRef = (ref: string): string => `${GITHUB_REPOSITORY}/.github/workflows/${WORKFLOW_FILE}@${ref}`;
  services.issuer.identity = {
    ...services.issuer.identity,
    repository: GITHUB_REPOSITORY,
    workflowFile: WORKFLOW_FILE,
  };
  services.hub.addPublisher(HUB_REPOSITORY, { repository: GITHUB_REPOSITORY, branch: 'main', workflow: WORKFLOW_FILE });
  console.log(`  issuer ${services.issuer.url}  (signs RS256 ID tokens as ${services.issuer.issuer})`);
  console.log(`  hub    ${services.hub.url}`);
  console.log(
    `  The workflow .github/workflows/${WORKFLOW_FILE} of the GitHub repository ${GITHUB_REPOSITORY} publishes to the ` +
      `Hub repository ${HUB_REPOSITORY}, whose Trusted Publisher names: repository ${GITHUB_REPOSITORY}, ` +
      `branch main, workflow ${WORKFLOW_FILE}.`,
  );

  const step = (extra = ''): string =>
    `  - uses: hf-oidc/hf-oidc-token-action@v1\n    with:\n      resource: ${HUB_REPOSITORY}\n      hub-url: ` +
    `${services.hub.url}   # the local hub; omit for huggingface.co${extra}`;
  /** The action as a run of GITHUB_REPOSITORY's workflow on `ref` starts it. */
  const run = (number: number, inputs: Record<string, string>, ref: string, options: Partial<RunOptions> = {}) => {
    progress(`run ${String(number)} of ${String(RUNS)}: starting dist/index.js as the runner does`);
    return runAction({
      ...services.runOptions({ resource: HUB_REPOSITORY, ...inputs }),
      ...options,
      env: { GITHUB_REPOSITORY, GITHUB_REF: ref, GITHUB_WORKFLOW_REF: workflowRef(ref) },
    });
  };

  const success = await run(1, {}, 'refs/heads/main');
  show(
    `1. A push to main of ${GITHUB_REPOSITORY}: the Hub trusts the run and issues a token`,
    step(),
    success,
    services,
  );

  services.issuer.identity = { ...services.issuer.identity, ref: 'refs/tags/v1.0.0' };
  const refused = await run(2, {}, 'refs/tags/v1.0.0');
  show('2. The same workflow on a tag: the publisher pins branch main, so the Hub refuses', step(), refused, services);

  // 3 and 4: `upload`, against the local Hub's commit API and its storage host.
  services.issuer.identity = { ...services.issuer.identity, ref: 'refs/heads/main' };
  const api = await HubCommitApi.start(services.hub);
  const job = createJob();
  let published: RunResult;
  let unchanged: RunResult;
  try {
    api.createRepo(HUB_REPOSITORY);
    progress('writing a folder to publish: README.md, config.json and a 120 MiB model.safetensors');
    const folder = join(job.workspace, 'model');
    mkdirSync(folder);
    writeFileSync(join(folder, 'README.md'), '---\nlicense: mit\n---\n# Awesome model\n');
    writeFileSync(join(folder, 'config.json'), '{"hidden_size": 64}\n');
    writeFileSync(join(folder, 'model.safetensors'), randomBytes(120 * 1024 * 1024));
    const uploadStep = step('\n      upload: ./model');
    published = await run(3, { upload: 'model' }, 'refs/heads/main', { job });
    show(
      '3. `upload`: the same step publishes a folder (120 MiB through LFS) with the new token',
      uploadStep,
      published,
      services,
    );
    const [commit] = api.commits(HUB_REPOSITORY);
    console.log(`\n${bold(`The commit on the Hub (${HUB_REPOSITORY}):`)}`);
    console.log(indent(`${commit?.title ?? '?'}\n\n${(commit?.description ?? '').trim()}`));
    unchanged = await run(4, { upload: 'model' }, 'refs/heads/main', { job });
    show('4. The same run again: nothing changed, so no commit', uploadStep, unchanged, services);
  } finally {
    job.remove();
    await api.stop();
  }

  const ok =
    success.exitCode === 0 &&
    refused.exitCode === 1 &&
    published.exitCode === 0 &&
    unchanged.exitCode === 0 &&
    api.commits(HUB_REPOSITORY).length === 2;
  console.log(
    `\n${bold(ok ? 'Demo finished: every run behaved as a workflow would.' : 'Demo FAILED: a run did not behave as expected.')}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await services.stop();
}
