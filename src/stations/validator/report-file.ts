/**
 * Reading `validation.json` back from a Task Bundle (the Coder's next attempt, Completion): the file
 * travelled between jobs, so its shape is checked field by field before anything relies on it.
 */
import { bundleFieldError, isJsonObject, readBundleJson } from '../../bundle/bundle.js';
import type { ValidationReport } from './types.js';

const OUTCOMES = ['pass', 'fail', 'timeout', 'error'];

function checkString(file: string, field: string, v: unknown, optional = false): void {
  if (optional && v === undefined) return;
  if (typeof v !== 'string') throw bundleFieldError(file, field, 'a string', v);
}

/** Checks a parsed validation.json; throws a user error naming the first field of the wrong shape. */
export function checkValidationReport(doc: unknown, file: string): ValidationReport {
  if (!isJsonObject(doc)) throw bundleFieldError(file, '(top level)', 'a validation report (an object)', doc);
  checkString(file, 'taskId', doc.taskId);
  checkString(file, 'baseCommit', doc.baseCommit);
  checkString(file, 'patchSha256', doc.patchSha256);
  checkString(file, 'summary', doc.summary);
  if (doc.verdict !== 'pass' && doc.verdict !== 'fail')
    throw bundleFieldError(file, 'verdict', '"pass" or "fail"', doc.verdict);
  if (doc.changedFiles !== undefined) {
    if (!Array.isArray(doc.changedFiles))
      throw bundleFieldError(file, 'changedFiles', 'an array of paths', doc.changedFiles);
    doc.changedFiles.forEach((p, i) => checkString(file, `changedFiles[${i}]`, p));
  }
  if (!Array.isArray(doc.checks))
    throw bundleFieldError(file, 'checks', 'an array of check results', doc.checks);
  doc.checks.forEach((c: unknown, i) => {
    const at = `checks[${i}]`;
    if (!isJsonObject(c)) throw bundleFieldError(file, at, 'a check result (an object)', c);
    checkString(file, `${at}.name`, c.name);
    checkString(file, `${at}.kind`, c.kind);
    if (typeof c.outcome !== 'string' || !OUTCOMES.includes(c.outcome))
      throw bundleFieldError(file, `${at}.outcome`, `one of ${OUTCOMES.join(', ')}`, c.outcome);
    for (const k of ['description', 'command'] as const) checkString(file, `${at}.${k}`, c[k], true);
    if (c.exitCode !== undefined && c.exitCode !== null && typeof c.exitCode !== 'number')
      throw bundleFieldError(file, `${at}.exitCode`, 'a number or null', c.exitCode);
    if (c.outputTail === undefined) c.outputTail = '';
    checkString(file, `${at}.outputTail`, c.outputTail);
    if (c.diagnostics === undefined) c.diagnostics = [];
    if (!Array.isArray(c.diagnostics))
      throw bundleFieldError(file, `${at}.diagnostics`, 'an array of diagnostics', c.diagnostics);
    c.diagnostics.forEach((d: unknown, j) => {
      const dat = `${at}.diagnostics[${j}]`;
      if (!isJsonObject(d)) throw bundleFieldError(file, dat, 'a diagnostic (an object)', d);
      checkString(file, `${dat}.file`, d.file);
      checkString(file, `${dat}.message`, d.message);
      if (typeof d.line !== 'number') throw bundleFieldError(file, `${dat}.line`, 'a number', d.line);
      if (d.column !== undefined && typeof d.column !== 'number')
        throw bundleFieldError(file, `${dat}.column`, 'a number', d.column);
      checkString(file, `${dat}.tool`, d.tool, true);
    });
  });
  return doc as unknown as ValidationReport;
}

/** The bundle's validation.json, checked; undefined when there is none. */
export function readValidationReport(bundleDir: string): ValidationReport | undefined {
  return readBundleJson(bundleDir, 'validation.json', checkValidationReport);
}
