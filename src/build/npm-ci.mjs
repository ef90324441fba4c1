// `npm ci` for the build's Node tool trees (the spec linters, the TypeScript toolchain, the browser
// driver, pact-js), with one extracted copy kept per lock file outside the clone.
//
// Why: every fresh clone re-extracted the same locked trees from npm's cache, 3 to 8 CPU-seconds a
// tree, about 15 in all of a build that is CPU-bound on two cores. A copy of a finished tree costs
// under one. The key is everything that decides what npm ci puts in node_modules: the lock's and
// package.json's bytes, npm ci's arguments, npm's version, node's major version, the platform and
// its C library, and npm's configuration (npm_config_* variables, the project's and the user's
// .npmrc). A change to any of them installs afresh. A module that adds to its tree afterwards
// (contract-tests adds the packed client) does so in its own copy: the cache is never written
// through a module's node_modules.
//
// Where: $ACCESSTOKEN_NODE_MODULES_CACHE, else $XDG_CACHE_HOME or ~/.cache, under
// openbitgo-accesstoken/node_modules/<key>. Nothing is ever half there: a tree is copied under a
// temporary name and renamed into place, both into the cache and into the module, so neither a
// later build nor the "already installed" checks see half of one. Entries unused for 30 days are
// removed. ACCESSTOKEN_NODE_MODULES_CACHE=off runs plain npm ci.
//
// usage: node npm-ci.mjs [npm ci arguments...]   (in the folder holding package-lock.json)
// or:    import { npmCi } from '.../npm-ci.mjs'; await npmCi(dir, args, { stdio, say, onSpawn })
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const UNUSED_FOR = 30 * 24 * 3600 * 1000;
// written last into an entry before it is renamed into place; bumped when the layout changes
const COMPLETE = 'complete-v2';
const windows = process.platform === 'win32';

// temporary folders of this process, removed when it exits (also on a signal, see the CLI below)
const temporaries = new Set();
process.on('exit', () => {
  for (const path of temporaries) rmSync(path, { recursive: true, force: true });
});

function cacheRoot() {
  const configured = process.env.ACCESSTOKEN_NODE_MODULES_CACHE;
  if (configured === 'off') return null;
  if (configured) return configured;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'openbitgo-accesstoken', 'node_modules');
}

function contentOf(path) {
  return existsSync(path) ? readFileSync(path) : '';
}

function npmVersion() {
  const npm = spawnSync(windows ? 'npm.cmd' : 'npm', ['--version'], {
    encoding: 'utf8',
    shell: windows,
  });
  return npm.status === 0 ? npm.stdout.trim() : 'unknown';
}

/** What decides the tree npm ci installs in `dir`, hashed. */
function keyOf(dir, args) {
  const npmConfig = Object.keys(process.env)
    .filter((name) => /^npm_config_/i.test(name))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  const userNpmrc = process.env.npm_config_userconfig || join(homedir(), '.npmrc');
  // glibc's version where node runs on glibc; none on musl (Alpine), whose native packages differ
  const libc = process.report?.getReport().header.glibcVersionRuntime ?? 'no-glibc';
  return createHash('sha256')
    .update(COMPLETE)
    .update(readFileSync(join(dir, 'package-lock.json')))
    .update(contentOf(join(dir, 'package.json')))
    .update(contentOf(join(dir, '.npmrc')))
    .update(contentOf(userNpmrc))
    .update(JSON.stringify([args, npmConfig, npmVersion(), libc]))
    .update(`${process.versions.node.split('.')[0]} ${process.platform} ${process.arch}`)
    .digest('hex')
    .slice(0, 32);
}

/** Runs a child to its end: 0, its exit status, or a sentence saying why it did not finish. */
function run(command, args, { cwd, stdio, onSpawn }) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      stdio,
      // npm.cmd is a batch file: Windows starts it only through a shell
      shell: windows && command === 'npm.cmd',
    });
    onSpawn(child);
    child.on('error', (error) => done(`${command} could not start: ${error.message}`));
    child.on('exit', (code, signal) =>
      done(code === null ? `${command} stopped by ${signal}` : code),
    );
  });
}

/**
 * Copies the tree `from` to `into`/node_modules, npm's relative .bin links kept as they are: the
 * system's cp where there is one (a third of the CPU of node's cpSync on a tree of 9,000 files),
 * run as a child a stopped build can stop.
 */
async function copyTree(from, into, onSpawn) {
  if (windows) {
    cpSync(from, join(into, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    return;
  }
  const status = await run('cp', ['-R', '-P', from, join(into, 'node_modules')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    onSpawn,
  });
  if (status !== 0) throw new Error(`cp of ${from}: ${status}`);
}

/** A new empty folder `<prefix><random>`, removed when this process exits unless renamed. */
function temporaryFolder(prefix) {
  const path = mkdtempSync(prefix);
  temporaries.add(path);
  return path;
}

/** Moves `path` aside under a name no one else uses, then removes it. */
function removeAside(path) {
  const aside = `${path}.removed-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * npm ci in `dir`, or the cached tree of the same install copied there. Resolves to 0 (npm's
 * success, or a copy), npm's exit status, or a sentence saying why npm did not finish.
 * `onSpawn(child)` sees every child started (npm, cp), so a caller's signal handler can stop it.
 */
export async function npmCi(
  dir,
  args,
  { stdio = 'inherit', say = console.log, onSpawn = () => {} } = {},
) {
  const root = cacheRoot();
  const npmCiHere = () =>
    run(windows ? 'npm.cmd' : 'npm', ['ci', ...args], { cwd: dir, stdio, onSpawn });
  if (root === null) return npmCiHere();
  const key = keyOf(dir, args);
  const entry = join(root, key);
  const nodeModules = join(dir, 'node_modules');

  if (existsSync(join(entry, COMPLETE))) {
    try {
      // copied beside the module's node_modules, then swapped in: never half a tree in its place
      const copy = temporaryFolder(join(dir, 'node_modules.copy-'));
      await copyTree(join(entry, 'node_modules'), copy, onSpawn);
      removeAside(nodeModules);
      renameSync(join(copy, 'node_modules'), nodeModules);
      rmSync(copy, { recursive: true, force: true });
      const now = new Date();
      utimesSync(entry, now, now);
      say(`node_modules of ${key.slice(0, 12)} (this install's key) copied from ${root}`);
      return 0;
    } catch (error) {
      say(`the cached node_modules could not be copied (${error.message}): running npm ci`);
    }
  }

  const status = await npmCiHere();
  if (status !== 0) return status;
  try {
    mkdirSync(root, { recursive: true });
    const partial = temporaryFolder(join(root, `${key}.partial-`));
    await copyTree(nodeModules, partial, onSpawn);
    writeFileSync(join(partial, 'installed-for'), join(dir, 'package-lock.json') + '\n');
    writeFileSync(join(partial, COMPLETE), '');
    // an entry without the mark is not one this script renamed into place: replaced
    if (existsSync(entry) && !existsSync(join(entry, COMPLETE))) removeAside(entry);
    try {
      renameSync(partial, entry);
      temporaries.delete(partial);
    } catch {
      // another build stored the same tree first; ours is removed on exit
    }
    for (const other of readdirSync(root)) {
      const path = join(root, other);
      const age = Date.now() - statSync(path).mtimeMs;
      // an entry unused for long, or what a killed build left behind
      const leftOver = /\.(partial|removed)-/.test(other) && age > 3600_000;
      if (other !== key && (age > UNUSED_FOR || leftOver)) removeAside(path);
    }
  } catch (error) {
    // the install itself succeeded: a cache that cannot be written only costs the next build time
    say(`node_modules not cached (${error.message})`);
  }
  return 0;
}

// run as a script (also through a symbolic link to it)
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let child = null;
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      child?.kill(signal);
      process.exit(1); // 'exit' removes this process's temporary folders
    });
  }
  const status = await npmCi(process.cwd(), process.argv.slice(2), {
    onSpawn: (started) => (child = started),
  });
  if (status !== 0) {
    if (typeof status === 'string') console.error(status);
    process.exit(typeof status === 'number' ? status : 1);
  }
}
