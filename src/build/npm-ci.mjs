// `npm ci` for the build's Node tool trees (the spec linters, the TypeScript toolchain, the browser
// driver), with one extracted copy kept per lock file outside the clone.
//
// Why: every fresh clone re-extracted the same locked trees from npm's cache, 3 to 8 CPU-seconds a
// tree, about 15 in all of a build that is CPU-bound on two cores. A copy of a finished tree costs
// under one. The key is the lock file's bytes, npm ci's arguments, node's major version and the
// platform, so the lock still decides every version and a changed lock installs afresh. Only trees
// the build reads and never writes come here (contract-tests' install adds the packed client, and
// stays plain npm).
//
// Where: $ACCESSTOKEN_NODE_MODULES_CACHE, else $XDG_CACHE_HOME or ~/.cache, under
// openbitgo-accesstoken/node_modules/<key>. A tree enters it whole (copied to a temporary name,
// then renamed), so a build never copies half of one; entries unused for 30 days are removed.
// ACCESSTOKEN_NODE_MODULES_CACHE=off runs plain npm ci.
//
// usage: node npm-ci.mjs [npm ci arguments...]   (in the folder holding package-lock.json)
// or:    import { npmCi } from '.../npm-ci.mjs'; await npmCi(dir, args, { stdio, say, onSpawn })
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const UNUSED_FOR = 30 * 24 * 3600 * 1000;

function cacheRoot() {
  const configured = process.env.ACCESSTOKEN_NODE_MODULES_CACHE;
  if (configured === 'off') return null;
  if (configured) return configured;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'openbitgo-accesstoken', 'node_modules');
}

function keyOf(dir, args) {
  return createHash('sha256')
    .update(readFileSync(join(dir, 'package-lock.json')))
    .update(JSON.stringify(args))
    .update(`${process.versions.node.split('.')[0]} ${process.platform} ${process.arch}`)
    .digest('hex')
    .slice(0, 32);
}

function runNpmCi(dir, args, stdio, onSpawn) {
  return new Promise((done) => {
    const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', ...args], {
      cwd: dir,
      stdio,
      // npm.cmd is a batch file: Windows starts it only through a shell
      shell: process.platform === 'win32',
    });
    onSpawn(npm);
    npm.on('error', (error) => done(`npm could not start: ${error.message}`));
    npm.on('exit', (code, signal) => done(code === null ? `npm stopped by ${signal}` : code));
  });
}

/**
 * The copy, with npm's relative .bin links kept as they are: the system's cp where there is one
 * (a third of the CPU of node's cpSync on a tree of 9,000 files).
 */
function copyTree(from, to) {
  if (process.platform === 'win32') {
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    return;
  }
  mkdirSync(dirname(to), { recursive: true });
  const cp = spawnSync('cp', ['-R', '-P', from, to], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (cp.status !== 0) throw new Error(`cp: ${cp.error?.message ?? cp.stderr.toString().trim()}`);
}

/**
 * npm ci in `dir`, or the cached tree of the same lock copied there. Resolves to npm's exit status
 * (0 on a copy), or a sentence saying why npm did not finish.
 */
export async function npmCi(
  dir,
  args,
  { stdio = 'inherit', say = console.log, onSpawn = () => {} } = {},
) {
  const root = cacheRoot();
  const nodeModules = join(dir, 'node_modules');
  if (root === null) return runNpmCi(dir, args, stdio, onSpawn);
  const key = keyOf(dir, args);
  const entry = join(root, key);
  if (existsSync(join(entry, 'node_modules', '.package-lock.json'))) {
    try {
      rmSync(nodeModules, { recursive: true, force: true });
      copyTree(join(entry, 'node_modules'), nodeModules);
      const now = new Date();
      utimesSync(entry, now, now);
      say(`node_modules of ${key.slice(0, 12)} (this package-lock.json) copied from ${root}`);
      return 0;
    } catch (error) {
      say(`the cached node_modules could not be copied (${error.message}): running npm ci`);
    }
  }
  const status = await runNpmCi(dir, args, stdio, onSpawn);
  if (status !== 0) return status;
  try {
    mkdirSync(root, { recursive: true });
    const partial = join(root, `${key}.partial-${process.pid}`);
    copyTree(nodeModules, join(partial, 'node_modules'));
    writeFileSync(join(partial, 'lock-file'), resolve(dir, 'package-lock.json') + '\n');
    // an entry without npm's .package-lock.json is one a copy left incomplete: replaced
    if (!existsSync(join(entry, 'node_modules', '.package-lock.json'))) {
      rmSync(entry, { recursive: true, force: true });
    }
    try {
      renameSync(partial, entry);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another build stored the same tree first
    }
    for (const other of readdirSync(root)) {
      const path = join(root, other);
      const age = Date.now() - statSync(path).mtimeMs;
      // an entry unused for long, or what a stopped build left half-copied
      if (other !== key && (age > UNUSED_FOR || (other.includes('.partial-') && age > 3600_000))) {
        rmSync(path, { recursive: true, force: true });
      }
    }
  } catch (error) {
    // the install itself succeeded: a cache that cannot be written only costs the next build time
    say(`node_modules not cached (${error.message})`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const status = await npmCi(process.cwd(), process.argv.slice(2));
  if (status !== 0) {
    if (typeof status === 'string') console.error(status);
    process.exit(typeof status === 'number' ? status : 1);
  }
}
