// Test-time TLS material: a throw-away CA and a server certificate it signs for the given names, made
// with openssl in a temporary folder. The action trusts the CA only through NODE_EXTRA_CA_CERTS, the
// way a runner behind a TLS-intercepting proxy is told to.
//
// Portable across the CI matrix: openssl is found on PATH (or where Git for Windows keeps it), the
// configuration is written here rather than taken from the platform's openssl.cnf, and the keys are
// RSA, which OpenSSL and macOS's LibreSSL both generate with the same arguments.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  /** PEM file of the CA, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  readonly key: string;
  readonly cert: string;
  /** Folder holding the files; also a place for other per-suite helper files. */
  readonly directory: string;
  remove(): void;
}

function runsOpenssl(path: string): boolean {
  try {
    execFileSync(path, ['version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** The openssl to use: $OPENSSL, `openssl` on PATH, or Git for Windows' copy; undefined if none runs. */
export function findOpenssl(): string | undefined {
  const candidates = [process.env['OPENSSL'], 'openssl', '/usr/bin/openssl'];
  if (process.platform === 'win32') {
    const programFiles = process.env['ProgramFiles'] ?? 'C:\\Program Files';
    candidates.push(
      join(programFiles, 'Git', 'usr', 'bin', 'openssl.exe'),
      join(programFiles, 'Git', 'mingw64', 'bin', 'openssl.exe'),
      join(programFiles, 'OpenSSL', 'bin', 'openssl.exe'),
    );
  }
  return candidates.find(
    (candidate) =>
      candidate !== undefined &&
      candidate !== '' &&
      (candidate === 'openssl' || existsSync(candidate)) &&
      runsOpenssl(candidate),
  );
}

const CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
`;

export function createTestCertificates(hostNames: readonly string[], openssl = findOpenssl()): TestCertificates {
  if (openssl === undefined) throw new Error('openssl not found (set OPENSSL to its path)');
  const directory = mkdtempSync(join(tmpdir(), 'hf-oidc-tls-'));
  const path = (name: string): string => join(directory, name);
  writeFileSync(path('openssl.cnf'), CONFIG);
  const run = (...args: string[]): void => {
    execFileSync(openssl, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OPENSSL_CONF: path('openssl.cnf') },
    });
  };
  const rsa = ['-newkey', 'rsa:2048', '-nodes', '-config', path('openssl.cnf')];
  run(
    'req',
    '-x509',
    ...rsa,
    '-extensions',
    'v3_ca',
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=hf-oidc-token-action test CA',
  );
  run(
    'req',
    '-new',
    ...rsa,
    '-keyout',
    path('server.key'),
    '-out',
    path('server.csr'),
    '-subj',
    `/CN=${hostNames[0] ?? 'localhost'}`,
  );
  writeFileSync(
    path('server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${hostNames.map((name) => `DNS:${name}`).join(',')}\n`,
  );
  run(
    'x509',
    '-req',
    '-in',
    path('server.csr'),
    '-CA',
    path('ca.pem'),
    '-CAkey',
    path('ca.key'),
    '-CAcreateserial',
    '-out',
    path('server.pem'),
    '-days',
    '2',
    '-extfile',
    path('server.ext'),
  );
  return {
    caFile: path('ca.pem'),
    key: readFileSync(path('server.key'), 'utf8'),
    cert: readFileSync(path('server.pem'), 'utf8'),
    directory,
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
