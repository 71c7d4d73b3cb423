// Module hooks for cli-from-source.mjs: `.js` imports that name a `.ts` source resolve to it, and
// `.ts` files are transpiled with the project's own TypeScript (transpile only: no type checking).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export async function resolve(specifier, context, next) {
  const parent = context.parentURL;
  if (parent?.endsWith('.ts') && /^\.{1,2}\/.*\.js$/.test(specifier)) {
    const url = new URL(specifier.replace(/\.js$/, '.ts'), parent);
    if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'ts', shortCircuit: true };
  }
  if (specifier.endsWith('.ts')) {
    const r = await next(specifier, context);
    return { ...r, format: 'ts' };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (context.format !== 'ts' && !url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
