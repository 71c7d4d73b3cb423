/** Opens a pull request for a branch, or updates the one already open (title and body). */
import * as github from '@actions/github';
import { ConfigurationError, GuardianError } from '../errors.js';

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
  if (!m) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY ${JSON.stringify(repository)} is not owner/repo: cannot open a pull request`,
    );
  }
  return { owner: m[1]!, repo: m[2]! };
}

/**
 * The repository pull requests go to (GITHUB_REPOSITORY), checked before anything is committed: a
 * missing or malformed value must not be found out only after the commit and the push.
 */
export function pullRequestRepository(env: NodeJS.ProcessEnv = process.env): string {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new ConfigurationError(
      "GITHUB_REPOSITORY is not set: cannot open a pull request outside GitHub Actions (set 'open-pr' to false); nothing committed",
    );
  }
  splitRepository(repository);
  return repository;
}

const begin = (id: string) => `<!-- guardian:${id} -->`;
const end = (id: string) => `<!-- /guardian:${id} -->`;

/** The body with this task's section replaced, or appended when it is not there yet. */
export function withSection(body: string, id: string, section: string): string {
  const block = `${begin(id)}\n${section.trim()}\n${end(id)}`;
  const i = body.indexOf(begin(id));
  // The end marker after the section's start: text before it may quote the marker.
  const j = i >= 0 ? body.indexOf(end(id), i) : -1;
  if (i >= 0 && j > i) return body.slice(0, i) + block + body.slice(j + end(id).length);
  return body.trim() ? `${body.trimEnd()}\n\n${block}\n` : `${block}\n`;
}

export async function openOrUpdatePullRequest(req: PullRequestRequest): Promise<PullRequestResult> {
  const { owner, repo } = splitRepository(req.repository);
  // GITHUB_API_URL, read now: GitHub Enterprise Server works as well.
  const octokit = github.getOctokit(req.token, { baseUrl: apiBaseUrl() });
  // The API call in flight, for the message when it fails.
  let call = `GET /repos/${owner}/${repo}/pulls`;
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
      call = `PATCH /repos/${owner}/${repo}/pulls/${existing.number}`;
      const updated = await octokit.rest.pulls.update({
        owner,
        repo,
        pull_number: existing.number,
        body: withSection(existing.body ?? '', req.sectionId, req.section),
      });
      return { url: updated.data.html_url, number: updated.data.number, created: false };
    }
    call = `GET /repos/${owner}/${repo}`;
    const base = req.base ?? (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
    call = `POST /repos/${owner}/${repo}/pulls`;
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
    throw pullRequestError(e, call, req, `${owner}/${repo}`);
  }
}

/** GitHub's API (GITHUB_API_URL, set by the runner; GitHub Enterprise Server has its own). */
function apiBaseUrl(): string {
  return process.env.GITHUB_API_URL || 'https://api.github.com';
}

/** The message of the deepest cause ("fetch failed" says less than "connect ECONNREFUSED …"). */
function innermostMessage(e: unknown): string {
  let message = e instanceof Error || (typeof e === 'object' && e !== null) ? '' : String(e);
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && typeof cur === 'object' && cur !== null; depth++) {
    const m = (cur as { message?: unknown }).message;
    if (typeof m === 'string' && m) message = m;
    cur = (cur as { cause?: unknown }).cause;
  }
  return message || String(e);
}

/** Any failure of the pull request API as one message: the call, the status, and what to check. */
export function pullRequestError(
  e: unknown,
  call: string,
  req: Pick<PullRequestRequest, 'head' | 'base'>,
  repository: string,
): GuardianError {
  const err = e as { status?: unknown; response?: unknown };
  const detail = innermostMessage(e).split('\n')[0]!.slice(0, 300);
  const status = typeof err.status === 'number' ? err.status : undefined;
  const what = `cannot open or update the pull request for ${req.head}: ${call}`;
  const api = apiBaseUrl();
  let hint: string;
  if (status === undefined || err.response === undefined) {
    // No HTTP answer at all (octokit reports a failed connection as a 500 without a response).
    return new GuardianError(
      `${what} got no answer from ${api} (${detail}): check GITHUB_API_URL and the runner's network`,
      { cause: e },
    );
  }
  if (status === 401 || status === 403) {
    hint =
      `the token in 'github-token' needs pull-requests: write (and "Allow GitHub Actions to create and ` +
      `approve pull requests" in the repository's settings)`;
  } else if (status === 404) {
    hint = `check GITHUB_REPOSITORY (${repository}), that the token in 'github-token' can see it, and GITHUB_API_URL (${api})`;
  } else if (status === 422) {
    hint = `check that the branch ${req.head} was pushed${req.base ? ` and that the base ${req.base} exists` : ''}`;
  } else if (status >= 500) {
    hint = 'the GitHub API failed: re-run the job later';
  } else {
    hint = `check 'github-token', GITHUB_REPOSITORY (${repository}) and GITHUB_API_URL (${api})`;
  }
  return new GuardianError(`${what} failed (HTTP ${status}: ${detail}): ${hint}`, { cause: e });
}
