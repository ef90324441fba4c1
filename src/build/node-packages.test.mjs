// The build's npm installs (prefetch-node-packages.mjs, await-node-packages.mjs) against a stand-in
// npm first on the PATH, which records that it ran and then does what npm ci leaves behind (or
// fails, when asked to). Real npm runs in every build; these are the cases a build rarely meets.
// Run by the reference module's test phase (off the build's critical path): node --test src/build/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'node-packages-test-'));
after(() => rmSync(workspace, { recursive: true, force: true }));

// the stand-in npm: `npm ci ...` in a project appends its arguments to npm-ran, then writes
// node_modules/.package-lock.json as npm does at the end of an install, or exits 1 if npm-fails
const bin = join(workspace, 'bin');
mkdirSync(bin);
writeFileSync(
  join(bin, 'npm'),
  `#!/bin/sh
echo "$@" >> npm-ran
[ -e npm-fails ] && { echo "npm error (the stand-in, asked to fail)"; exit 1; }
mkdir -p node_modules && echo '{}' > node_modules/.package-lock.json
`,
);
chmodSync(join(bin, 'npm'), 0o755);
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };

let projects = 0;
/** A Node project with a package.json and its lock, no node_modules. */
function project() {
  const dir = join(workspace, `project-${++projects}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"project","version":"1.0.0"}');
  writeFileSync(join(dir, 'package-lock.json'), '{"name":"project","lockfileVersion":3}');
  return dir;
}

function run(script, args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(here, script), ...args], { env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

const npmRuns = (dir) =>
  existsSync(join(dir, 'npm-ran'))
    ? readFileSync(join(dir, 'npm-ran'), 'utf8').trim().split('\n')
    : [];
const nameOf = (dir) => dir.split(/[\\/]/).pop();

// each test its own projects and status directory: they run at once
describe(
  "the build's npm installs",
  { skip: process.platform === 'win32', concurrency: true },
  () => {
    test('the background install leaves a status per project, and the wait then runs no npm', async () => {
      const status = join(workspace, 'status-1');
      const [first, second] = [project(), project()];
      const prefetch = await run('prefetch-node-packages.mjs', [status, first, second]);
      assert.equal(prefetch.code, 0, prefetch.output);
      for (const dir of [first, second]) {
        assert.equal(readFileSync(join(status, `${nameOf(dir)}.status`), 'utf8'), '0\n');
        assert.equal(existsSync(join(status, `${nameOf(dir)}.pending`)), false);
        assert.deepEqual(npmRuns(dir), [
          'ci --no-audit --no-fund --prefer-offline --loglevel=error --ignore-scripts',
        ]);
      }
      const wait = await run('await-node-packages.mjs', [status, first]);
      assert.equal(wait.code, 0, wait.output);
      assert.equal(npmRuns(first).length, 1, 'the wait ran npm again');
    });

    test("a failed background install leaves npm's status", async () => {
      const status = join(workspace, 'status-2');
      const dir = project();
      writeFileSync(join(dir, 'npm-fails'), '');
      const prefetch = await run('prefetch-node-packages.mjs', [status, dir]);
      assert.equal(prefetch.code, 0, prefetch.output);
      assert.equal(readFileSync(join(status, `${nameOf(dir)}.status`), 'utf8'), '1\n');
      assert.match(readFileSync(join(status, `${nameOf(dir)}.log`), 'utf8'), /asked to fail/);
    });

    test('the wait waits for an install in progress and runs no npm of its own', async () => {
      const status = join(workspace, 'status-3');
      const dir = project();
      mkdirSync(status);
      // an installer that is alive (this process) and has not finished
      writeFileSync(join(status, `${nameOf(dir)}.pending`), `${process.pid}\n`);
      const waiting = run('await-node-packages.mjs', [status, dir]);
      await new Promise((wake) => setTimeout(wake, 500));
      mkdirSync(join(dir, 'node_modules'));
      writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
      writeFileSync(join(status, `${nameOf(dir)}.status`), '0\n');
      const wait = await waiting;
      assert.equal(wait.code, 0, wait.output);
      assert.deepEqual(npmRuns(dir), []);
    });

    test('a failed background install is run again by the wait, which says so', async () => {
      const status = join(workspace, 'status-4');
      const dir = project();
      mkdirSync(status);
      writeFileSync(join(status, `${nameOf(dir)}.status`), '1\n');
      const wait = await run('await-node-packages.mjs', [status, dir]);
      assert.equal(wait.code, 0, wait.output);
      assert.match(
        wait.output,
        /npm ci in the background of the build failed \(1\): running it here/,
      );
      assert.equal(npmRuns(dir).length, 1);
    });

    test('an installer gone without a status is not waited for', async () => {
      const status = join(workspace, 'status-5');
      const dir = project();
      mkdirSync(status);
      const gone = await new Promise((done) => {
        const child = spawn(process.execPath, ['-e', '']);
        child.on('exit', () => done(child.pid));
      });
      writeFileSync(join(status, `${nameOf(dir)}.pending`), `${gone}\n`);
      const started = Date.now();
      const wait = await run('await-node-packages.mjs', [status, dir]);
      assert.equal(wait.code, 0, wait.output);
      assert.equal(npmRuns(dir).length, 1);
      assert.ok(Date.now() - started < 30_000, 'waited for an installer that was gone');
    });

    test('a lock newer than the install is installed again, and an npm ci that fails fails the step', async () => {
      const status = join(workspace, 'status-6');
      const dir = project();
      assert.equal((await run('await-node-packages.mjs', [status, dir])).code, 0);
      assert.equal((await run('await-node-packages.mjs', [status, dir])).code, 0);
      assert.equal(npmRuns(dir).length, 1, 'an up-to-date install was run again');
      const later = new Date(Date.now() + 5000);
      utimesSync(join(dir, 'package-lock.json'), later, later);
      writeFileSync(join(dir, 'npm-fails'), '');
      const wait = await run('await-node-packages.mjs', [status, dir]);
      assert.equal(wait.code, 1, wait.output);
      assert.match(wait.output, /asked to fail/);
      assert.equal(npmRuns(dir).length, 2);
    });
  },
);
