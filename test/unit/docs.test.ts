// The documentation cannot drift from action.yml: the README's tables, every `with:` key in the
// README, docs/ and SECURITY.md and in examples/, and the examples' permissions; and action.yml keeps to the Marketplace's
// rules (description length, branding). The second half feeds the checker mutated
// copies of the real files, so a checker that stopped seeing anything would fail here too.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkDocs,
  checkMarketplaceMetadata,
  countActionSteps,
  findSectionTable,
  MARKETPLACE_DESCRIPTION_LIMIT,
  normaliseDescription,
  parseActionManifest,
  type DocsToCheck,
} from '../support/docs-drift.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

function listYamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const manifestVersion = (JSON.parse(read('package.json')) as { version: string }).version;

function realDocs(): DocsToCheck {
  return {
    actionYml: read('action.yml'),
    readme: read('README.md'),
    guides: ['SECURITY.md', ...readdirSync(join(root, 'docs')).map((file) => `docs/${file}`)]
      .filter((path) => path.endsWith('.md'))
      .map((path) => ({ path, text: read(path) })),
    examples: listYamlFiles(join(root, 'examples')).map((path) => ({
      path: relative(root, path),
      text: readFileSync(path, 'utf8'),
    })),
    majorVersion: Number(manifestVersion.split('.')[0]),
    ciWorkflow: read('.github/workflows/ci.yml'),
  };
}

describe('the documentation matches action.yml', () => {
  it('has no drift: README tables, README and examples/ with: keys, example permissions', () => {
    expect(checkDocs(realDocs())).toEqual([]);
  });

  it('actually looked at something: every input and output, and action steps in README and examples', () => {
    const docs = realDocs();
    const manifest = parseActionManifest(docs.actionYml);
    expect(manifest.inputs.map((input) => input.name)).toContain('resource');
    expect(manifest.outputs.map((output) => output.name)).toContain('token');
    expect(findSectionTable(docs.readme, 'Inputs')?.rows).toHaveLength(manifest.inputs.length);
    expect(findSectionTable(docs.readme, 'Outputs')?.rows).toHaveLength(manifest.outputs.length);
    expect(docs.examples.length).toBeGreaterThanOrEqual(7);
    expect(countActionSteps(docs)).toBeGreaterThanOrEqual(docs.examples.length);
  });

  it('keeps the README under 1,500 words (everything else lives once, in docs/)', () => {
    expect(read('README.md').split(/\s+/).filter(Boolean).length).toBeLessThan(1500);
  });

  it('meets the Marketplace rules: description under 125 characters, an icon and a colour it offers', () => {
    expect(checkMarketplaceMetadata(read('action.yml'))).toEqual([]);
  });

  it('CHANGELOG.md has a section for the version in package.json (the release notes come from it)', () => {
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[${manifestVersion.replace(/\./g, '\\.')}\\]`, 'm'));
  });
});

describe('the drift check fails on drift', () => {
  const docs = realDocs();
  const replaceOnce = (text: string, from: string, to: string): string => {
    expect(text, `the fixture must contain ${JSON.stringify(from)}`).toContain(from);
    return text.replace(from, to);
  };
  const replacePattern = (text: string, pattern: RegExp, to: string): string => {
    expect(text, `the fixture must match ${String(pattern)}`).toMatch(pattern);
    return text.replace(pattern, to);
  };
  const firstExample = docs.examples.find((example) => example.text.includes('resource:'))!;
  const example = (path: string) => docs.examples.find((candidate) => candidate.path === path)!;
  const withExample = (d: DocsToCheck, path: string, mutate: (text: string) => string): DocsToCheck => ({
    ...d,
    examples: [{ ...example(path), text: mutate(example(path).text) }],
  });

  const mutations: { name: string; mutate: (docs: DocsToCheck) => DocsToCheck; expected: RegExp[] }[] = [
    {
      name: 'a docs/ page giving an input that action.yml does not declare',
      mutate: (d) => ({
        ...d,
        guides: d.guides.map((guide) =>
          guide.path === 'docs/upload.md'
            ? { ...guide, text: replaceOnce(guide.text, '          upload:', '          upload-folder:') }
            : guide,
        ),
      }),
      expected: [/docs\/upload\.md line \d+: with: upload-folder is not an input declared in action\.yml/],
    },
    {
      name: 'an input renamed in action.yml only',
      mutate: (d) => ({ ...d, actionYml: replaceOnce(d.actionYml, '\n  export-env:\n', '\n  export-environment:\n') }),
      expected: [
        /README Inputs: export-env is not an input in action.yml/,
        /README Inputs: action.yml input export-environment is not documented/,
      ],
    },
    {
      name: 'the required input renamed in action.yml only (README blocks and examples use the old name)',
      mutate: (d) => ({ ...d, actionYml: replaceOnce(d.actionYml, '\n  resource:\n', '\n  repository:\n') }),
      expected: [
        /README line \d+: with: resource is not an input declared in action\.yml/,
        /examples\/.*: with: resource is not an input/,
        /required input repository is missing/,
      ],
    },
    {
      name: 'a default changed in action.yml only',
      mutate: (d) => ({ ...d, actionYml: replaceOnce(d.actionYml, "default: '15'", "default: '30'") }),
      expected: [/timeout-seconds default is "15" in the README, "30" in action\.yml/],
    },
    {
      name: 'an input made required in action.yml only',
      mutate: (d) => ({
        ...d,
        actionYml: replacePattern(
          d.actionYml,
          /(\n {2}audience:\n {4}description: [^\n]*\n {4}required: )false/,
          '$1true',
        ),
      }),
      expected: [/audience required is "no" in the README, "yes" in action\.yml/],
    },
    {
      name: 'a description reworded in the README only',
      mutate: (d) => ({
        ...d,
        readme: replaceOnce(d.readme, 'Limit for each HTTP request, body included,', 'Limit for each request,'),
      }),
      expected: [/timeout-seconds description differs/],
    },
    {
      name: 'an output removed from action.yml',
      mutate: (d) => ({
        ...d,
        actionYml: replaceOnce(
          d.actionYml,
          "  expires-at:\n    description: 'When the token expires, ISO 8601 UTC (empty if the broker did not say).'\n",
          '',
        ),
      }),
      expected: [/README Outputs: expires-at is not an output in action\.yml/],
    },
    {
      name: 'a misspelt with: key in an example',
      mutate: (d) => ({
        ...d,
        examples: [{ ...firstExample, text: replaceOnce(firstExample.text, 'resource:', 'resorce:') }],
      }),
      expected: [/with: resorce is not an input declared in action\.yml/, /required input resource is missing/],
    },
    {
      name: 'an example without id-token: write',
      mutate: (d) => ({
        ...d,
        examples: [{ ...firstExample, text: firstExample.text.replace(/id-token: write/g, 'id-token: none') }],
      }),
      expected: [/needs permissions: id-token: write/, /sets no permissions: id-token: write/],
    },
    {
      name: 'an example granting id-token: write to the whole workflow',
      mutate: (d) =>
        withExample(d, 'examples/publish-model.yml', (text) =>
          replaceOnce(text, 'permissions:\n  contents: read\n', 'permissions:\n  id-token: write\n  contents: read\n'),
        ),
      expected: [/publish-model\.yml: grants id-token: write to the whole workflow/],
    },
    {
      name: 'an example that runs pip install -r in the job that can mint a token',
      mutate: (d) =>
        withExample(d, 'examples/publish-model-hf-cli.yml', (text) =>
          replaceOnce(text, 'pip install -U huggingface_hub', 'pip install -U huggingface_hub -r requirements.txt'),
        ),
      expected: [/publish-model-hf-cli\.yml: job publish can mint a token \(id-token: write\) and runs `pip install/],
    },
    {
      name: 'an example that builds in the job that can mint a token',
      mutate: (d) =>
        withExample(d, 'examples/update-dataset-scheduled.yml', (text) =>
          replaceOnce(
            text,
            '      - uses: actions/download-artifact@v8\n',
            '      - run: python scripts/build_dataset.py --out ./data\n      - uses: actions/download-artifact@v8\n',
          ),
        ),
      expected: [/job publish can mint a token \(id-token: write\) and runs `python scripts\/build_dataset\.py/],
    },
    {
      name: 'a README workflow granting id-token: write to the whole workflow',
      mutate: (d) => ({
        ...d,
        readme: replacePattern(d.readme, /\njobs:\n/, '\npermissions:\n  id-token: write\n\njobs:\n'),
      }),
      expected: [/README line \d+: grants id-token: write to the whole workflow/],
    },
    {
      name: 'an example using an older major of an action than CI',
      mutate: (d) =>
        withExample(d, 'examples/publish-model.yml', (text) =>
          replaceOnce(text, 'actions/checkout@v7', 'actions/checkout@v5'),
        ),
      expected: [/uses actions\/checkout@v5; this repository's CI uses v7/],
    },
    {
      name: 'an example that is not valid YAML',
      mutate: (d) => ({ ...d, examples: [{ ...firstExample, text: `${firstExample.text}\n  bad: [unclosed\n` }] }),
      expected: [/not valid YAML/],
    },
    {
      name: 'a description of 125 characters (the Marketplace needs fewer)',
      mutate: (d) => ({
        ...d,
        actionYml: replacePattern(
          d.actionYml,
          /^description: .*$/m,
          `description: '${'x'.repeat(MARKETPLACE_DESCRIPTION_LIMIT)}'`,
        ),
      }),
      expected: [/the description is 125 characters; the Marketplace needs fewer than 125/],
    },
    {
      name: 'no description',
      mutate: (d) => ({ ...d, actionYml: replacePattern(d.actionYml, /^description: .*\n/m, '') }),
      expected: [/the Marketplace needs a description/],
    },
    {
      name: 'the key icon, which the Marketplace omits',
      mutate: (d) => ({ ...d, actionYml: replacePattern(d.actionYml, /^( {2}icon: )'[^']*'/m, "$1'key'") }),
      expected: [/branding\.icon "key" is a Feather icon the Marketplace omits/],
    },
    {
      name: 'a colour the Marketplace does not offer',
      mutate: (d) => ({ ...d, actionYml: replacePattern(d.actionYml, /^( {2}color: )'[^']*'/m, "$1'pink'") }),
      expected: [/branding\.color "pink" is not one the Marketplace offers/],
    },
    {
      name: 'no branding',
      mutate: (d) => ({ ...d, actionYml: replacePattern(d.actionYml, /^branding:\n(?: {2}.*\n)+/m, '') }),
      expected: [/the Marketplace needs branding/],
    },
    {
      name: 'an example pinned to another major version',
      mutate: (d) => ({
        ...d,
        examples: [
          { ...firstExample, text: firstExample.text.replace(/hf-oidc-token-action@v\d+/g, 'hf-oidc-token-action@v0') },
        ],
      }),
      expected: [/expected @v1, @v1\.x\.y or a full commit SHA/],
    },
    {
      name: 'an example that says to save it under another name than its own',
      mutate: (d) =>
        withExample(d, 'examples/publish-model.yml', (text) =>
          replaceOnce(
            replaceOnce(text, 'workflows/publish-model.yml', 'workflows/publish.yml'),
            'Workflow    publish-model.yml',
            'Workflow    publish.yml',
          ),
        ),
      expected: [
        /says to save it as \.github\/workflows\/publish\.yml/,
        /names the workflow publish\.yml, not publish-model\.yml/,
      ],
    },
    {
      name: 'an example that runs hf without installing it first',
      mutate: (d) =>
        withExample(d, 'examples/publish-model-hf-cli.yml', (text) =>
          replaceOnce(text, '      - run: pip install -U huggingface_hub\n', ''),
        ),
      expected: [/publish-model-hf-cli\.yml: runs `hf upload .*` before any step installs the hf CLI/],
    },
    {
      name: 'the README running hf without installing it',
      mutate: (d) => ({
        ...d,
        readme: replacePattern(d.readme, /\n +- run: pip install -U huggingface_hub[^\n]*/, ''),
      }),
      expected: [/README line \d+: runs `hf upload .*` before any step installs the hf CLI/],
    },
    {
      name: 'the stale huggingface_hub[cli] extra',
      mutate: (d) => ({
        ...d,
        readme: replaceOnce(d.readme, 'pip install -U huggingface_hub', 'pip install -U "huggingface_hub[cli]"'),
      }),
      expected: [/README: installs huggingface_hub\[cli\]/],
    },
    {
      name: 'JavaScript that counts on @huggingface/hub reading HF_TOKEN',
      mutate: (d) =>
        withExample(d, 'examples/javascript-hub.yml', (text) =>
          text.replace(/accessToken: process\.env\.HF_TOKEN/g, 'accessToken'),
        ),
      expected: [/javascript-hub\.yml: uses @huggingface\/hub without `accessToken: process\.env\.HF_TOKEN`/],
    },
  ];

  it.each(mutations)('$name', ({ mutate, expected }) => {
    const problems = checkDocs(mutate(docs));
    for (const pattern of expected)
      expect(
        problems.some((problem) => pattern.test(problem)),
        `${String(pattern)} in\n${problems.join('\n')}`,
      ).toBe(true);
  });

  it('compares descriptions modulo backticks and spacing only', () => {
    expect(normaliseDescription('The `aud`  requested,\n`https://x`.')).toBe(
      normaliseDescription('The aud requested, https://x.'),
    );
    expect(normaliseDescription('Time limit for each request.')).not.toBe(
      normaliseDescription('Time limit for each HTTP request.'),
    );
  });
});
