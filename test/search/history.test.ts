/** Reading the repository's history: any size of commit message, any chunking of git's output. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { LogParser, readHistory } from '../../src/search/history.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('LogParser', () => {
  const log =
    '\x1eabc1234\x1fFix login\n\nBody line\n\x1f\n\nsrc/a.py\nsrc/b.py\n' +
    '\x1edef5678\x1fAdd é \u{1F600} everywhere\x1f\n\nREADME.md\n' +
    '\x1e0123abc\x1fEmpty change\x1f\n';
  const expected = {
    commits: [
      { h: 'abc1234', m: 'Fix login', f: ['src/a.py', 'src/b.py'] },
      { h: 'def5678', m: 'Add é \u{1F600} everywhere', f: ['README.md'] },
      { h: '0123abc', m: 'Empty change', f: [] },
    ],
    messages: ['Fix login\n\nBody line', 'Add é \u{1F600} everywhere', 'Empty change'],
  };
  it.each([log.length, 13, 5, 1])('gives the same commits whatever the pieces (%i characters)', (size) => {
    const p = new LogParser();
    for (let i = 0; i < log.length; i += size) p.push(log.slice(i, i + size));
    expect(p.end()).toEqual(expected);
  });
});

describe('readHistory', () => {
  it('reads a history of multi-megabyte messages and keeps their subjects and files', async () => {
    const r = makeRepo(undefined, { files: { 'src/a.py': 'x = 1\n' } });
    repos.push(r);
    // Twenty commits with 3 MB messages (60 MB of log) through fast-import.
    const big = 'Rework the login flow\n\n' + 'lorem ipsum dolor sit amet\n'.repeat(115_000);
    let stream = '';
    for (let i = 0; i < 20; i++) {
      const msg = Buffer.from(`${big}commit ${i}\n`);
      stream +=
        `commit refs/heads/main\ncommitter A <a@example.com> ${1_700_000_000 + i} +0000\n` +
        `data ${msg.length}\n${msg.toString()}\n` +
        (i === 0 ? 'from refs/heads/main^0\n' : '') +
        `M 100644 inline src/f${i}.py\ndata 6\nx = 1\n\n`;
    }
    const fi = spawnSync('git', ['fast-import', '--quiet'], { cwd: r.root, input: stream });
    expect(fi.status).toBe(0);
    const head = r.git('rev-parse', 'main');
    const { history } = await readHistory(r.root, head, 100);
    expect(history.commits).toHaveLength(21);
    expect(history.commits[0]).toMatchObject({ m: 'Rework the login flow', f: ['src/f19.py'] });
  });
});
