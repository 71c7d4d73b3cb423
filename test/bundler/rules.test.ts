import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepoTree } from '../../src/stations/bundler/tree.js';
import {
  MAX_RULE_SOURCES,
  rankRules,
  readRuleSections,
  selectRules,
  splitMarkdown,
  splitToml,
  type RuleSection,
} from '../../src/stations/bundler/rules.js';
import { EXAMPLES, gitIn, makeRepo } from '../support/repo.js';

const ARCH = readFileSync(join(EXAMPLES, 'python-flask-users', 'specs', 'architecture.md'), 'utf8').split(
  '\n',
);

describe('splitMarkdown', () => {
  it('reads a heading padded with a long run of spaces, and strips a closing sequence of #s', () => {
    const pad = ' '.repeat(20_000);
    const s = splitMarkdown('specs/a.md', [`## a${pad}b${pad}`, 'x', `## Data ${pad}##${pad}`, 'y']);
    expect(s.map((x) => x.heading.split(' > ').pop()!.replace(/ {2,}/, ' … '))).toEqual(['a … b', 'Data']);
  });
  it('splits at headings outside code fences and keeps heading paths and line numbers', () => {
    const lines = [
      '# Title', // 1
      '', // 2
      'Intro rules:', // 3
      '- be nice', // 4
      '', // 5
      '## Data', // 6
      '', // 7
      '### Models', // 8
      '- models live in `src/models/`', // 9
      '```', // 10
      '# not a heading', // 11
      '```', // 12
      '## Empty', // 13
      '## Last', // 14
      'text', // 15
    ];
    const s = splitMarkdown('specs/a.md', lines);
    expect(s.map((x) => [x.heading, x.line, x.endLine])).toEqual([
      ['Title', 1, 4],
      ['Title › Data › Models', 8, 12],
      ['Title › Last', 14, 15],
    ]);
    expect(s[1]!.body).toContain('# not a heading');
    expect(s[1]!.bodyLine).toBe(9);
  });

  it('splits TOML at tables', () => {
    const s = splitToml('Project.toml', [
      'name = "x"',
      '',
      '[architecture]',
      'rule = "models in src/models"',
      '[[checks]]',
      'a = 1',
    ]);
    expect(s.map((x) => [x.heading, x.line, x.endLine])).toEqual([
      ['Project.toml', 1, 1],
      ['architecture', 3, 4],
      ['checks', 5, 6],
    ]);
  });
});

describe('rankRules on the flask example', () => {
  const sections = splitMarkdown('specs/architecture.md', ARCH);
  const query =
    'Add `last_login` field to User model. When a user successfully logs in, their last_login time is recorded, stored in UTC. Update the User data model. Create a database migration. Update the login service logic. All SQLAlchemy models must be defined in src/models/.';
  const ranked = rankRules({
    sections,
    query,
    relevantPaths: ['src/models/user.py', 'tests/test_auth.py', 'src/services/auth.py'],
    libraries: ['SQLAlchemy', 'alembic'],
  });

  it('marks the short global rules as always included', () => {
    const global = ranked.filter((r) => r.kind === 'global');
    expect(global).toHaveLength(1);
    expect(global[0]!.body).toContain('Global rules:');
    expect(global[0]!.line).toBe(1);
  });

  it('ranks the data model and migration rules above unrelated ones', () => {
    const order = ranked
      .filter((r) => r.kind === 'ranked')
      .sort((a, b) => b.score - a.score)
      .map((r) => r.heading.split(' › ').slice(1).join(' › '));
    const pos = (h: string) => order.indexOf(h);
    expect(pos('Data Models › Where models live')).toBeLessThan(3);
    expect(pos('Database Migrations')).toBeLessThan(pos('HTTP API'));
    const where = ranked.find((r) => r.heading.endsWith('Where models live'))!;
    expect(where.reasons.join(' ')).toMatch(/names src\/models\//);
  });

  it('selects the blueprint first, then global, then ranked rules above a floor, in a stable order', () => {
    const own: RuleSection = {
      source: 'specs/tasks/T.md',
      line: 40,
      endLine: 42,
      heading: 'T › Architectural Constraints',
      body: '- x',
      bodyLine: 41,
      kind: 'blueprint',
      score: 1,
      reasons: [],
    };
    const a = selectRules(ranked, own);
    const b = selectRules([...ranked].reverse(), own);
    expect(a.included[0]).toBe(own);
    expect(a.included[1]!.kind).toBe('global');
    expect(a.included.map((r) => r.line)).toEqual(b.included.map((r) => r.line));
    expect(a.included.length).toBeLessThanOrEqual(1 + 1 + 8);
    expect(
      a.included.some((r) => r.body.includes('All SQLAlchemy models must be defined in `src/models/`')),
    ).toBe(true);
  });
});

describe('readRuleSections on a repository with more rule files than a bundle reads', () => {
  it('reads specs/architecture.md and the first sources by name, and notes the rest once', () => {
    const files: Record<string, string> = {
      'specs/architecture.md': '# Architecture\n\n- Services own the database session.\n',
      // Over the per-file size limit: not read, and not counted against the total.
      'specs/a-huge.md': `# Huge\n${'x'.repeat(600 * 1024)}\n`,
      'AGENTS.md': '# Agents\n\n- Run the tests before finishing.\n',
    };
    const n = MAX_RULE_SOURCES + 20;
    for (let i = 0; i < n; i++)
      files[`specs/extra/r${String(i).padStart(4, '0')}.md`] = `# Rule ${i}\n\n- Validate input ${i}.\n`;
    const repo = makeRepo(undefined, { files });
    try {
      const tree = new RepoTree(repo.root, gitIn(repo.root, ['rev-parse', 'HEAD']));
      const { sections, notes } = readRuleSections(tree);
      const sources = [...new Set(sections.map((s) => s.source))];
      expect(sources[0]).toBe('specs/architecture.md');
      // architecture.md, the huge file (noted) and the first extra files fill the quota.
      expect(sources).toHaveLength(MAX_RULE_SOURCES - 1);
      expect(sources).toContain('specs/extra/r0000.md');
      expect(sources).not.toContain(`specs/extra/r${String(MAX_RULE_SOURCES - 2).padStart(4, '0')}.md`);
      expect(sources).not.toContain('AGENTS.md');
      expect(notes).toEqual([
        {
          path: `specs/extra/r${String(MAX_RULE_SOURCES - 2).padStart(4, '0')}.md`,
          reason:
            `over the limit of ${MAX_RULE_SOURCES} rule sources or 4 MiB per bundle; neither it nor the 22 ` +
            'after it (up to `AGENTS.md`) are read',
        },
        { path: 'specs/a-huge.md', reason: expect.stringMatching(/^too large/) },
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it('stops at 4 MiB of rule text', () => {
    const files: Record<string, string> = {};
    // Ten files of 480 KiB: eight fit in 4 MiB.
    for (let i = 0; i < 10; i++)
      files[`specs/r${i}.md`] = `# Rule ${i}\n${'- be careful\n'.repeat(480 * 79)}`;
    const repo = makeRepo(undefined, { files });
    try {
      const tree = new RepoTree(repo.root, gitIn(repo.root, ['rev-parse', 'HEAD']));
      const { sections, notes } = readRuleSections(tree);
      expect([...new Set(sections.map((s) => s.source))]).toEqual(
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `specs/r${i}.md`),
      );
      expect(notes).toEqual([
        {
          path: 'specs/r8.md',
          reason: `over the limit of ${MAX_RULE_SOURCES} rule sources or 4 MiB per bundle; neither it nor the 1 after it (up to \`specs/r9.md\`) are read`,
        },
      ]);
    } finally {
      repo.cleanup();
    }
  });
});
