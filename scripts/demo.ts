// `npm run demo`: runs the bundled action (dist/index.js) end to end against the embedded local
// GitHub OIDC issuer and local Hub, and prints what a workflow run would show: the step's log, the
// exported variables and outputs (token redacted) and the job summary. Two runs: one that succeeds,
// and one the Hub refuses because the run is for a tag, to show the diagnostics. Then `upload`: a
// folder published in one step (with the local Hub's commit API), and the same again, unchanged.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubCommitApi } from '../test/support/hub-commit-api.js';
import { startLocalServices } from '../test/support/local-services.js';
import { createJob, runAction, type RunResult } from '../test/support/run-action.js';
import { maskText, renderRunnerLog } from '../test/support/runner-log.js';

const bold = (text: string): string => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text);

function show(title: string, workflowStep: string, result: RunResult, secrets: string[]): void {
  console.log(`\n${bold(`━━ ${title} ━━`)}`);
  console.log(`${bold('Workflow step:')}\n${workflowStep}`);
  console.log(`\n${bold(`Step log (exit code ${String(result.exitCode)}):`)}`);
  console.log(renderRunnerLog(result.stdout).replace(/^/gm, '  '));
  const redact = (value: string): string => maskText(value, secrets);
  console.log(`\n${bold('Exported to later steps (GITHUB_ENV):')}`);
  const exported = Object.entries(result.exported);
  console.log(
    exported.length ? exported.map(([name, value]) => `  ${name}=${redact(value)}`).join('\n') : '  (nothing)',
  );
  console.log(`\n${bold('Step outputs (GITHUB_OUTPUT):')}`);
  const outputs = Object.entries(result.outputs);
  console.log(outputs.length ? outputs.map(([name, value]) => `  ${name}=${redact(value)}`).join('\n') : '  (none)');
  console.log(`\n${bold('Job summary (GITHUB_STEP_SUMMARY, HTML/Markdown):')}`);
  console.log(redact(result.summary).trim().replace(/^/gm, '  ') || '  (empty)');
}

const services = await startLocalServices();
try {
  console.log(bold('Local GitHub OIDC issuer and Hugging Face Hub token endpoint started on loopback:'));
  console.log(`  issuer ${services.issuer.url}  (signs RS256 ID tokens as ${services.issuer.issuer})`);
  console.log(
    `  hub    ${services.hub.url}  (Trusted Publisher for acme/awesome-model: repository acme/awesome-model, ` +
      `branch main, workflow publish.yml)`,
  );

  const step = (extra = ''): string =>
    `  - uses: hf-oidc/hf-oidc-token-action@v1\n    with:\n      resource: acme/awesome-model\n      hub-url: ` +
    `${services.hub.url}   # the local hub; omit for huggingface.co${extra}`;

  const success = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
  show('1. A push to main: the Hub trusts the run and issues a token', step(), success, [
    ...services.secrets().idTokens,
    ...services.secrets().hubTokens,
  ]);

  services.issuer.identity = { ...services.issuer.identity, ref: 'refs/tags/v1.0.0' };
  const refused = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
  show('2. The same workflow on a tag: the publisher pins branch main, so the Hub refuses', step(), refused, [
    ...services.secrets().idTokens,
    ...services.secrets().hubTokens,
  ]);

  // 3 and 4: `upload`, against the local Hub's commit API and its storage host.
  services.issuer.identity = { ...services.issuer.identity, ref: 'refs/heads/main' };
  const api = await HubCommitApi.start(services.hub);
  const job = createJob();
  let published: RunResult;
  let unchanged: RunResult;
  try {
    api.createRepo('acme/awesome-model');
    const folder = join(job.workspace, 'model');
    mkdirSync(folder);
    writeFileSync(join(folder, 'README.md'), '# Awesome model\n');
    writeFileSync(join(folder, 'config.json'), '{"hidden_size": 64}\n');
    writeFileSync(join(folder, 'model.safetensors'), randomBytes(120 * 1024 * 1024));
    const uploadStep = step('\n      upload: ./model');
    const env = { GITHUB_WORKFLOW_REF: 'acme/awesome-model/.github/workflows/publish.yml@refs/heads/main' };
    published = await runAction({
      ...services.runOptions({ resource: 'acme/awesome-model', upload: 'model' }),
      job,
      env,
    });
    show(
      '3. `upload`: the same step publishes a folder (120 MiB through LFS) with the new token',
      uploadStep,
      published,
      [...services.secrets().idTokens, ...services.secrets().hubTokens],
    );
    const [commit] = api.commits('acme/awesome-model');
    console.log(
      `\n${bold('The commit on the Hub:')}\n  ${commit?.title ?? '?'}\n${(commit?.description ?? '').replace(/^/gm, '  ')}`,
    );
    unchanged = await runAction({
      ...services.runOptions({ resource: 'acme/awesome-model', upload: 'model' }),
      job,
      env,
    });
    show('4. The same run again: nothing changed, so no commit', uploadStep, unchanged, [
      ...services.secrets().idTokens,
      ...services.secrets().hubTokens,
    ]);
  } finally {
    job.remove();
    await api.stop();
  }

  const ok =
    success.exitCode === 0 &&
    refused.exitCode === 1 &&
    published.exitCode === 0 &&
    unchanged.exitCode === 0 &&
    api.commits('acme/awesome-model').length === 2;
  console.log(
    `\n${bold(ok ? 'Demo finished: every run behaved as a workflow would.' : 'Demo FAILED: a run did not behave as expected.')}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await services.stop();
}
