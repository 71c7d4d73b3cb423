/** Task blueprints: `specs/tasks/*.md`. Parsing is pure: text in, model + problems out. */
import { TASK_ID_PATTERN } from '../bundle/bundle.js';
import { hasControlChar } from '../util/chars.js';
import { checkRepoRelativePath, sha256 } from '../util/fs.js';
import { parseFrontMatter } from './frontmatter.js';
import { parseCheckboxes, splitSections } from './markdown.js';
import { describe, parsePlan } from './plan.js';
import { checkRefName, decodeSpecFile, didYouMean, isMilestoneId } from './text.js';
import { TASK_STATUSES, type Blueprint, type Problem, type Section, type SectionKey } from './types.js';

export const BLUEPRINT_FIELDS = [
  'id',
  'title',
  'status',
  'requirement_id',
  'branch',
  'relevant_tests',
  'depends_on',
  'milestone',
  'labels',
] as const;

/** `./a//b/` as `a/b`: a path already checked to stay inside the repository. */
function normalizeRepoPath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  return parts.length ? parts.join('/') : p;
}

export function isTaskId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 64 && TASK_ID_PATTERN.test(v);
}

export function parseBlueprint(
  data: string | Buffer,
  file: string,
): { blueprint?: Blueprint; problems: Problem[] } {
  const decoded = decodeSpecFile(data, file);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const text = decoded.text;
  const { fm, problems } = parseFrontMatter(text, file);
  if (!fm) return { problems };

  const d = fm.data;
  const at = (field: string) => fm.keyLines[field] ?? 1;
  const err = (field: string, message: string, line = at(field)) =>
    problems.push({ file, line, field, severity: 'error', message });

  for (const key of Object.keys(d)) {
    if (!(BLUEPRINT_FIELDS as readonly string[]).includes(key)) {
      err(
        key,
        `unknown field '${key}'${didYouMean(key, BLUEPRINT_FIELDS)}; known fields: ${BLUEPRINT_FIELDS.join(', ')}`,
      );
    }
  }

  if (d.id === undefined) err('id', 'missing required field `id` (a task id like TASK-042)', 1);
  else if (typeof d.id !== 'string') err('id', `expected a string like TASK-042, got ${describe(d.id)}`);
  else if (!isTaskId(d.id))
    err('id', `expected a task id like TASK-042 (letters, digits, dashes), got ${describe(d.id)}`);

  if (d.title === undefined) err('title', 'missing required field `title`', 1);
  else if (typeof d.title !== 'string' || d.title.trim() === '')
    err('title', `expected a non-empty string, got ${describe(d.title)}`);
  else if (/[\r\n]/.test(d.title)) err('title', 'expected a single line of text');
  // A title reaches terminals, logs and commit subjects: no escape sequences or bidi overrides.
  else if (hasControlChar(d.title))
    err(
      'title',
      'expected plain text: it contains a control character (an escape sequence or a bidi override)',
    );

  if (d.status === undefined)
    err('status', `missing required field \`status\` (one of ${TASK_STATUSES.join(', ')})`, 1);
  else if (!TASK_STATUSES.includes(d.status as never)) {
    err('status', `expected one of ${TASK_STATUSES.join(', ')}, got ${describe(d.status)}`);
  }

  if (
    d.requirement_id !== undefined &&
    (typeof d.requirement_id !== 'string' || d.requirement_id.trim() === '')
  ) {
    err('requirement_id', `expected a non-empty string like REQ-007, got ${describe(d.requirement_id)}`);
  } else if (typeof d.requirement_id === 'string' && hasControlChar(d.requirement_id)) {
    // It becomes a commit trailer and is printed by `show`: one line of plain text.
    err(
      'requirement_id',
      `expected one line of plain text like REQ-007: it contains a control character (a line break, an escape sequence or a bidi override), got ${describe(d.requirement_id)}`,
    );
  }
  if (d.branch !== undefined) {
    if (typeof d.branch !== 'string') err('branch', `expected a git branch name, got ${describe(d.branch)}`);
    else {
      const why = checkRefName(d.branch);
      if (why) err('branch', `'${d.branch}' is not a valid git branch name: ${why}`);
    }
  }
  const stringList = (field: string, check?: (s: string) => string | undefined): string[] => {
    const v = d[field];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      err(field, `expected a list, got ${describe(v)}`);
      return [];
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        err(field, `item ${i + 1}: expected a non-empty string, got ${describe(item)}`);
        return;
      }
      // Items are printed by `lint`, `list` and `show` and compared with paths and ids: plain text only.
      const why = hasControlChar(item)
        ? 'expected plain text: it contains a control character (a line break, an escape sequence or a bidi override)'
        : check?.(item);
      if (why) err(field, `item ${i + 1} '${item}': ${why}`);
      else out.push(item);
    });
    return out;
  };
  // Written as git lists paths (`tests/a.py`, not `./tests/a.py` or `tests//a.py`): the Validator
  // compares them with the changed files' paths.
  const relevantTests = stringList('relevant_tests', (p) => {
    const why = checkRepoRelativePath(p);
    return why ? `expected a repository-relative path, got ${why}` : undefined;
  }).map(normalizeRepoPath);
  const listedDeps = stringList('depends_on', (id) =>
    isTaskId(id) ? undefined : 'expected a task id like TASK-041',
  );
  // A dependency listed twice is kept once (every problem with it was reported twice), and said so.
  const dependsOn = [...new Set(listedDeps)];
  if (dependsOn.length < listedDeps.length) {
    const seen = new Set<unknown>();
    (d.depends_on as unknown[]).forEach((id, i) => {
      if (typeof id === 'string' && isTaskId(id) && seen.has(id))
        problems.push({
          file,
          line: at('depends_on'),
          field: 'depends_on',
          severity: 'warning',
          message: `item ${i + 1}: ${id} is listed twice`,
        });
      seen.add(id);
    });
  }
  const labels = stringList('labels');
  if (d.milestone !== undefined && (typeof d.milestone !== 'string' || !isMilestoneId(d.milestone))) {
    err(
      'milestone',
      `expected a milestone id (letters, digits, '.', '_', '-', as in a milestone file's \`id\`), got ${describe(d.milestone)}`,
    );
  }

  // Sections.
  const all = splitSections(fm.body, fm.bodyLine);
  const sections: Partial<Record<SectionKey, Section>> = {};
  const otherSections: Section[] = [];
  for (const s of all) {
    if (s.key === null) otherSections.push(s);
    else if (sections[s.key]) {
      problems.push({
        file,
        line: s.line,
        field: s.title,
        severity: 'error',
        message: `duplicate section '${s.title}' (first at line ${sections[s.key]!.line})`,
      });
    } else sections[s.key] = s;
  }
  const ac = sections.acceptance_criteria;
  const acceptanceCriteria = ac ? parseCheckboxes(ac.body, ac.bodyLine) : [];
  // Criteria reach the prompt, the job summary and the commit message, where control characters are
  // written out or replaced; the architect is told, since the text is likely not what was meant (a tab
  // is only white space).
  for (const c of acceptanceCriteria) {
    if (hasControlChar(c.text.replace(/\t/g, ' ')))
      problems.push({
        file,
        line: c.line,
        field: 'acceptance criteria',
        severity: 'warning',
        message:
          'expected plain text: the criterion contains a control character (an escape sequence or a bidi override); it is shown escaped, and as a space in the commit message',
      });
  }

  const plan = parsePlan(fm.body, fm.bodyLine, file);
  problems.push(...plan.problems);

  if (problems.some((p) => p.severity === 'error')) return { problems };
  if (!plan.found) {
    problems.push({
      file,
      line: sections.verification_plan?.line ?? fm.bodyLine,
      field: 'verification plan',
      severity: 'warning',
      message: 'no ```guardian verification plan: the Validator will refuse this task until one is added',
    });
  }
  if (!sections.goal) {
    problems.push({
      file,
      line: fm.bodyLine,
      field: 'Goal',
      severity: 'warning',
      message: "no '## Goal' section",
    });
  }
  if (!ac) {
    problems.push({
      file,
      line: fm.bodyLine,
      field: 'Functional Acceptance Criteria',
      severity: 'warning',
      message: "no '## Functional Acceptance Criteria' section",
    });
  }

  return {
    blueprint: {
      path: file,
      id: d.id as string,
      title: (d.title as string).trim(),
      status: d.status as Blueprint['status'],
      ...(d.requirement_id !== undefined ? { requirementId: (d.requirement_id as string).trim() } : {}),
      ...(d.branch !== undefined ? { branch: d.branch as string } : {}),
      relevantTests,
      dependsOn,
      ...(d.milestone !== undefined ? { milestone: d.milestone as string } : {}),
      labels,
      sections,
      otherSections,
      acceptanceCriteria,
      plan: plan.steps,
      hasPlan: plan.found,
      raw: text,
      sha256: sha256(typeof data === 'string' ? Buffer.from(data) : data),
      ...(fm.keyLines.status !== undefined ? { statusLine: fm.keyLines.status } : {}),
      fieldLines: { ...fm.keyLines },
    },
    problems,
  };
}
