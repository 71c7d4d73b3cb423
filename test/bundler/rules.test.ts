import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  rankRules,
  selectRules,
  splitMarkdown,
  splitToml,
  type RuleSection,
} from '../../src/stations/bundler/rules.js';
import { EXAMPLES } from '../support/repo.js';

const ARCH = readFileSync(join(EXAMPLES, 'python-flask-users', 'specs', 'architecture.md'), 'utf8').split(
  '\n',
);

describe('splitMarkdown', () => {
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
