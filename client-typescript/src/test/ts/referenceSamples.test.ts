// The API reference's TypeScript samples (reference/src/samples/<operationId>/*.ts), compiled with
// tsc --strict against the installed package and run against the stub server jar: each must print
// what its `// Prints:` comment says (… stands for any text). reference/README.md says how to add one.
import { after, before, test } from 'node:test';
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { startStubJar, type StubProcess } from './stubProcess';

const TOKEN = 'ts-samples-token-8a2d17';
let stub: StubProcess;

before(async () => {
  stub = await startStubJar(['--token', TOKEN]);
});
after(async () => {
  await stub?.stop();
});

/** reference/src/samples, found from the working directory (client-typescript/target/test-install). */
function samplesDir(): string {
  for (let dir = process.cwd(); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'reference', 'src', 'samples');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`no reference/src/samples above ${process.cwd()}`);
}

function documentedAnswer(source: string): RegExp {
  const lines = source.trim().split('\n');
  const marker = lines.findIndex((line) => /^\/\/ Prints\b.*:$/.test(line));
  assert.ok(marker >= 0, 'the sample documents its answer (a // Prints: comment)');
  const expected = lines.slice(marker + 1);
  assert.ok(
    expected.every((line) => line.startsWith('// ')),
    'the Prints comment ends the sample',
  );
  const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${expected.map((line) => line.slice(3).split('…').map(quote).join('[^\\n]*')).join('\n')}$`,
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ ok: boolean; stdout: string; stderr: string }>((resolve) =>
    execFile(command, args, { env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ ok: error === null, stdout, stderr }),
    ),
  );
}

test('every TypeScript sample compiles and prints its documented answer', async () => {
  const dir = samplesDir();
  const samples = readdirSync(dir).flatMap((operation) =>
    readdirSync(join(dir, operation))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(dir, operation, file)),
  );
  assert.ok(samples.length > 0, `no TypeScript samples in ${dir}`);
  const devPackages = process.env['TYPESCRIPT_DEV_PACKAGES'];
  assert.ok(
    devPackages !== undefined,
    'TYPESCRIPT_DEV_PACKAGES is not set: run through mvn verify',
  );
  const project = join(process.cwd(), 'reference-samples');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  for (const sample of samples)
    writeFileSync(join(project, basename(sample)), readFileSync(sample));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'commonjs',
        target: 'es2022',
        outDir: 'dist',
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(devPackages, '@types')],
      },
      files: samples.map((sample) => basename(sample)),
    }),
  );
  const compiled = await run('node', [
    join(devPackages, 'typescript', 'bin', 'tsc'),
    '-p',
    project,
  ]);
  assert.ok(compiled.ok, `the samples do not compile:\n${compiled.stdout}${compiled.stderr}`);
  for (const sample of samples) {
    const js = join(project, 'dist', basename(sample).replace(/\.ts$/, '.js'));
    const env = { ...process.env, BITGO_BASE_URL: stub.baseUrl, BITGO_ACCESS_TOKEN: TOKEN };
    const result = await run('node', [js], env);
    assert.ok(result.ok, `${sample} failed:\n${result.stderr}`);
    assert.match(result.stdout.trim(), documentedAnswer(readFileSync(sample, 'utf8')), sample);
  }
});

test('a documented answer refuses output that differs', () => {
  const answer = documentedAnswer('f();\n// Prints:\n// id …, limit 12\n');
  assert.match('id 5f0c, limit 12', answer);
  assert.doesNotMatch('id 5f0c, limit 13', answer);
  assert.doesNotMatch('id 5f\n0c, limit 12', answer);
});
