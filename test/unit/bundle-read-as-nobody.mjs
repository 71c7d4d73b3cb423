// Reads one Task Bundle file with the sources' readBundleFile and prints the user error's message:
//   node test/unit/bundle-read-as-nobody.mjs <bundle dir> <file>
// For the permission test, which must run as an unprivileged user (root reads every file).
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
const { readBundleFile } = await import('../../src/bundle/bundle.ts');
try {
  readBundleFile(process.argv[2], process.argv[3]);
  process.stdout.write('read\n');
} catch (e) {
  process.stdout.write(`${e.message}\n`);
}
