export * from './types.js';
export { parseBlueprint, isTaskId, BLUEPRINT_FIELDS } from './blueprint.js';
export { parseMilestone } from './milestone.js';
export { parseQualityToml } from './quality.js';
export { parsePlan } from './plan.js';
export { splitSections, findFences, parseCheckboxes } from './markdown.js';
export { fsSource, gitSource, SYMLINK_REASON, type FileSource } from './source.js';
export {
  loadProject,
  requireTask,
  requireMilestone,
  requireQuality,
  readyTasks,
  findCycles,
  formatProblem,
  errorsOf,
  TASKS_DIR,
  MILESTONES_DIR,
  QUALITY_FILE,
} from './project.js';
