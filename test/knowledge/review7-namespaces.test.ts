/**
 * Python distributions that install into one namespace (`google-auth`, `protobuf` and
 * `google-cloud-storage` all under `google/`) are separate libraries: each module is attributed to the
 * distribution whose RECORD installs it, with that distribution's facts and version.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';
import { MAX_METADATA_BYTES } from '../../src/knowledge/python.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-namespaces-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** A wheel as pip installs it: its files, and a dist-info with top_level.txt and RECORD listing them. */
function install(
  site: string,
  dist: string,
  version: string,
  files: Record<string, string>,
  extra: Record<string, string> = {},
): void {
  for (const [rel, text] of Object.entries(files)) write(site, rel, text);
  const info = `${dist}-${version}.dist-info`;
  const tops = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))];
  write(site, `${info}/METADATA`, `Metadata-Version: 2.1\nName: ${dist}\nVersion: ${version}\n`);
  write(site, `${info}/top_level.txt`, tops.join('\n') + '\n');
  for (const [name, text] of Object.entries(extra)) write(site, `${info}/${name}`, text);
  const record = [
    ...Object.keys(files),
    ...['METADATA', 'top_level.txt', ...Object.keys(extra)].map((f) => `${info}/${f}`),
  ]
    .map((f) => `${f},sha256=x,1`)
    .join('\n');
  write(site, `${info}/RECORD`, `${record}\n${info}/RECORD,,\n`);
}

const AUTH = {
  'google/auth/__init__.py':
    'def default(scopes=None, request=None):\n    """Gets the default credentials for the current environment."""\n',
  'google/oauth2/__init__.py': '',
  'google/oauth2/service_account.py': 'class Credentials:\n    """Service account credentials."""\n',
};
const PROTOBUF = {
  'google/protobuf/__init__.py': "__version__ = '4.25.3'\n",
  'google/protobuf/message.py':
    'class Message(object):\n    """Abstract base class for protocol messages."""\n\n    def SerializeToString(self, **kwargs):\n        """Serializes the protocol message to a binary string."""\n',
  'google/protobuf/json_format.py':
    'def MessageToJson(message, indent=2):\n    """Converts protobuf message to JSON format."""\n',
};
const STORAGE = {
  'google/cloud/storage/__init__.py': 'from google.cloud.storage.client import Client\n',
  'google/cloud/storage/client.py':
    'class Client:\n    """Client to bundle configuration needed for API requests."""\n\n    def bucket(self, bucket_name, user_project=None):\n        """Factory constructor for bucket object."""\n',
};

const task = (site: string, code: string, taskText = 'Serialize the message.', root = tmp) =>
  gatherKnowledge({
    root,
    taskText,
    sources: [{ path: 'app/wire.py', text: code, weight: 1 }],
    manifests: [],
    localModules: new Set(['app']),
    python: { sitePackages: [site] },
  });

describe('distributions sharing a namespace package', () => {
  it('google.protobuf gets protobuf’s facts at protobuf’s version, not google-auth’s', async () => {
    const site = join(tmp, 'site1');
    install(site, 'google_auth', '2.28.0', AUTH);
    install(site, 'protobuf', '4.25.3', PROTOBUF);
    const r = await task(
      site,
      'from google.protobuf.message import Message\n\nMessage().SerializeToString()\n',
    );
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version])).toEqual([
      ['google.protobuf', 'protobuf', '4.25.3'],
    ]);
    expect(r.facts.map((f) => [f.library, f.version, f.symbol, f.source])).toEqual([
      ['protobuf', '4.25.3', 'Message', 'google/protobuf/message.py:1'],
    ]);
    expect(r.facts[0]!.text).toContain('def SerializeToString(self, **kwargs): ...');
  });

  it('several namespace packages in one task are several libraries, each at its version', async () => {
    const site = join(tmp, 'site2');
    install(site, 'google_auth', '2.28.0', AUTH);
    install(site, 'protobuf', '4.25.3', PROTOBUF);
    install(site, 'google_cloud_storage', '2.16.0', STORAGE);
    const r = await task(
      site,
      [
        'import google.auth',
        'from google.protobuf import json_format',
        'from google.cloud import storage',
        '',
        'creds, _ = google.auth.default()',
        'json_format.MessageToJson(msg)',
        'storage.Client().bucket("b")',
        '',
      ].join('\n'),
      'Upload the message as `MessageToJson` output with `Client`.',
    );
    const libs = Object.fromEntries(r.libraries.map((l) => [l.importName, `${l.packageName} ${l.version}`]));
    expect(libs).toEqual({
      'google.auth': 'google_auth 2.28.0',
      'google.protobuf': 'protobuf 4.25.3',
      'google.cloud.storage': 'google_cloud_storage 2.16.0',
    });
    const facts = r.facts.map((f) => `${f.library} ${f.version} ${f.symbol} ${f.source}`).sort();
    expect(facts).toEqual([
      'google_auth 2.28.0 default google/auth/__init__.py:1',
      'google_cloud_storage 2.16.0 Client google/cloud/storage/client.py:1',
      'protobuf 4.25.3 google.protobuf.json_format google/protobuf/json_format.py:1',
    ]);
  });

  it('stubs of the namespace (`google-stubs/protobuf`) give the declaration; the version is the library’s', async () => {
    const site = join(tmp, 'site7');
    install(site, 'google_auth', '2.28.0', AUTH);
    install(site, 'protobuf', '4.25.3', PROTOBUF);
    install(site, 'types_protobuf', '4.24.0.20240311', {
      'google-stubs/__init__.pyi': '',
      'google-stubs/protobuf/__init__.pyi': '',
      'google-stubs/protobuf/message.pyi':
        'class Message:\n    def SerializeToString(self, *, deterministic: bool = ...) -> bytes: ...\n',
    });
    const r = await task(site, 'from google.protobuf.message import Message\n');
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version])).toEqual([
      ['google.protobuf', 'protobuf', '4.25.3'],
    ]);
    expect(r.facts.map((f) => [f.library, f.version, f.provider, f.source])).toEqual([
      [
        'protobuf',
        '4.25.3',
        'python-stub',
        'google-stubs/protobuf/message.pyi:1 (docstring: google/protobuf/message.py:1)',
      ],
    ]);
    expect(r.facts[0]!.text).toContain(
      'def SerializeToString(self, *, deterministic: bool = ...) -> bytes: ...',
    );
  });

  it('the distribution the task names is the package it owns below the namespace', async () => {
    const site = join(tmp, 'site3');
    install(site, 'google_auth', '2.28.0', AUTH);
    install(site, 'protobuf', '4.25.3', PROTOBUF);
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Move the wire format to protobuf.',
      sources: [{ path: 'app/wire.py', text: 'from google.protobuf.message import Message\n', weight: 1 }],
      manifests: [{ path: 'requirements.txt', text: 'protobuf>=4,<5\ngoogle-auth==2.27.0\n' }],
      localModules: new Set(['app']),
      python: { sitePackages: [site] },
    });
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version, l.declared?.spec])).toEqual([
      ['google.protobuf', 'protobuf', '4.25.3', 'protobuf>=4,<5'],
    ]);
    expect(r.libraries[0]!.reasons[0]).toBe('named in the task (protobuf)');
  });

  it('pkg_resources-style namespaces (an `__init__` in each, namespace_packages.txt) are told apart too', async () => {
    const site = join(tmp, 'site4');
    const nsInit = "__import__('pkg_resources').declare_namespace(__name__)\n";
    install(
      site,
      'google_auth',
      '1.35.0',
      { 'google/__init__.py': nsInit, ...AUTH },
      { 'namespace_packages.txt': 'google\n' },
    );
    install(
      site,
      'protobuf',
      '3.20.3',
      { 'google/__init__.py': nsInit, ...PROTOBUF },
      { 'namespace_packages.txt': 'google\n' },
    );
    const r = await task(site, 'from google.protobuf.message import Message\n');
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version])).toEqual([
      ['google.protobuf', 'protobuf', '3.20.3'],
    ]);
    expect(r.facts.map((f) => [f.library, f.version, f.symbol])).toEqual([['protobuf', '3.20.3', 'Message']]);
  });

  it('a package of the namespace that is not installed is not another distribution’s; its locked version is used', async () => {
    const site = join(tmp, 'site5');
    install(site, 'google_auth', '2.28.0', AUTH);
    const root = join(tmp, 'proj5');
    write(
      root,
      'poetry.lock',
      '[[package]]\nname = "protobuf"\nversion = "4.25.1"\n\n[[package]]\nname = "google-auth"\nversion = "2.28.0"\n',
    );
    const r = await task(
      site,
      'from google.protobuf.message import Message\n',
      'Serialize the message.',
      root,
    );
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version, l.locked])).toEqual([
      ['google.protobuf', 'google.protobuf', undefined, { file: 'poetry.lock', versions: ['4.25.1'] }],
    ]);
    expect(r.facts).toEqual([]);
    expect(r.notes.map((n) => n.message)).toContain(
      `google.protobuf is not installed in \`${site}\`: no offline API facts; \`poetry.lock\` locks version 4.25.1`,
    );
  });

  it('a RECORD with paths out of the site directory or of odd names attributes nothing to them', async () => {
    const site = join(tmp, 'site6');
    install(site, 'protobuf', '4.25.3', PROTOBUF);
    install(site, 'evil', '6.6.6', { 'google/evilpkg/__init__.py': 'def Message():\n    pass\n' });
    // A hostile RECORD claims protobuf's package through `..` and absolute paths, and names that are
    // no identifiers.
    write(
      site,
      'evil-6.6.6.dist-info/RECORD',
      [
        '../site6/google/protobuf/__init__.py,,',
        '/abs/google/protobuf/__init__.py,,',
        'google/pro-tobuf/__init__.py,,',
        'google//protobuf/__init__.py,,',
        `${'a/'.repeat(5000)}__init__.py,,`,
        'google/evilpkg/__init__.py,,',
      ].join('\n'),
    );
    const r = await task(site, 'from google.protobuf.message import Message\nfrom google.evilpkg import x\n');
    const libs = Object.fromEntries(r.libraries.map((l) => [l.importName, `${l.packageName} ${l.version}`]));
    expect(libs).toEqual({ 'google.protobuf': 'protobuf 4.25.3', 'google.evilpkg': 'evil 6.6.6' });
  });

  it('metadata of thousands of distributions is read up to a bound, with one note', async () => {
    const site = join(tmp, 'site8');
    install(site, 'acme', '1.2.0', { 'acme/__init__.py': 'def Message():\n    """A message."""\n' });
    // Distributions without top_level.txt, each with a RECORD of megabytes (sorted after the real one).
    const size = 4 * 1024 * 1024 - 1;
    const count = Math.ceil(MAX_METADATA_BYTES / size) + 4;
    for (let i = 0; i < count; i++) {
      const info = join(site, `zz${String(i).padStart(3, '0')}-1.0.dist-info`);
      mkdirSync(info, { recursive: true });
      writeFileSync(join(info, 'RECORD'), '');
      truncateSync(join(info, 'RECORD'), size);
    }
    const r = await task(site, 'from acme import Message\n');
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version])).toEqual([
      ['acme', 'acme', '1.2.0'],
    ]);
    const over = r.notes.filter((n) => n.message.includes('distribution metadata'));
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toMatch(
      /^skipped unreadable `.*\/zz\d{3}-1\.0\.dist-info\/RECORD` \(over the read bound of 64 MiB of distribution metadata; later metadata files are skipped too\)$/,
    );
  });
});
