/**
 * Canary secrets for tests. They are assembled at run time so that no secret-shaped string sits in the
 * repository (push protection and scanners would flag it), and the private key is a real one, freshly
 * generated.
 */
import { generateKeyPairSync } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic pseudo-random string over an alphabet (seeded so failures reproduce). */
export function pseudoRandom(length: number, seed: number, alphabet = ALNUM): string {
  let x = seed >>> 0 || 1;
  let s = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    s += alphabet[x % alphabet.length];
  }
  return s;
}

export interface Canaries {
  githubToken: string;
  githubPat: string;
  openaiKey: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
  slackToken: string;
  jwt: string;
  privateKeyPem: string;
  envPassword: string;
}

export function makeCanaries(seed = 42): Canaries {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const b64 = ALNUM + '/+';
  const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    githubToken: 'gh' + 'p_' + pseudoRandom(36, seed),
    githubPat: 'github' + '_pat_' + pseudoRandom(22, seed + 1) + '_' + pseudoRandom(59, seed + 2),
    openaiKey: 's' + 'k-proj-' + pseudoRandom(48, seed + 3) + '9',
    awsAccessKeyId: 'AK' + 'IA' + pseudoRandom(16, seed + 4, upper),
    awsSecretAccessKey: pseudoRandom(40, seed + 5, b64),
    slackToken:
      'xo' + 'xb-' + '2' + pseudoRandom(11, seed + 6, '0123456789') + '-' + pseudoRandom(24, seed + 7),
    jwt:
      b64url({ alg: 'HS256', typ: 'JWT' }) +
      '.' +
      b64url({ sub: '1234567890', name: 'canary', iat: 1516239022 }) +
      '.' +
      pseudoRandom(43, seed + 8),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    envPassword: 'Pw-' + pseudoRandom(20, seed + 9),
  };
}
