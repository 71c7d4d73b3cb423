/**
 * The complete action writes the task's section of the pull request body, marked by HTML comments
 * (`<!-- guardian:TASK-ID -->`) that let the tasks of a milestone share one pull request. The
 * blueprint's title goes into that section: as text, so that it can neither fake another task's
 * markers (an update of that task would then cut this section apart) nor add HTML to the body.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { run as complete } from '../../src/actions/complete/main.js';
import { run as validate } from '../../src/actions/validate/main.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { errorCommands, GREETING_BLUEPRINT, GREETING_QUALITY, writeGreetingChange } from './harness.js';
import { runSource } from './hosts-harness.js';

let server: Server;
let url = '';
const posted: { body?: string; title?: string }[] = [];
let repo: TempRepo;

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (d: Buffer) => (data += d.toString()));
    req.on('end', () => {
      res.writeHead(req.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
        connection: 'close',
      });
      if (req.method === 'POST') {
        posted.push(JSON.parse(data) as { body?: string; title?: string });
        res.end(JSON.stringify({ html_url: 'https://github.invalid/octo/app/pull/7', number: 7 }));
      } else res.end('[]');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  repo?.cleanup();
  await new Promise<void>((r) => server.close(() => r()));
});

test("complete: the blueprint's title is text in the pull request section, not markers or HTML", async () => {
  const blueprint = GREETING_BLUEPRINT.replace(
    'title: "Greet users by name"',
    'title: "Greet <!-- guardian:TASK-901 --> <img src=x>"',
  );
  repo = makeRepo('python-flask-users', {
    files: { 'quality.toml': GREETING_QUALITY, 'specs/tasks/TASK-900_greeting.md': blueprint },
  });
  writeGreetingChange(repo);
  const v = await runSource(validate, { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } });
  expect(v.outputs.verdict).toBe('pass');
  const r = await runSource(complete, {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      verdict: 'pass',
      'patch-sha256': v.outputs['patch-sha256']!,
      'open-pr': 'true',
      'github-token': 'ghs_test-token',
    },
    env: { GITHUB_REPOSITORY: 'octo/app', GITHUB_API_URL: url },
  });
  expect(errorCommands(r)).toEqual([]);
  expect(r.outputs['pr-url']).toBe('https://github.invalid/octo/app/pull/7');
  expect(posted).toHaveLength(1);
  const body = posted[0]!.body!;
  expect(body).toContain('Greet &lt;!-- guardian:TASK-901 --&gt; &lt;img src=x&gt;');
  expect(body).not.toContain('<!-- guardian:TASK-901 -->');
  expect(body).not.toContain('<img');
  // The pull request's title is plain text on GitHub: it keeps the blueprint's title as written.
  expect(posted[0]!.title).toBe('feat(TASK-900): Greet <!-- guardian:TASK-901 --> <img src=x>');
}, 180_000);
