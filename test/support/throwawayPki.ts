import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * A throwaway certificate authority for the self-hosted endpoint's tests: a root, an intermediate and
 * signing certificates like Amazon's (subject alternative name echo-api.amazon.com), made fresh in each
 * run with node-forge (a dev dependency, for the certificates only). Keys come from Node's crypto.
 */
const forge = require('node-forge');

export interface Issued {
  readonly certPem: string;
  readonly privateKey: KeyObject;
  readonly forgeKey: unknown;
  readonly forgeCert: unknown;
}

let serial = 1;

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  };
}

export interface IssueOptions {
  readonly name: string;
  readonly ca?: boolean;
  /** DNS names for the subject alternative name extension. */
  readonly dnsNames?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

/** A certificate signed by `issuer`, or self-signed (a root) when there is none. */
export function issue(o: IssueOptions, issuer?: Issued): Issued {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = o.notBefore ?? new Date(Date.now() - 3600_000);
  cert.validity.notAfter = o.notAfter ?? new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'commonName', value: o.name }];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? (issuer.forgeCert as { subject: { attributes: unknown } }).subject.attributes : subject);
  const extensions: object[] = [{ name: 'basicConstraints', cA: o.ca === true, critical: true }];
  if (o.ca) extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true });
  else extensions.push({ name: 'keyUsage', digitalSignature: true, critical: true });
  if (o.dnsNames) extensions.push({ name: 'subjectAltName', altNames: o.dnsNames.map((value) => ({ type: 2, value })) });
  cert.setExtensions(extensions);
  cert.sign(issuer ? issuer.forgeKey : keys.forgePrivate, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), privateKey: keys.privateKey, forgeKey: keys.forgePrivate, forgeCert: cert };
}

/** Root → intermediate → a signing certificate for echo-api.amazon.com: the shape Amazon serves. */
export function amazonLikeChain(o: { notAfter?: Date; dnsNames?: readonly string[] } = {}) {
  const root = issue({ name: 'Throwaway Test Root', ca: true });
  const intermediate = issue({ name: 'Throwaway Test Intermediate', ca: true }, root);
  const signer = issue(
    { name: 'echo-api.amazon.com', dnsNames: o.dnsNames ?? ['echo-api.amazon.com'], notAfter: o.notAfter },
    intermediate,
  );
  return { root, intermediate, signer, chainPem: signer.certPem + intermediate.certPem };
}
