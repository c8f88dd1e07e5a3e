// See action.yml beside this file. Records ~/.gitconfig (or its absence) in the step's state.
import { Buffer } from 'node:buffer';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import console from 'node:console';
import process from 'node:process';

const file = join(process.env.HOME || homedir(), '.gitconfig');
const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
appendFileSync(process.env.GITHUB_STATE, `gitconfig=${Buffer.from(JSON.stringify(before)).toString('base64')}\n`);
console.log(
  `Recorded ${file} (${before === null ? 'absent' : `${before.length} bytes`}); the post step of this check compares it again at the end of the job.`,
);
