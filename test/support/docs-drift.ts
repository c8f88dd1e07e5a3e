// Checks that the documentation says what action.yml declares: the README's Inputs and Outputs
// tables (names, order, defaults, required, descriptions modulo Markdown backticks), every `with:`
// key given to this action in the README's YAML blocks and in examples/, and that every example is a
// workflow whose jobs can get an ID token. Also what the Marketplace requires of action.yml's
// metadata (description length, branding icon and colour), which actionlint does not check, and
// that what the workflows tell users works as written: an example is saved under its own name (the
// Trusted Publisher names that file), every `hf` command comes after a step that installs it, no
// stale `huggingface_hub[cli]`, and JavaScript that uses @huggingface/hub passes the token as
// `accessToken` (the library does not read HF_TOKEN). And that every workflow shown follows
// SECURITY.md: `id-token: write` granted per job, never to the whole workflow, and no job that can
// mint a token builds, trains or installs the project's dependencies (that belongs in a job without
// it, handing files over as an artifact); third-party actions at the majors this repository's CI uses.
// Pure functions over file contents, so a test can feed them a mutated copy and prove that drift is
// caught.

import { parse } from 'yaml';

/** How workflows refer to this action; `uses:` values starting with this are checked. */
export const ACTION_REPOSITORY = 'hf-oidc/hf-oidc-token-action';

export interface DeclaredInput {
  name: string;
  description: string;
  default: string;
  required: boolean;
}

export interface DeclaredOutput {
  name: string;
  description: string;
}

export interface ActionManifest {
  inputs: DeclaredInput[];
  outputs: DeclaredOutput[];
}

export interface DocumentFile {
  /** Shown in problems, e.g. `examples/publish-model.yml`. */
  path: string;
  text: string;
}

export interface DocsToCheck {
  actionYml: string;
  readme: string;
  /** The other Markdown pages users read (docs/*.md, SECURITY.md): their YAML blocks are checked as the README's. */
  guides: DocumentFile[];
  examples: DocumentFile[];
  /** The action's major version (package.json); examples must use `@v<major>` or a full SHA. */
  majorVersion: number;
  /** This repository's CI workflow: the third-party actions it pins set the majors docs must use. */
  ciWorkflow: string;
}

type Mapping = Record<string, unknown>;

/** The Marketplace refuses an action whose description is this long or longer. */
export const MARKETPLACE_DESCRIPTION_LIMIT = 125;
/** Feather icons the Marketplace does not offer for `branding.icon`. */
export const OMITTED_FEATHER_ICONS: readonly string[] = [
  'coffee',
  'columns',
  'divide-circle',
  'divide-square',
  'divide',
  'frown',
  'hexagon',
  'key',
  'meh',
  'mouse-pointer',
  'smile',
  'tool',
  'x-octagon',
];
/** The colours the Marketplace offers for `branding.color`. */
export const BRANDING_COLORS: readonly string[] = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark',
];

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the inputs and outputs of action.yml, in declaration order. Throws if its shape is wrong. */
export function parseActionManifest(actionYml: string): ActionManifest {
  const document: unknown = parse(actionYml);
  if (!isMapping(document)) throw new Error('action.yml: not a mapping');
  const inputs: DeclaredInput[] = [];
  const outputs: DeclaredOutput[] = [];
  const declaredInputs = document['inputs'] ?? {};
  const declaredOutputs = document['outputs'] ?? {};
  if (!isMapping(declaredInputs) || !isMapping(declaredOutputs))
    throw new Error('action.yml: inputs/outputs must be mappings');
  for (const [name, spec] of Object.entries(declaredInputs)) {
    if (!isMapping(spec) || typeof spec['description'] !== 'string')
      throw new Error(`action.yml: input ${name} has no description`);
    const fallback = spec['default'] ?? '';
    const required = spec['required'] ?? false;
    if (typeof fallback !== 'string')
      throw new Error(`action.yml: input ${name}: quote the default, the runner passes a string`);
    if (typeof required !== 'boolean') throw new Error(`action.yml: input ${name}: required must be true or false`);
    inputs.push({ name, description: spec['description'], default: fallback, required });
  }
  for (const [name, spec] of Object.entries(declaredOutputs)) {
    if (!isMapping(spec) || typeof spec['description'] !== 'string')
      throw new Error(`action.yml: output ${name} has no description`);
    outputs.push({ name, description: spec['description'] });
  }
  return { inputs, outputs };
}

/** Splits one Markdown table row into trimmed cells; `\|` is a literal bar inside a cell. */
function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * The first table under the `## {heading}` section of a Markdown document, as header and rows.
 * Returns undefined when there is no such section or it holds no table.
 */
export function findSectionTable(
  markdown: string,
  heading: string,
): { header: string[]; rows: string[][] } | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  let index = start + 1;
  while (index < lines.length && !lines[index]!.startsWith('## ') && !lines[index]!.trim().startsWith('|')) index += 1;
  if (index >= lines.length || lines[index]!.startsWith('## ')) return undefined;
  const tableLines: string[] = [];
  while (index < lines.length && lines[index]!.trim().startsWith('|')) {
    tableLines.push(lines[index]!);
    index += 1;
  }
  const [headerLine, separator, ...rowLines] = tableLines;
  if (headerLine === undefined || separator === undefined || !/^\|?\s*:?-{3,}/.test(separator.trim())) return undefined;
  return { header: splitRow(headerLine).map((cell) => cell.toLowerCase()), rows: rowLines.map(splitRow) };
}

/** A cell naming one value: `` `x` `` or x; empty stays empty. */
function unquote(cell: string): string {
  const match = /^`([^`]*)`$/.exec(cell);
  return match ? match[1]! : cell;
}

/** Descriptions compare equal when they differ only by Markdown backticks and spacing. */
export function normaliseDescription(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** The fenced ```yaml blocks of a Markdown document, with the line each starts on. */
export function findYamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^\s*```ya?ml\s*$/.test(lines[index]!)) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end += 1;
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') });
    index = end;
  }
  return blocks;
}

/** Every mapping anywhere in a parsed document whose `uses:` names this action. */
export function findActionSteps(document: unknown): Mapping[] {
  const steps: Mapping[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (isMapping(node)) {
      const uses = node['uses'];
      if (typeof uses === 'string' && uses.startsWith(`${ACTION_REPOSITORY}@`)) steps.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(document);
  return steps;
}

function checkActionStep(step: Mapping, where: string, manifest: ActionManifest, majorVersion: number): string[] {
  const problems: string[] = [];
  const uses = String(step['uses']);
  const ref = uses.slice(ACTION_REPOSITORY.length + 1);
  const major = `v${String(majorVersion)}`;
  if (!(ref === major || ref.startsWith(`${major}.`) || /^[0-9a-f]{40}$/.test(ref))) {
    problems.push(`${where}: uses ${uses}; expected @${major}, @${major}.x.y or a full commit SHA`);
  }
  const given = step['with'] ?? {};
  if (!isMapping(given)) return [...problems, `${where}: with: is not a mapping`];
  const declared = new Set(manifest.inputs.map((input) => input.name));
  for (const key of Object.keys(given)) {
    if (!declared.has(key)) problems.push(`${where}: with: ${key} is not an input declared in action.yml`);
  }
  for (const input of manifest.inputs) {
    if (input.required && !(input.name in given)) problems.push(`${where}: required input ${input.name} is missing`);
  }
  return problems;
}

/** True when a `permissions:` value grants `id-token: write`. */
function grantsIdToken(permissions: unknown): boolean {
  return permissions === 'write-all' || (isMapping(permissions) && permissions['id-token'] === 'write');
}

/**
 * Commands that build, train or install the project's dependencies: whatever they run (setup.py,
 * install scripts, the project's own code) could mint a token in a job with id-token: write.
 */
const BUILD_COMMANDS: readonly { pattern: RegExp; what: string }[] = [
  {
    pattern: /\b(?:uv )?pip3? install\b[^\n]*\s(?:-r|--requirement|-e|--editable|\.)(?:\s|$)/,
    what: 'pip install -r/-e/.',
  },
  { pattern: /\buv (?:sync|run)\b/, what: 'uv sync/run' },
  {
    pattern: /\b(?:npm|pnpm|yarn)\s+(?:ci|run|install(?!\s+(?:--\S+\s+)*@?[\w.-]+(?:\/[\w.-]+)?@))\b/,
    what: 'an npm install of the project, or a script',
  },
  { pattern: /\bpython3?\s+(?!-m\s+pip\b)(?:-m\s+\S+|\S+\.py)\b/, what: 'a Python script' },
  // At the start of a command: `./model` as an argument is a folder, not a script.
  { pattern: /(?:^|[;&|]\s*)(?:make\b|bash\s+\S+\.sh\b|\.\/\S+)/m, what: 'a build script' },
];

/**
 * SECURITY.md's rule for a workflow: id-token: write only on the jobs that publish, never on the
 * whole workflow, and none of those jobs builds or installs the project.
 */
function checkTokenJobs(document: Mapping, where: string): string[] {
  const problems: string[] = [];
  if (grantsIdToken(document['permissions'])) {
    problems.push(
      `${where}: grants id-token: write to the whole workflow; give it to the publishing job only (SECURITY.md)`,
    );
  }
  const jobs = isMapping(document['jobs']) ? document['jobs'] : {};
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isMapping(job) || !grantsIdToken(job['permissions'])) continue;
    for (const steps of findStepLists(job)) {
      for (const step of steps) {
        const run = typeof step['run'] === 'string' ? step['run'] : '';
        const build = BUILD_COMMANDS.find(({ pattern }) => pattern.test(run));
        if (build === undefined) continue;
        problems.push(
          `${where}: job ${jobName} can mint a token (id-token: write) and runs \`${run.split('\n')[0] ?? ''}\` ` +
            `(${build.what}): do that in a job without id-token: write and hand the files over as an artifact (SECURITY.md)`,
        );
      }
    }
  }
  return problems;
}

/** `owner/name` → the major version this repository's CI pins it at (`uses: …@<sha> # v7.0.1`). */
export function pinnedMajors(ciWorkflow: string): Map<string, number> {
  const majors = new Map<string, number>();
  for (const match of ciWorkflow.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@[0-9a-f]{40}\s*#\s*v(\d+)/g)) {
    majors.set(match[1]!, Number(match[2]));
  }
  return majors;
}

/** Third-party actions shown to users at an older (or newer) major than CI uses. */
function checkActionMajors(text: string, where: string, majors: Map<string, number>): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/uses:\s*['"]?([\w.-]+\/[\w.-]+)@v(\d+)\b/g)) {
    const expected = majors.get(match[1]!);
    if (expected !== undefined && Number(match[2]) !== expected) {
      problems.push(`${where}: uses ${match[1]!}@v${match[2]!}; this repository's CI uses v${String(expected)}`);
    }
  }
  return problems;
}

/**
 * The example's header: `Save as:` names `.github/workflows/<its own file name>`, and every
 * `Workflow` field of a Trusted Publisher it describes names that same file (or, after "or", the
 * other candidate of a reusable workflow).
 */
function checkExampleHeader(example: DocumentFile): string[] {
  const problems: string[] = [];
  const fileName = example.path.split('/').pop() ?? '';
  const header = example.text.split('\n').filter((line) => line.startsWith('#'));
  const saveAs = header.map((line) => /^#\s*Save as:\s+(\S+)/.exec(line)?.[1]).find((value) => value !== undefined);
  if (saveAs === undefined) problems.push(`${example.path}: the header has no "Save as:" line`);
  else if (saveAs !== `.github/workflows/${fileName}`) {
    problems.push(
      `${example.path}: says to save it as ${saveAs}, not under its own name .github/workflows/${fileName}`,
    );
  }
  for (const line of header) {
    const workflow = /^#\s+Workflow\s+(\S+)/.exec(line)?.[1];
    if (workflow !== undefined && workflow !== fileName) {
      problems.push(`${example.path}: its Trusted Publisher names the workflow ${workflow}, not ${fileName}`);
    }
  }
  return problems;
}

/** An `hf` command (not `uvx hf`, which needs no install) at the start of a shell command. */
const HF_COMMAND = /(?:^|[\s;&|(])(?<!uvx )hf\s+[a-z]/m;
/** A step that installs the hf CLI. */
const HF_INSTALL = /\b(?:pip|uv pip|uv tool) install\b[^\n]*\bhuggingface_hub\b/;

/** Every list of steps in a parsed document: jobs' `steps:`, or a README snippet that is a list of steps. */
function findStepLists(document: unknown): Mapping[][] {
  const lists: Mapping[][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      if (node.length > 0 && node.every((item) => isMapping(item) && ('run' in item || 'uses' in item))) {
        lists.push(node as Mapping[]);
      }
      node.forEach(visit);
    } else if (isMapping(node)) {
      Object.values(node).forEach(visit);
    }
  };
  visit(document);
  return lists;
}

/** What a workflow tells users to run works as written: hf installed first, @huggingface/hub given the token. */
function checkRunSteps(document: unknown, where: string): string[] {
  const problems: string[] = [];
  for (const steps of findStepLists(document)) {
    let installed = false;
    for (const step of steps) {
      const run = typeof step['run'] === 'string' ? step['run'] : '';
      if (HF_COMMAND.test(run) && !installed && !HF_INSTALL.test(run)) {
        problems.push(`${where}: runs \`${run.split('\n')[0] ?? ''}\` before any step installs the hf CLI`);
      }
      installed ||= HF_INSTALL.test(run);
      if (
        run.includes('@huggingface/hub') &&
        /\bimport\b/.test(run) &&
        !/accessToken:\s*process\.env\.HF_TOKEN/.test(run)
      ) {
        problems.push(
          `${where}: uses @huggingface/hub without \`accessToken: process.env.HF_TOKEN\` (the library does not read HF_TOKEN)`,
        );
      }
    }
  }
  return problems;
}

/** Text that is wrong whatever the context. */
function checkStaleText(text: string, where: string): string[] {
  return /huggingface_hub\[cli\]/.test(text)
    ? [
        `${where}: installs huggingface_hub[cli]; the extra is gone since huggingface_hub 1.0 (pip install -U huggingface_hub)`,
      ]
    : [];
}

function checkExampleWorkflow(
  example: DocumentFile,
  manifest: ActionManifest,
  majorVersion: number,
  majors: Map<string, number>,
): string[] {
  let document: unknown;
  try {
    document = parse(example.text);
  } catch (error) {
    return [
      `${example.path}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    ];
  }
  if (!isMapping(document)) return [`${example.path}: not a workflow (not a mapping)`];
  const problems: string[] = [];
  if (!('on' in document)) problems.push(`${example.path}: no on: trigger`);
  const jobs = document['jobs'];
  if (!isMapping(jobs) || Object.keys(jobs).length === 0) return [...problems, `${example.path}: no jobs:`];
  const workflowGrants = grantsIdToken(document['permissions']);
  let anyGrant = workflowGrants;
  let anyUse = false;
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isMapping(job)) {
      problems.push(`${example.path}: job ${jobName} is not a mapping`);
      continue;
    }
    // A job-level permissions block replaces the workflow's; a job calling a reusable workflow caps
    // the called workflow's permissions, so it needs the grant as much as a job running the action.
    const jobGrants = 'permissions' in job ? grantsIdToken(job['permissions']) : workflowGrants;
    anyGrant ||= jobGrants;
    const steps = findActionSteps(job);
    const callsWorkflow = typeof job['uses'] === 'string';
    anyUse ||= steps.length > 0 || callsWorkflow;
    if ((steps.length > 0 || callsWorkflow) && !jobGrants) {
      problems.push(
        `${example.path}: job ${jobName} needs permissions: id-token: write (job-level permissions replace the workflow's)`,
      );
    }
    steps.forEach((step, index) =>
      problems.push(
        ...checkActionStep(step, `${example.path}: job ${jobName}, step ${String(index + 1)}`, manifest, majorVersion),
      ),
    );
  }
  if (!anyGrant) problems.push(`${example.path}: sets no permissions: id-token: write`);
  if (!anyUse) problems.push(`${example.path}: neither uses ${ACTION_REPOSITORY} nor calls a workflow that does`);
  problems.push(...checkExampleHeader(example), ...checkRunSteps(document, example.path));
  problems.push(...checkTokenJobs(document, example.path), ...checkActionMajors(example.text, example.path, majors));
  problems.push(...checkStaleText(example.text, example.path));
  return problems;
}

function checkReadmeTables(readme: string, manifest: ActionManifest): string[] {
  const problems: string[] = [];
  const inputsTable = findSectionTable(readme, 'Inputs');
  const outputsTable = findSectionTable(readme, 'Outputs');
  if (!inputsTable) problems.push('README: no table under "## Inputs"');
  if (!outputsTable) problems.push('README: no table under "## Outputs"');
  if (!inputsTable || !outputsTable) return problems;

  const column = (header: string[], name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) problems.push(`README: a table lacks the "${name}" column`);
    return index;
  };
  const [iName, iDescription, iDefault, iRequired] = ['name', 'description', 'default', 'required'].map((name) =>
    column(inputsTable.header, name),
  );
  const [oName, oDescription] = ['name', 'description'].map((name) => column(outputsTable.header, name));
  if (problems.length > 0) return problems;

  const documentedInputs = inputsTable.rows.map((row) => ({
    name: unquote(row[iName!] ?? ''),
    description: row[iDescription!] ?? '',
    default: unquote(row[iDefault!] ?? ''),
    required: row[iRequired!] ?? '',
  }));
  const documentedInputNames = documentedInputs.map((input) => input.name);
  const declaredInputNames = manifest.inputs.map((input) => input.name);
  for (const name of documentedInputNames) {
    if (!declaredInputNames.includes(name)) problems.push(`README Inputs: ${name} is not an input in action.yml`);
  }
  for (const input of manifest.inputs) {
    const documented = documentedInputs.find((row) => row.name === input.name);
    if (!documented) {
      problems.push(`README Inputs: action.yml input ${input.name} is not documented`);
      continue;
    }
    if (documented.default !== input.default) {
      problems.push(
        `README Inputs: ${input.name} default is "${documented.default}" in the README, "${input.default}" in action.yml`,
      );
    }
    const required = input.required ? 'yes' : 'no';
    if (documented.required !== required) {
      problems.push(
        `README Inputs: ${input.name} required is "${documented.required}" in the README, "${required}" in action.yml`,
      );
    }
    if (normaliseDescription(documented.description) !== normaliseDescription(input.description)) {
      problems.push(`README Inputs: ${input.name} description differs from action.yml (backticks aside)`);
    }
  }
  if (problems.length === 0 && documentedInputNames.join() !== declaredInputNames.join()) {
    problems.push(
      `README Inputs: order ${documentedInputNames.join(', ')} differs from action.yml's ${declaredInputNames.join(', ')}`,
    );
  }

  const documentedOutputs = outputsTable.rows.map((row) => ({
    name: unquote(row[oName!] ?? ''),
    description: row[oDescription!] ?? '',
  }));
  const declaredOutputNames = manifest.outputs.map((output) => output.name);
  for (const output of documentedOutputs) {
    if (!declaredOutputNames.includes(output.name))
      problems.push(`README Outputs: ${output.name} is not an output in action.yml`);
  }
  for (const output of manifest.outputs) {
    const documented = documentedOutputs.find((row) => row.name === output.name);
    if (!documented) problems.push(`README Outputs: action.yml output ${output.name} is not documented`);
    else if (normaliseDescription(documented.description) !== normaliseDescription(output.description)) {
      problems.push(`README Outputs: ${output.name} description differs from action.yml (backticks aside)`);
    }
  }
  return problems;
}

/** The YAML blocks of a Markdown page (`where` names it in problems, e.g. `README`, `docs/upload.md`). */
function checkMarkdownBlocks(
  markdown: string,
  where: string,
  manifest: ActionManifest,
  majorVersion: number,
  majors: Map<string, number>,
): string[] {
  const problems: string[] = [];
  for (const block of findYamlBlocks(markdown)) {
    const at = `${where} line ${String(block.line)}`;
    let document: unknown;
    try {
      document = parse(block.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      problems.push(`${at}: YAML block does not parse: ${reason ?? ''}`);
      continue;
    }
    findActionSteps(document).forEach((step) => problems.push(...checkActionStep(step, at, manifest, majorVersion)));
    problems.push(...checkRunSteps(document, at), ...checkActionMajors(block.text, at, majors));
    if (isMapping(document) && 'jobs' in document) problems.push(...checkTokenJobs(document, at));
  }
  problems.push(...checkStaleText(markdown, where));
  return problems;
}

/**
 * What the Marketplace checks when a release is published to it: a name, a description under 125
 * characters, and branding with a Feather icon it offers and one of its colours. (Only the omitted
 * icons are listed here, not the whole Feather set: a misspelt icon name is not caught.)
 */
export function checkMarketplaceMetadata(actionYml: string): string[] {
  const document: unknown = parse(actionYml);
  if (!isMapping(document)) return ['action.yml: not a mapping'];
  const problems: string[] = [];
  if (typeof document['name'] !== 'string' || document['name'].trim() === '')
    problems.push('action.yml: the Marketplace needs a name');
  const description = document['description'];
  if (typeof description !== 'string' || description.trim() === '') {
    problems.push('action.yml: the Marketplace needs a description');
  } else if (description.length >= MARKETPLACE_DESCRIPTION_LIMIT) {
    problems.push(
      `action.yml: the description is ${String(description.length)} characters; the Marketplace needs fewer than ${String(MARKETPLACE_DESCRIPTION_LIMIT)}`,
    );
  }
  const branding = document['branding'];
  if (!isMapping(branding)) return [...problems, 'action.yml: the Marketplace needs branding (icon and color)'];
  const icon = branding['icon'];
  if (typeof icon !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(icon)) {
    problems.push(`action.yml: branding.icon ${JSON.stringify(icon)} is not a Feather icon name`);
  } else if (OMITTED_FEATHER_ICONS.includes(icon)) {
    problems.push(
      `action.yml: branding.icon "${icon}" is a Feather icon the Marketplace omits (${OMITTED_FEATHER_ICONS.join(', ')})`,
    );
  }
  const color = branding['color'];
  if (typeof color !== 'string' || !BRANDING_COLORS.includes(color)) {
    problems.push(
      `action.yml: branding.color ${JSON.stringify(color)} is not one the Marketplace offers (${BRANDING_COLORS.join(', ')})`,
    );
  }
  return problems;
}

/** Every way the documentation disagrees with action.yml, or action.yml with the Marketplace; empty when all agree. */
export function checkDocs(docs: DocsToCheck): string[] {
  const manifest = parseActionManifest(docs.actionYml);
  const majors = pinnedMajors(docs.ciWorkflow);
  if (majors.size === 0) return ['the CI workflow pins no third-party action by SHA with its version'];
  const problems = [
    ...checkMarketplaceMetadata(docs.actionYml),
    ...checkReadmeTables(docs.readme, manifest),
    ...checkMarkdownBlocks(docs.readme, 'README', manifest, docs.majorVersion, majors),
    ...docs.guides.flatMap((guide) => checkMarkdownBlocks(guide.text, guide.path, manifest, docs.majorVersion, majors)),
  ];
  if (docs.examples.length === 0) problems.push('examples/: no example workflows found');
  for (const example of docs.examples)
    problems.push(...checkExampleWorkflow(example, manifest, docs.majorVersion, majors));
  return problems;
}

/** The number of `uses: hf-oidc/hf-oidc-token-action@…` steps in Markdown blocks and examples (so a test can tell the check saw some). */
export function countActionSteps(docs: DocsToCheck): number {
  const markdown = [docs.readme, ...docs.guides.map((guide) => guide.text)];
  const fromReadme = markdown.flatMap(findYamlBlocks).reduce((sum, block) => {
    try {
      return sum + findActionSteps(parse(block.text)).length;
    } catch {
      return sum;
    }
  }, 0);
  return docs.examples.reduce((sum, example) => {
    try {
      return sum + findActionSteps(parse(example.text)).length;
    } catch {
      return sum;
    }
  }, fromReadme);
}
