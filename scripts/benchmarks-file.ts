// BENCHMARKS.md holds each benchmark's latest table between marker comments, so `--write` replaces
// exactly that table and leaves the prose around it alone.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../test/support/run-action.js';

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md with `table`. */
export function writeBenchmarkTable(name: string, table: string): string {
  const path = join(REPOSITORY_ROOT, 'BENCHMARKS.md');
  const document = readFileSync(path, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!document.includes(start) || !document.includes(end)) {
    throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
  }
  const before = document.slice(0, document.indexOf(start) + start.length);
  writeFileSync(path, `${before}\n${table}\n${document.slice(document.indexOf(end))}`);
  return path;
}
