// A local smart-HTTP git server, served by the local Hub on the Hub's own host (as huggingface.co
// serves git): real `git http-backend` run as CGI behind node:http. Every request needs HTTP Basic
// auth whose password is a token the Hub issued for that repository and that has not expired;
// anything else gets 401 with `WWW-Authenticate: Basic`, which is what makes git ask its credential
// helpers. Repositories live as bare repos under a temporary project root.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubServer } from './hub-server.js';
import { systemEnvironment } from './platform.js';

/** Smart-HTTP paths below a repository: `/{repo}[.git]/info/refs`, `/git-upload-pack`, `/git-receive-pack`. */
const GIT_PATH = /^\/(.+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD))$/;

/** An environment for git commands the test itself runs (no user or system config, no prompts). */
export const QUIET_GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.test',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.test',
} as const;

export interface GitAuthAttempt {
  repository: string;
  username: string | undefined;
  password: string | undefined;
  accepted: boolean;
}

export class GitServer {
  readonly projectRoot = mkdtempSync(join(tmpdir(), 'hf-oidc-git-'));
  /** Every request's credentials and whether they were accepted, in order. */
  readonly authAttempts: GitAuthAttempt[] = [];

  constructor(private readonly hub: HubServer) {}

  /** Creates a bare repository for `resource` with one commit on main. Returns its path. */
  createRepository(resource: string): string {
    const bare = join(this.projectRoot, `${resource}.git`);
    mkdirSync(bare, { recursive: true });
    const env = { ...process.env, ...QUIET_GIT_ENV, HOME: this.projectRoot };
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare], { env });
    const seed = mkdtempSync(join(tmpdir(), 'hf-oidc-seed-'));
    execFileSync('git', ['init', '--quiet', '--initial-branch=main', seed], { env });
    writeFileSync(join(seed, 'README.md'), `# ${resource}\n`);
    execFileSync('git', ['-C', seed, 'add', 'README.md'], { env });
    execFileSync('git', ['-C', seed, 'commit', '--quiet', '-m', 'Initial commit'], { env });
    execFileSync('git', ['-C', seed, 'push', '--quiet', bare, 'main'], { env });
    rmSync(seed, { recursive: true, force: true });
    return bare;
  }

  /** The commit subjects on `branch` of the bare repository for `resource`, newest first. */
  log(resource: string, branch = 'main'): string[] {
    const output = execFileSync(
      'git',
      ['--git-dir', join(this.projectRoot, `${resource}.git`), 'log', '--format=%s', branch],
      {
        encoding: 'utf8',
        env: { ...process.env, ...QUIET_GIT_ENV },
      },
    );
    return output.split('\n').filter((line) => line !== '');
  }

  /** Handles a git request; returns false when the path is not a git path (the Hub handles it). */
  handle(request: IncomingMessage, response: ServerResponse, url: URL, headers: Record<string, string>): boolean {
    const match = GIT_PATH.exec(url.pathname);
    if (!match) return false;
    const [, repository = '', rest = ''] = match;
    const { username, password } = parseBasicAuth(request.headers.authorization);
    const issued = this.hub.findValidToken(password);
    const accepted = issued !== undefined && issued.resource.toLowerCase() === repository.toLowerCase();
    if (username !== undefined || password !== undefined)
      this.authAttempts.push({ repository, username, password, accepted });
    if (!accepted) {
      response.writeHead(401, {
        'WWW-Authenticate': 'Basic realm="Hugging Face Hub (local)"',
        'Content-Type': 'text/plain',
        ...headers,
      });
      response.end('Invalid credentials\n');
      return true;
    }
    this.#runBackend(request, response, `/${repository}.git${rest}`, url, username ?? 'hf_user', headers);
    return true;
  }

  #runBackend(
    request: IncomingMessage,
    response: ServerResponse,
    pathInfo: string,
    url: URL,
    user: string,
    headers: Record<string, string>,
  ): void {
    const optional = (name: string, value: string | string[] | undefined): Record<string, string> =>
      typeof value === 'string' ? { [name]: value } : {};
    const child = spawn('git', ['http-backend'], {
      env: {
        ...systemEnvironment(),
        PATH: process.env['PATH'] ?? '',
        GIT_PROJECT_ROOT: this.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: this.projectRoot,
        PATH_INFO: pathInfo,
        QUERY_STRING: url.search.replace(/^\?/, ''),
        REQUEST_METHOD: request.method ?? 'GET',
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
        ...optional('CONTENT_TYPE', request.headers['content-type']),
        ...optional('CONTENT_LENGTH', request.headers['content-length']),
        ...optional('HTTP_CONTENT_ENCODING', request.headers['content-encoding']),
        ...optional('GIT_PROTOCOL', request.headers['git-protocol']),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    request.pipe(child.stdin);
    // CGI output: header lines, a blank line, then the body.
    let head = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      let status = 200;
      const cgiHeaders: Record<string, string> = { ...headers };
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const separator = line.indexOf(':');
        const name = line.slice(0, separator).trim();
        const value = line.slice(separator + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else cgiHeaders[name] = value;
      }
      response.writeHead(status, cgiHeaders);
      headersSent = true;
      response.write(head.subarray(end + 4));
    });
    child.on('close', () => {
      if (!headersSent) response.writeHead(502, headers);
      response.end();
    });
  }

  remove(): void {
    rmSync(this.projectRoot, { recursive: true, force: true });
  }
}

function parseBasicAuth(header: string | undefined): { username: string | undefined; password: string | undefined } {
  if (!header?.startsWith('Basic ')) return { username: undefined, password: undefined };
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator === -1
    ? { username: decoded, password: undefined }
    : { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}
