/**
 * A throwaway certificate authority for end-to-end tests: made with openssl in a temp
 * directory, it signs one server certificate for the test host names and is trusted by
 * one browser profile only — through an NSS database under a temp HOME, which is where
 * Chromium on Linux reads trust from. Nothing on the machine is changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestPki {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** A CA and a server certificate (key in PEM files) for `hosts`, in `dir`. */
export function makePki(dir: string, hosts: string[]): TestPki {
  mkdirSync(dir, { recursive: true });
  run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=Frontline test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', 'ca.key', '-out', 'ca.pem'], dir);
  run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${hosts[0]}`, '-keyout', 'server.key', '-out', 'server.csr'], dir);
  writeFileSync(join(dir, 'server.ext'), [`subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`, 'extendedKeyUsage=serverAuth', 'basicConstraints=CA:FALSE', ''].join('\n'));
  run('openssl', ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'server.ext', '-out', 'server.pem'], dir);
  return { caPem: join(dir, 'ca.pem'), certPem: join(dir, 'server.pem'), keyPem: join(dir, 'server.key') };
}

/** A HOME whose NSS database trusts `caPem` for TLS servers; give it to the browser's env. */
export function homeTrusting(home: string, caPem: string): string {
  const db = join(home, '.pki/nssdb');
  mkdirSync(db, { recursive: true });
  run('certutil', ['-d', `sql:${db}`, '-N', '--empty-password'], home);
  run('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', 'frontline-test-ca', '-i', caPem], home);
  return home;
}
