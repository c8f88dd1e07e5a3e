// The rules this repository's own workflows (.github/workflows/) keep, beyond what actionlint checks:
// third-party actions pinned to a full commit SHA with the version in a comment (what the README asks
// of users), checkouts that keep no credentials, an explicit top-level `permissions` block (jobs ask
// for more), and a concurrency group. Pure functions over file contents, so a test can feed them a
// mutated copy and prove each rule is enforced.

import { parse } from 'yaml';

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `uses:` line: the reference, and the trailing comment if any. */
const USES_LINE = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(?:#\s*(.*))?$/;

export function checkWorkflowPolicy(path: string, text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    const match = USES_LINE.exec(line);
    if (!match) return;
    const [, reference = '', comment] = match;
    if (reference.startsWith('./') || reference.startsWith('docker://')) return;
    const where = `${path}:${String(index + 1)}`;
    if (!/@[0-9a-f]{40}$/.test(reference)) problems.push(`${where}: ${reference} is not pinned to a full commit SHA`);
    else if (!/^v\d+(\.\d+){0,2}\b/.test(comment ?? ''))
      problems.push(`${where}: ${reference} needs its version in a comment, e.g. "# v1.2.3"`);
  });

  const document: unknown = parse(text);
  if (!isMapping(document)) return [...problems, `${path}: not a workflow`];
  if (!('permissions' in document))
    problems.push(`${path}: no top-level permissions (give each job only what it needs)`);
  if (!('concurrency' in document)) problems.push(`${path}: no concurrency group`);
  const jobs = isMapping(document['jobs']) ? document['jobs'] : {};
  for (const [jobName, job] of Object.entries(jobs)) {
    const steps = isMapping(job) && Array.isArray(job['steps']) ? (job['steps'] as unknown[]) : [];
    for (const step of steps) {
      if (!isMapping(step) || typeof step['uses'] !== 'string' || !step['uses'].startsWith('actions/checkout@'))
        continue;
      const options = isMapping(step['with']) ? step['with'] : {};
      if (options['persist-credentials'] !== false)
        problems.push(`${path}: job ${jobName}: actions/checkout without persist-credentials: false`);
    }
  }
  return problems;
}
