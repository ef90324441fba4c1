// The example in the package's README (read from the installed package, so the README ships in it)
// compiled as written: in a CommonJS and an ES module project (tsc --init's settings) with the
// newest supported TypeScript, and in a CommonJS one with the oldest; the CommonJS projects have
// skipLibCheck off, so the package's own declarations are checked by both compilers.
import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INSTALLED = join(process.cwd(), 'node_modules', '@openbitgo', 'accesstoken-client');
const MARKER = "<!-- compiled by the package's build: readmeSnippet.test.ts -->";

function devPackages(): string {
  const dir = process.env['TYPESCRIPT_DEV_PACKAGES'];
  if (dir === undefined)
    throw new Error('TYPESCRIPT_DEV_PACKAGES is not set: run the tests through mvn verify');
  return dir;
}

/** The supported range the README states, e.g. `4.5` and `5.9`. */
function statedVersions(readme: string): { oldest: string; newest: string } {
  const stated = /Supported TypeScript versions: (\d+\.\d+) to (\d+\.\d+)\./.exec(readme);
  assert.ok(stated !== null, 'the README states the supported TypeScript versions');
  return { oldest: stated[1]!, newest: stated[2]! };
}

/** The compiler installed for the build under `name`, checked to be the `version` the README states. */
function compiler(name: string, version: string): string {
  const dir = join(devPackages(), name);
  const installed = (
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  assert.ok(
    installed.startsWith(`${version}.`),
    `${name} is ${installed}, the README says ${version}`,
  );
  return join(dir, 'bin', 'tsc');
}

function readmeSnippet(readme: string): string {
  const at = readme.indexOf(MARKER);
  assert.ok(at >= 0, 'the README marks the snippet the build compiles');
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block !== null, 'a ts code block follows the marker');
  return block[1]!;
}

/** A project next to the installed package: its files, then `tsc -p` on it; the compiler's output. */
function compile(
  tsc: string,
  name: string,
  files: Record<string, string>,
): Promise<{ ok: boolean; output: string }> {
  const dir = join(process.cwd(), 'readme-projects', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return new Promise((resolve) =>
    execFile('node', [tsc, '-p', dir], (error, stdout, stderr) =>
      resolve({ ok: error === null, output: `${stdout}${stderr}` }),
    ),
  );
}

const nodeTypes = { types: ['node'], typeRoots: [join(devPackages(), '@types')] };
// what the snippet uses of Node, instead of @types/node (which costs seconds to check, and which
// the oldest compiler cannot read); the ES module project has the real @types/node
const processShim = 'declare const process: { env: Record<string, string | undefined> };\n';

function commonJsProject(snippet: string, types: object, extraFiles: Record<string, string> = {}) {
  const compilerOptions = {
    strict: true,
    module: 'commonjs',
    target: 'es2020',
    noEmit: true,
    // the package's declarations are checked; TypeScript's own lib files are not (they cost seconds)
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    ...types,
  };
  return {
    'package.json': JSON.stringify({ name: 'readme-cjs', private: true }),
    'tsconfig.json': JSON.stringify({
      compilerOptions,
      files: Object.keys({ 'snippet.ts': 0, ...extraFiles }),
    }),
    'snippet.ts': snippet,
    ...extraFiles,
  };
}

/** `tsc --init`'s own tsconfig (module nodenext, verbatimModuleSyntax, ...), read with TypeScript's JSONC reader. */
async function initConfig(typescriptDir: string): Promise<Record<string, unknown>> {
  const dir = join(process.cwd(), 'readme-projects', 'init');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await new Promise<void>((resolve, reject) =>
    execFile('node', [join(typescriptDir, 'bin', 'tsc'), '--init'], { cwd: dir }, (e) =>
      e === null ? resolve() : reject(e),
    ),
  );
  const ts = require(join(typescriptDir, 'lib', 'typescript.js')) as {
    parseConfigFileTextToJson(
      name: string,
      text: string,
    ): { config?: { compilerOptions: Record<string, unknown> } };
  };
  const parsed = ts.parseConfigFileTextToJson(
    'tsconfig.json',
    readFileSync(join(dir, 'tsconfig.json'), 'utf8'),
  );
  assert.ok(parsed.config !== undefined, 'tsc --init wrote a readable tsconfig.json');
  return parsed.config.compilerOptions;
}

test('the README example compiles as written with the oldest and the newest stated TypeScript', async () => {
  const readme = readFileSync(join(INSTALLED, 'README.md'), 'utf8');
  const snippet = readmeSnippet(readme);
  const { oldest, newest } = statedVersions(readme);
  const newestTsc = compiler('typescript', newest);
  const oldestTsc = compiler(`typescript-${oldest}`, oldest);
  const init = await initConfig(join(devPackages(), 'typescript'));
  assert.equal(init['module'], 'nodenext');

  const results = await Promise.all([
    compile(
      newestTsc,
      'commonjs-newest',
      commonJsProject(snippet, { types: [] }, { 'process.d.ts': processShim }),
    ),
    compile(newestTsc, 'esm-newest', {
      'package.json': JSON.stringify({ name: 'readme-esm', private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { ...init, ...nodeTypes, noEmit: true },
        files: ['snippet.ts'],
      }),
      'snippet.ts': snippet,
    }),
    compile(
      oldestTsc,
      'commonjs-oldest',
      commonJsProject(snippet, { types: [] }, { 'process.d.ts': processShim }),
    ),
  ]);
  for (const [i, result] of results.entries()) {
    assert.ok(
      result.ok,
      `${['commonjs, newest', 'esm, newest', 'commonjs, oldest'][i]}:\n${result.output}`,
    );
  }
});

test('the same compilation refuses a snippet that does not compile', async () => {
  // the README's snippet before 2.1.0: it called a `store` it never defined
  const broken = `${readmeSnippet(readFileSync(join(INSTALLED, 'README.md'), 'utf8'))}\nstore('id');\n`;
  const result = await compile(
    compiler(
      'typescript',
      statedVersions(readFileSync(join(INSTALLED, 'README.md'), 'utf8')).newest,
    ),
    'broken',
    commonJsProject(broken, { types: [] }, { 'process.d.ts': processShim }),
  );
  assert.equal(result.ok, false);
  assert.match(result.output, /Cannot find name 'store'/);
});
