/** Changes applied to temporary copies of the examples, and helpers to run the gate stations on them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianFirstPath, type TempRepo } from '../support/repo.js';

/** Environment for checks that run Debian's Python tools. */
export function pythonEnv(): NodeJS.ProcessEnv {
  // One mypy cache for every test repository: a cold mypy run costs ~20 s, a warm one ~2 s.
  return {
    ...process.env,
    PATH: debianFirstPath(),
    MYPY_CACHE_DIR: join(tmpdir(), 'guardian-test-mypy-cache'),
  };
}

export function edit(repo: TempRepo, rel: string, from: string | RegExp, to: string): void {
  const p = join(repo.root, rel);
  const text = readFileSync(p, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${rel}: ${String(from)} not found`);
  writeFileSync(p, next);
}

export const LAST_LOGIN_TEST = `

def test_login_records_last_login_in_utc(session: Session) -> None:
    register(session, "carol@example.com", "correct horse")
    session.commit()
    user = login(session, "carol@example.com", "correct horse")
    assert user is not None
    assert user.last_login is not None
    assert user.last_login.utcoffset() == timedelta(0)
`;

/** Only the new test of TASK-042 (the failing half of TDD). */
export function addLastLoginTest(repo: TempRepo): void {
  edit(repo, 'tests/test_auth.py', 'import pytest\n', 'from datetime import timedelta\n\nimport pytest\n');
  const p = join(repo.root, 'tests/test_auth.py');
  writeFileSync(p, readFileSync(p, 'utf8').replace(/\n*$/, '\n') + LAST_LOGIN_TEST);
}

/** The implementation of TASK-042 (model column, migration, login update). */
export function implementLastLogin(repo: TempRepo): void {
  edit(
    repo,
    'src/models/user.py',
    /( +created_at = Column\(.*\)\n)/,
    '$1    last_login = Column(UTCDateTime(), nullable=True)\n',
  );
  edit(
    repo,
    'src/services/auth.py',
    'from src.models import User\n',
    'from src.models import User\nfrom src.models.types import utcnow\n',
  );
  edit(
    repo,
    'src/services/auth.py',
    /( {4}if not check_password_hash\(.*\):\n {8}return None\n)( {4}return user)/,
    '$1    user.last_login = utcnow()\n    session.flush()\n$2',
  );
  repo.write(
    'migrations/versions/0002_user_last_login.py',
    `"""add users.last_login

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-06 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("last_login", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("last_login")
`,
  );
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const SMALL_BLUEPRINT = `---
id: TASK-001
title: "Double the value"
requirement_id: "REQ-1"
status: "pending"
---

## 1. Goal
The value is doubled.

## 2. Functional Acceptance Criteria
*   [ ] \`src/value.txt\` holds 2.

## 3. Implementation Plan
1.  Change the test, then the value.

## 4. Verification Plan
\`\`\`guardian
[
  { "description": "The value check passes at the base.", "stage": "pre-start", "command": "sh tests/check.sh", "expects": "pass" },
  { "description": "The value is 2.", "stage": "final-submit", "command": "sh tests/check.sh", "expects": "pass" }
]
\`\`\`
`;

/**
 * A tiny repository with one task (TASK-001) whose "tests" are a shell script: fast enough to test the
 * gate's rules without a real tool chain.
 */
export function smallRepoFiles(
  quality = '[quality_checks]\nlint = "test -f src/value.txt"\n',
): Record<string, string> {
  return {
    'quality.toml': quality,
    '.gitignore': '.guardian/\n',
    'specs/tasks/TASK-001_double.md': SMALL_BLUEPRINT,
    'src/value.txt': '1\n',
    'tests/check.sh': 'grep -qx 1 src/value.txt\n',
  };
}

/** A tiny linter: fails when a file under src/ says BAD. */
export const LINTER = `const fs = require('node:fs');
const bad = fs.readdirSync('src').filter((f) => fs.readFileSync('src/' + f, 'utf8').includes('BAD'));
if (bad.length) { console.error('src/' + bad[0] + ':1: BAD is forbidden'); process.exit(1); }
`;

/** The small task repository with a real node_modules holding the linter, which `lint` runs. */
export function linterRepoFiles(): Record<string, string> {
  return {
    ...smallRepoFiles('[quality_checks]\nlint = "node node_modules/mylint/index.js"\n'),
    '.gitignore': '.guardian/\nnode_modules/\n',
    'node_modules/mylint/package.json': '{ "name": "mylint", "version": "1.0.0", "main": "index.js" }\n',
    'node_modules/mylint/index.js': LINTER,
  };
}

/** The TDD change of TASK-001: the test first, then the implementation. */
export function doubleValue(repo: TempRepo): void {
  repo.write('tests/check.sh', 'grep -qx 2 src/value.txt\n');
  repo.write('src/value.txt', '2\n');
}

/** A Task Bundle manifest at the repository's HEAD, as the Bundler would write it. */
export function writeBundleManifest(repo: TempRepo, taskId: string, blueprintPath: string): void {
  repo.write(
    `.guardian/bundles/${taskId}/manifest.json`,
    JSON.stringify({
      schemaVersion: 1,
      taskId,
      baseCommit: repo.git('rev-parse', 'HEAD'),
      blueprintPath,
      blueprintSha256: '',
      createdAt: new Date().toISOString(),
      stations: {},
      files: {},
      usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 },
    }),
  );
}
