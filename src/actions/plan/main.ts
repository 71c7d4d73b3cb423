/** The plan action of the milestone workflow: which tasks to run, in which order, on which branch. */
import * as core from '@actions/core';
import { ConfigurationError } from '../../errors.js';
import { optionalString, rootInput, shown } from '../../github/inputs.js';
import { runAction } from '../../github/run.js';
import { table, writeSummary } from '../../github/summary.js';
import { execGit } from '../../git/git.js';
import { fsSource, gitSource, loadProject } from '../../spec/index.js';
import { isMilestoneId } from '../../spec/milestone.js';
import { chooseMilestone, planMilestoneRun } from './plan.js';

export const Inputs = { Milestone: 'milestone', Schedule: 'schedule', Root: 'root' } as const;

export interface PlanInputs {
  milestone?: string;
  schedule?: string;
  root: string;
}

export function getInputs(): PlanInputs {
  const milestone = optionalString(Inputs.Milestone);
  if (milestone && !isMilestoneId(milestone)) {
    throw new ConfigurationError(
      `input '${Inputs.Milestone}': ${shown(milestone)} is not a milestone id; expected letters, digits, dots, underscores and dashes, like MVP`,
    );
  }
  const schedule = optionalString(Inputs.Schedule);
  // A cron expression is printed and compared, never run: one line of printable characters.
  if (schedule && !/^[\x20-\x7e]{1,120}$/.test(schedule)) {
    throw new ConfigurationError(
      `input '${Inputs.Schedule}': ${shown(schedule)} is not a cron expression; expected one line like "0 3 * * 1"`,
    );
  }
  return { milestone, schedule, root: rootInput(Inputs.Root) };
}

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const project = loadProject(inputs.root, fsSource(inputs.root), { quality: false });
    const id = chooseMilestone(project, inputs.milestone, inputs.schedule);
    if (!id) {
      core.setOutput('milestone', '');
      core.setOutput('tasks', '[]');
      core.setOutput('count', '0');
      core.setOutput('parallel', 'false');
      core.setOutput('branch', '');
      core.info(`no milestone has schedule "${inputs.schedule}": nothing to run`);
      await writeSummary(
        `### Milestone plan\n\nNo milestone has \`schedule: "${inputs.schedule}"\`: nothing to run.\n`,
      );
      return;
    }
    let plan = planMilestoneRun(project, id);
    // Tasks already completed on the milestone's branch are done there, not yet on this one.
    const tip = plan.branch
      ? execGit(['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${plan.branch}^{commit}`], {
          cwd: inputs.root,
          allowFailure: true,
        }).stdout.trim()
      : '';
    if (tip) {
      core.info(
        `planning from origin/${plan.branch} (${tip.slice(0, 12)}), where earlier tasks of the milestone are committed`,
      );
      plan = planMilestoneRun(loadProject(inputs.root, gitSource(inputs.root, tip), { quality: false }), id);
    }
    core.setOutput('milestone', plan.milestone);
    core.setOutput('tasks', JSON.stringify(plan.tasks));
    core.setOutput('count', String(plan.tasks.length));
    core.setOutput('parallel', String(plan.parallel));
    core.setOutput('branch', plan.branch);
    core.info(
      `${plan.milestone}: ${plan.tasks.length ? plan.tasks.join(' → ') : 'nothing to run'} (${plan.parallel ? 'parallel' : 'sequential'})`,
    );
    await writeSummary(
      [
        `### Milestone ${plan.milestone}: ${plan.tasks.length} task(s) to run, ${plan.parallel ? 'in parallel (each on its own branch)' : `one after another on \`${plan.branch}\``}\n`,
        plan.tasks.length
          ? table(
              ['#', 'Task'],
              plan.tasks.map((t, i) => [i + 1, t]),
            )
          : 'Nothing to run: every task is done.\n',
        plan.skipped.length
          ? `\n${table(
              ['Left out', 'Why'],
              plan.skipped.map((s) => [s.id, s.why]),
            )}`
          : '',
      ].join('\n'),
    );
  });
}
