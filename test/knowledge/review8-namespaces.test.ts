/**
 * Distributions sharing a namespace as Debian installs them: egg-info folders with `top_level.txt` and
 * `namespace_packages.txt` naming the namespace, and no RECORD to tell which package below it is whose.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-egg-namespaces-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** An egg-info folder of a Debian package: PKG-INFO, top_level.txt, namespace_packages.txt, no RECORD. */
function debianEgg(site: string, dist: string, version: string, namespace: string): void {
  const info = `${dist}-${version}.egg-info`;
  write(site, `${info}/PKG-INFO`, `Metadata-Version: 2.1\nName: ${dist}\nVersion: ${version}\n`);
  write(site, `${info}/top_level.txt`, `${namespace}\n`);
  write(site, `${info}/namespace_packages.txt`, `${namespace}\n`);
  write(site, `${info}/dependency_links.txt`, '\n');
}

describe('namespace distributions without a RECORD', () => {
  it('lazr.uri is attributed to the lazr.uri distribution at its version, not to another lazr one', async () => {
    const site = join(tmp, 'dist-packages');
    debianEgg(site, 'lazr.restfulclient', '0.14.5', 'lazr');
    debianEgg(site, 'lazr.uri', '1.0.6', 'lazr');
    write(site, 'lazr/restfulclient/__init__.py', '');
    write(site, 'lazr/restfulclient/resource.py', 'class Resource:\n    """A resource."""\n');
    write(site, 'lazr/uri/__init__.py', 'from lazr.uri._uri import URI\n');
    write(
      site,
      'lazr/uri/_uri.py',
      'class URI:\n    """A URI, as RFC 3986 defines it."""\n\n    def resolve(self, reference):\n        """The URI a reference resolves to."""\n',
    );
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Resolve the URI of the link.',
      sources: [{ path: 'app/links.py', text: 'from lazr.uri import URI\n', weight: 1 }],
      manifests: [],
      localModules: new Set(['app']),
      python: { sitePackages: [site] },
    });
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version])).toEqual([
      ['lazr.uri', 'lazr.uri', '1.0.6'],
    ]);
    const fact = r.facts.find((f) => f.symbol === 'URI');
    expect(fact?.version).toBe('1.0.6');
    expect(fact?.text).toContain('A URI, as RFC 3986 defines it.');
  });

  it('`from google.cloud import storage` looks up what the code uses of it (`storage.Client`), not `storage` inside it', async () => {
    const site = join(tmp, 'site-packages');
    const info = 'google_cloud_storage-2.16.0.dist-info';
    write(site, 'google/cloud/storage/__init__.py', 'from google.cloud.storage.client import Client\n');
    write(
      site,
      'google/cloud/storage/client.py',
      'class Client:\n    """Client to bundle configuration needed for API requests."""\n\n    def bucket(self, bucket_name, user_project=None):\n        """Factory constructor for bucket object."""\n',
    );
    write(site, `${info}/METADATA`, 'Metadata-Version: 2.1\nName: google-cloud-storage\nVersion: 2.16.0\n');
    write(site, `${info}/top_level.txt`, 'google\n');
    write(
      site,
      `${info}/RECORD`,
      [
        'google/cloud/storage/__init__.py',
        'google/cloud/storage/client.py',
        `${info}/METADATA`,
        `${info}/top_level.txt`,
      ]
        .map((f) => `${f},sha256=x,1`)
        .concat(`${info}/RECORD,,`, '')
        .join('\n'),
    );
    for (const code of [
      'from google.cloud import storage\n\nclient = storage.Client()\nclient.bucket("reports")\n',
      'from google.cloud import storage as gcs\n\nclient = gcs.Client()\n',
    ]) {
      const r = await gatherKnowledge({
        root: tmp,
        taskText: 'Upload the report.',
        sources: [{ path: 'app/upload.py', text: code, weight: 1 }],
        manifests: [],
        localModules: new Set(['app']),
        python: { sitePackages: [site] },
      });
      expect(r.libraries.map((l) => [l.importName, l.version, l.symbols.map((s) => s.name)])).toEqual([
        ['google.cloud.storage', '2.16.0', ['Client']],
      ]);
      expect(r.facts.map((f) => [f.symbol, f.source])).toEqual([
        ['Client', 'google/cloud/storage/client.py:1'],
      ]);
      expect(r.notes.map((x) => x.message).join('\n')).not.toContain('none of the names');
    }
  });
});
