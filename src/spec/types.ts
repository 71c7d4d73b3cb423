/** The spec model: what Guardian reads from a user's repository. Pure data, no behaviour. */

export const TASK_STATUSES = ['pending', 'in_progress', 'done', 'failed', 'blocked'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const PLAN_STAGES = ['pre-start', 'final-submit'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

export type Expectation = 'pass' | 'fail';

/** One problem found in a user's file. `line` is 1-based in that file. */
export interface Problem {
  file: string;
  line?: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface PlanStep {
  description: string;
  stage: PlanStage;
  command: string;
  expects: Expectation;
  /** Seconds. */
  timeout?: number;
  /** Line of the step's opening brace in the blueprint file. */
  line: number;
}

export interface AcceptanceCriterion {
  text: string;
  checked: boolean;
  line: number;
}

export const SECTION_KEYS = [
  'goal',
  'acceptance_criteria',
  'implementation_plan',
  'verification_plan',
  'architectural_constraints',
  'security_considerations',
  'relevant_existing_code',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface Section {
  /** The heading text without "##" and without a leading number ("4."). */
  title: string;
  key: SectionKey | null;
  /** Markdown between this heading and the next H2 (trimmed). */
  body: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** 1-based line where `body` starts. */
  bodyLine: number;
}

export interface Blueprint {
  /** Repository-relative, posix. */
  path: string;
  id: string;
  title: string;
  status: TaskStatus;
  requirementId?: string;
  branch?: string;
  relevantTests: string[];
  dependsOn: string[];
  milestone?: string;
  labels: string[];
  sections: Partial<Record<SectionKey, Section>>;
  /** H2 sections with titles Guardian does not know, in file order. */
  otherSections: Section[];
  acceptanceCriteria: AcceptanceCriterion[];
  plan: PlanStep[];
  hasPlan: boolean;
  /** The file's text exactly as read. */
  raw: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  /** 1-based line of the `status:` key in the front matter (for a minimal in-place edit). */
  statusLine?: number;
  /** 1-based line of each front matter key (`depends_on`, `relevant_tests`…), for problems found later. */
  fieldLines?: Readonly<Record<string, number>>;
}

export interface Milestone {
  path: string;
  id: string;
  title: string;
  tasks: string[];
  /** Whether tasks whose dependencies are done may run at the same time (front matter `parallel`). */
  parallel: boolean;
  /** Optional cron expression (front matter `schedule`) for scheduled runs. */
  schedule?: string;
  body: string;
  /** 1-based line of each front matter field, for messages. */
  fieldLines?: Record<string, number>;
}

export interface QualityCheck {
  name: string;
  command: string;
  /** Seconds; undefined means the default (600). */
  timeout?: number;
  /** Run alone, never at the same time as another check. */
  exclusive: boolean;
  /** Extra environment variables for this check. */
  env: Record<string, string>;
  /** 1-based line of the entry in quality.toml. */
  line?: number;
}

export interface LlmStationConfig {
  model?: string;
  baseUrl?: string;
}

export interface QualityConfig {
  path: string;
  checks: QualityCheck[];
  setup: { commands: string[]; timeout?: number };
  guard: { protected: string[]; allowSkipMarkers: boolean; allowConfigChanges: boolean };
  validator: {
    jobs?: number;
    failFast: boolean;
    defaultTimeout: number;
    secretEnv: string[];
    /** Judge a working-tree change in a clean worktree of the base too, never in place. */
    cleanWorktree: boolean;
  };
  bundle: { tokenBudget: number; include: string[]; exclude: string[] };
  llm: {
    model?: string;
    baseUrl?: string;
    coder: LlmStationConfig;
    security: LlmStationConfig;
    maxTurns?: number;
    tokenBudget?: number;
    costBudgetUsd?: number;
    timeoutSeconds?: number;
  };
  commit: { authorName?: string; authorEmail?: string };
}

export interface Project {
  root: string;
  tasks: Blueprint[];
  milestones: Milestone[];
  quality?: QualityConfig;
  problems: Problem[];
}

export const DEFAULT_PROTECTED = ['quality.toml', 'specs/**', '.github/**', '.guardian/**'];
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 600;
export const DEFAULT_TOKEN_BUDGET = 24000;
