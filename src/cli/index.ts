// Entry point bundled to dist/cli/index.js; bin/guardian.js calls main().
export { main } from './main.js';
