/**
 * Live token and cost figures while the Coder works: the Coder appends one `model` event per model
 * call (with its usage) to the bundle's transcript.jsonl as it goes, so the Supervisor reads the new
 * lines every second and adds them up. Reading only what was appended keeps this cheap on long runs.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { addUsage, emptyUsage, type Usage } from '../bundle/bundle.js';

export function watchTranscript(
  path: string,
  attempt: number,
  onUsage: (total: Usage) => void,
  intervalMs = 1000,
): () => void {
  let offset = existsSync(path) ? statSync(path).size : 0;
  let rest = '';
  let total = emptyUsage();
  const poll = () => {
    try {
      if (!existsSync(path)) return;
      const size = statSync(path).size;
      if (size < offset) {
        // The first attempt starts a new transcript.
        offset = 0;
        rest = '';
      }
      if (size === offset) return;
      const fd = openSync(path, 'r');
      const buf = Buffer.alloc(size - offset);
      try {
        readSync(fd, buf, 0, buf.length, offset);
      } finally {
        closeSync(fd);
      }
      offset = size;
      const lines = (rest + buf.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      let changed = false;
      for (const line of lines) {
        if (!line.includes('"model"')) continue;
        try {
          const e = JSON.parse(line) as { type?: string; attempt?: number; usage?: Partial<Usage> };
          if (e.type === 'model' && (e.attempt === undefined || e.attempt === attempt) && e.usage) {
            total = addUsage(total, e.usage);
            changed = true;
          }
        } catch {
          // A line that is not JSON: not ours to judge here.
        }
      }
      if (changed) onUsage(total);
    } catch {
      // Live figures are a nicety: a read error must never disturb the run.
    }
  };
  const timer = setInterval(poll, intervalMs);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    poll();
  };
}
