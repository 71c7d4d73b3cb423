/** The Validator's diagnostics as annotations on the failing lines of the pull request / commit. */
import * as core from '@actions/core';
import type { ValidationReport } from '../stations/validator/types.js';

/** GitHub shows a limited number of annotations per step; more only add noise to the log. */
export const MAX_ANNOTATIONS = 50;

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/**
 * One annotation per diagnostic of every check that did not pass (a check without any gets one without
 * a file). Two checks that report the same line (a quality check and a plan step running the same
 * tests) share one annotation, titled with both.
 */
export function annotationsOf(r: ValidationReport, max = MAX_ANNOTATIONS): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Map<string, { annotation: Annotation; checks: string[]; outcome: string }>();
  const add = (a: Annotation, check: string, outcome: string) => {
    const key = `${a.file ?? ''}:${a.startLine ?? ''}:${a.message}`;
    const prev = seen.get(key);
    if (prev) {
      prev.checks.push(check);
      prev.annotation.title = `${prev.checks.join(', ')} (${prev.outcome})`;
      return;
    }
    seen.set(key, { annotation: a, checks: [check], outcome });
    out.push(a);
  };
  for (const c of r.checks) {
    if (c.outcome === 'pass') continue;
    const title = `${c.name} (${c.outcome})`;
    if (c.diagnostics.length === 0) {
      const last = c.outputTail.trim().split('\n').filter(Boolean).slice(-1)[0];
      out.push({
        level: 'error',
        title,
        message: last ? `${c.description ?? c.command ?? c.name}: ${last}` : title,
      });
      continue;
    }
    for (const d of c.diagnostics) {
      add(
        {
          level: 'error',
          title,
          message: d.tool ? `${d.message} [${d.tool}]` : d.message,
          ...(d.file ? { file: d.file, startLine: d.line } : {}),
          ...(d.file && d.column ? { startColumn: d.column } : {}),
        },
        c.name,
        c.outcome,
      );
    }
  }
  return out.slice(0, max);
}

export function emitAnnotations(list: Annotation[]): void {
  for (const a of list) {
    const { level, message, ...props } = a;
    (level === 'error' ? core.error : core.warning)(message, props);
  }
}
