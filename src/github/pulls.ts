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
  /** Title of a new pull request (an open one keeps its title). */
  title: string;
  /** This task's part of the body, between markers, so that the tasks of a milestone share one PR. */
  sectionId: string;
  section: string;
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

const begin = (id: string) => `<!-- guardian:${id} -->`;
const end = (id: string) => `<!-- /guardian:${id} -->`;

/** The body with this task's section replaced, or appended when it is not there yet. */
export function withSection(body: string, id: string, section: string): string {
  const block = `${begin(id)}\n${section.trim()}\n${end(id)}`;
  const i = body.indexOf(begin(id));
  const j = body.indexOf(end(id));
  if (i >= 0 && j > i) return body.slice(0, i) + block + body.slice(j + end(id).length);
  return body.trim() ? `${body.trimEnd()}\n\n${block}\n` : `${block}\n`;
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
        body: withSection(existing.body ?? '', req.sectionId, req.section),
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
      body: withSection('', req.sectionId, req.section),
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
