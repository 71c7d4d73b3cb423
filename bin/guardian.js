#!/usr/bin/env node
// The `guardian` command runs the committed CLI bundle, so it works from a clean checkout without a build.
import { main } from '../dist/cli/index.js';

process.exitCode = await main(process.argv.slice(2));
