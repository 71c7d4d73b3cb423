/** Milestones: `specs/milestones/*.md` — an ordered list of tasks. */
import { hasControlChar } from '../util/chars.js';
import { parseFrontMatter } from './frontmatter.js';
import { isTaskId } from './blueprint.js';
import { describe } from './plan.js';
import { decodeSpecFile, didYouMean, isMilestoneId } from './text.js';
import type { Milestone, Problem } from './types.js';

export { isMilestoneId };

export const MILESTONE_FIELDS = ['id', 'title', 'tasks', 'parallel', 'schedule'] as const;

export function parseMilestone(
  data: string | Buffer,
  file: string,
): { milestone?: Milestone; problems: Problem[] } {
  const decoded = decodeSpecFile(data, file);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const { fm, problems } = parseFrontMatter(decoded.text, file);
  if (!fm) return { problems };
  const d = fm.data;
  const at = (f: string) => fm.keyLines[f] ?? 1;
  const err = (field: string, message: string, line = at(field)) =>
    problems.push({ file, line, field, severity: 'error', message });

  for (const key of Object.keys(d)) {
    if (!(MILESTONE_FIELDS as readonly string[]).includes(key)) {
      err(
        key,
        `unknown field '${key}'${didYouMean(key, MILESTONE_FIELDS)}; known fields: ${MILESTONE_FIELDS.join(', ')}`,
      );
    }
  }
  if (d.id === undefined) err('id', 'missing required field `id` (a milestone id like MVP)', 1);
  else if (typeof d.id !== 'string' || !isMilestoneId(d.id)) {
    err(
      'id',
      `expected a milestone id (letters, digits, '.', '_', '-'; no '..', no trailing '.' or '.lock': it names a branch), got ${describe(d.id)}`,
    );
  }
  if (d.title === undefined) err('title', 'missing required field `title`', 1);
  else if (typeof d.title !== 'string' || d.title.trim() === '')
    err('title', `expected a non-empty string, got ${describe(d.title)}`);
  else if (hasControlChar(d.title))
    err(
      'title',
      'expected plain text: it contains a control character (a line break, an escape sequence or a bidi override)',
    );
  const tasks: string[] = [];
  if (d.tasks === undefined) err('tasks', 'missing required field `tasks` (the ordered list of task ids)', 1);
  else if (!Array.isArray(d.tasks)) err('tasks', `expected a list of task ids, got ${describe(d.tasks)}`);
  else {
    // A set, not `tasks.includes`: a 1 MiB milestone lists 100,000 ids, and comparing each with every
    // earlier one took minutes.
    const listed = new Set<string>();
    d.tasks.forEach((t, i) => {
      if (!isTaskId(t)) err('tasks', `item ${i + 1}: expected a task id like TASK-042, got ${describe(t)}`);
      else if (listed.has(t)) err('tasks', `item ${i + 1}: ${t} is listed twice`);
      else {
        listed.add(t);
        tasks.push(t);
      }
    });
  }
  if (d.parallel !== undefined && typeof d.parallel !== 'boolean')
    err('parallel', `expected true or false, got ${describe(d.parallel)}`);
  // Five fields of cron's characters (digits, names, `*`, `,`, `-`, `/`, `?`, `#`), one space-separated
  // line: the value is compared with the cron that fired and shown in logs.
  if (
    d.schedule !== undefined &&
    (typeof d.schedule !== 'string' ||
      !/^[0-9A-Za-z*,/?#-]+(?: +[0-9A-Za-z*,/?#-]+){4}$/.test(d.schedule.trim()))
  ) {
    err(
      'schedule',
      `expected a cron expression with five fields like "0 3 * * *", got ${describe(d.schedule)}`,
    );
  }
  if (problems.length) return { problems };
  return {
    milestone: {
      path: file,
      id: d.id as string,
      title: (d.title as string).trim(),
      tasks,
      parallel: (d.parallel as boolean | undefined) ?? false,
      ...(d.schedule !== undefined ? { schedule: d.schedule as string } : {}),
      body: fm.body,
      fieldLines: fm.keyLines,
    },
    problems,
  };
}
