/**
 * Everything the Coder sends to the model or writes to the bundle passes through one redactor: the
 * secret patterns of src/secrets, plus the literal values of the secrets this process knows about (the
 * API key and every secret-named variable of the host's environment). The literal pass catches what no
 * pattern can: a test that reads /proc/<parent>/environ and prints the key, say.
 */
import { isCredentialUrl, isHiddenFromCode } from '../../exec/index.js';
import { redactSecrets } from '../../secrets/index.js';

const MIN_SECRET_LENGTH = 8;

export class Redactor {
  private readonly values: { value: string; label: string }[];
  /** Each secret with the encoded forms `leaks` looks for, computed once. */
  private readonly encoded: { label: string; forms: string[] }[];

  constructor(secrets: { value?: string; label: string }[]) {
    const seen = new Set<string>();
    this.values = [];
    for (const s of secrets) {
      if (!s.value || s.value.length < MIN_SECRET_LENGTH || seen.has(s.value)) continue;
      seen.add(s.value);
      this.values.push({ value: s.value, label: s.label });
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.values.sort((a, b) => b.value.length - a.value.length);
    this.encoded = this.values.map(({ value, label }) => ({ label, forms: encodedForms(value) }));
  }

  /**
   * Secrets from an environment: the values of the variables test commands do not get (secret names,
   * listed names, the SSH agent's socket, credential URLs of any name).
   */
  static fromEnv(
    env: Record<string, string | undefined>,
    extra: { value?: string; label: string }[] = [],
    secretEnv: string[] = [],
  ) {
    const list: { value?: string; label: string }[] = [...extra];
    for (const [k, v] of Object.entries(env)) {
      if (!v) continue;
      // A URL with credentials in it (`https://user:pass@host`) is a secret whatever its name.
      const credentialUrl = isCredentialUrl(v);
      if (!isHiddenFromCode(k, v, secretEnv)) continue;
      // Model names and base URLs are configuration, not secrets (unless a URL carries credentials).
      if (/_(MODEL|BASE_URL)$/i.test(k) && !credentialUrl) continue;
      list.push({ value: v, label: k.toLowerCase() });
    }
    return new Redactor(list);
  }

  /**
   * Replaces known secret values only (synchronous, cheap): as they are, and in the encoded forms
   * `leaks` looks for, so a test's output or a command that printed a key in base64 or hex keeps
   * none of it in a transcript or a proof.
   */
  literal(text: string): string {
    let out = text;
    for (const { label, forms } of this.encoded) {
      forms.forEach((f, i) => {
        if (out.includes(f)) out = out.split(f).join(i === 0 ? `[REDACTED:${label}]` : encodedMarker(label));
      });
    }
    return out;
  }

  /**
   * Labels of known secrets present in `text` as they are, or encoded (base64 at any alignment, hex),
   * as a test the model wrote could encode a key it read before writing it into a source file.
   */
  leaks(text: string): string[] {
    // An encoded form `literal` replaced still counts: the text carried the secret encoded.
    return this.encoded
      .filter(
        ({ label, forms }) => text.includes(encodedMarker(label)) || forms.some((f) => text.includes(f)),
      )
      .map((e) => e.label);
  }

  /** Known values, then the secret patterns. */
  async full(text: string, path?: string): Promise<string> {
    const lit = this.literal(text);
    const { text: red } = await redactSecrets(lit, path ? { path } : {});
    return red;
  }
}

/** What replaces a secret's encoded form: `leaks` still sees that the text carried it. */
function encodedMarker(label: string): string {
  return `[REDACTED:${label}-encoded]`;
}

/** A value as it is, in hex, and in base64 (standard and URL-safe) at each of the three alignments. */
function encodedForms(value: string): string[] {
  const hex = Buffer.from(value).toString('hex');
  const forms = [value, hex, hex.toUpperCase()];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.from('x'.repeat(shift) + value).toString('base64');
    // Drop the characters that depend on what surrounds the value in a longer encoded text.
    const core = b64.slice(Math.ceil((shift * 4) / 3) + 1, -4);
    if (core.length >= MIN_SECRET_LENGTH) forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}
