/**
 * transcript.jsonl: one JSON object per line, appended as the run goes, so an interrupted run still
 * leaves everything up to the interruption on disk. Every line is redacted before it is written.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDir } from '../../util/fs.js';
import type { Redactor } from './redact.js';

export type TranscriptEvent = Record<string, unknown> & { type: string };

export class Transcript {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly redactor: Redactor,
    private readonly base: Record<string, unknown>,
    opts: { truncate: boolean },
  ) {
    ensureDir(dirname(path));
    if (opts.truncate) writeFileSync(path, '');
  }

  /** Queues an event; writes keep their order. */
  write(event: TranscriptEvent): Promise<void> {
    const record = { at: new Date().toISOString(), ...this.base, ...event };
    this.queue = this.queue.then(async () => {
      // Redact string by string (not the serialised line), so a replacement can never break JSON escapes.
      const red = await redactDeep(record, this.redactor);
      appendFileSync(this.path, JSON.stringify(red) + '\n');
    });
    return this.queue;
  }

  /** Waits for every queued line. */
  flush(): Promise<void> {
    return this.queue;
  }
}

async function redactDeep(value: unknown, r: Redactor): Promise<unknown> {
  if (typeof value === 'string') return value.length >= 8 ? r.full(value) : value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => redactDeep(v, r)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await redactDeep(v, r);
    return out;
  }
  return value;
}
