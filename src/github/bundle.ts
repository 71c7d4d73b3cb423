/** The Task Bundle as a job receives it: downloaded from the previous job's artifact, then checked. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor, readManifest, verifyBundle, type Manifest } from '../bundle/bundle.js';
import { ConfigurationError } from '../errors.js';

/**
 * Reads the bundle's manifest and checks every file against its sha256 (what the previous station
 * wrote is what this one reads). A missing bundle is an error; so is any file that differs.
 */
export function openVerifiedBundle(dir: string, taskId: string, what = 'the Task Bundle'): Manifest {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new ConfigurationError(
      `${what} for ${taskId} is missing (no manifest.json in ${dir}): the previous station's artifact was not downloaded there`,
    );
  }
  const manifest = readManifest(dir, taskId);
  const problems = verifyBundle(dir, manifest);
  if (problems.length) {
    throw new ConfigurationError(
      `${what} at ${dir} does not match its manifest (sha256):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return manifest;
}

/** The bundle directory of a task in a working tree, verified when it exists. */
export function verifiedBundleIfPresent(root: string, taskId: string): Manifest | undefined {
  const dir = bundleDirFor(root, taskId);
  return existsSync(join(dir, 'manifest.json')) ? openVerifiedBundle(dir, taskId) : undefined;
}
