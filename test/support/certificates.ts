// Test-time TLS material: a throw-away CA and a server certificate it signs for the given names, made
// with openssl in a temporary folder. The action trusts the CA only through NODE_EXTRA_CA_CERTS, the
// way a runner behind a TLS-intercepting proxy is told to.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const OPENSSL = '/usr/bin/openssl';

export function createTestCertificates(hostNames: readonly string[]): TestCertificates {
  const directory = mkdtempSync(join(tmpdir(), 'hf-oidc-tls-'));
  const path = (name: string): string => join(directory, name);
  const openssl = (...args: string[]): void => {
    execFileSync(OPENSSL, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=hf-oidc-token-action test CA',
  );
  openssl(
    'req',
    ...ec,
    '-keyout',
    path('server.key'),
    '-out',
    path('server.csr'),
    '-subj',
    `/CN=${hostNames[0] ?? 'localhost'}`,
  );
  writeFileSync(
    path('server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${hostNames.map((name) => `DNS:${name}`).join(',')}\n`,
  );
  openssl(
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
