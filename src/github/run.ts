/**
 * The top of every action: runs its body, and on an error calls `core.setFailed` once — the message
 * alone for a user's mistake (GuardianError), the stack for anything else (a bug).
 */
import * as core from '@actions/core';
import { isUserError } from '../errors.js';

export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (isUserError(e)) {
      core.setFailed(e.message);
    } else {
      const err = e instanceof Error ? e : new Error(String(e));
      core.setFailed(`internal error (a bug in Guardian, please report it): ${err.stack ?? err.message}`);
    }
  }
}

/** The URL of this workflow run (and attempt), when running in GitHub Actions. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const {
    GITHUB_SERVER_URL: server,
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: id,
    GITHUB_RUN_ATTEMPT: attempt,
  } = env;
  if (!server || !repo || !id) return undefined;
  return `${server}/${repo}/actions/runs/${id}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`;
}
