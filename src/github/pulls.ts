/** Opens a pull request for a branch, or updates the one already open (title and body). */
import * as github from '@actions/github';
import { GuardianError } from '../errors.js';

export interface PullRequestRequest {
  token: string;
  /** owner/repo */
  repository: string;
  head: string;
  /** Default: the repository's default branch. */
  base?: string;
  title: string;
  body: string;
}

export interface PullRequestResult {
  url: string;
  number: number;
  created: boolean;
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!m) throw new GuardianError(`GITHUB_REPOSITORY ${JSON.stringify(repository)} is not owner/repo`);
  return { owner: m[1]!, repo: m[2]! };
}

export async function openOrUpdatePullRequest(req: PullRequestRequest): Promise<PullRequestResult> {
  const { owner, repo } = splitRepository(req.repository);
  // getOctokit reads GITHUB_API_URL, so GitHub Enterprise Server works as well.
  const octokit = github.getOctokit(req.token);
  try {
    const open = await octokit.rest.pulls.list({
      owner,
      repo,
      state: 'open',
      head: `${owner}:${req.head}`,
      per_page: 1,
    });
    const existing = open.data[0];
    if (existing) {
      const updated = await octokit.rest.pulls.update({
        owner,
        repo,
        pull_number: existing.number,
        title: req.title,
        body: req.body,
      });
      return { url: updated.data.html_url, number: updated.data.number, created: false };
    }
    const base = req.base ?? (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
    const created = await octokit.rest.pulls.create({
      owner,
      repo,
      head: req.head,
      base,
      title: req.title,
      body: req.body,
    });
    return { url: created.data.html_url, number: created.data.number, created: true };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 403 || status === 401) {
      throw new GuardianError(
        `cannot open a pull request for ${req.head} (HTTP ${status}): the token needs pull-requests: write ` +
          `(and "Allow GitHub Actions to create and approve pull requests" in the repository's settings)`,
      );
    }
    if (status === 422) {
      throw new GuardianError(`cannot open a pull request for ${req.head}: ${(e as Error).message}`);
    }
    throw e;
  }
}
