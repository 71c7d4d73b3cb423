// Runs the `guardian` CLI from its TypeScript sources in a plain `node` process, without a build:
//   node test/unit/cli-from-source.mjs bundle TASK-042
// For tests that need a real process (signals, exit codes). See ts-loader-hooks.mjs.
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
const { main } = await import('../../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
