// Installs the npm packages of the build's later Node projects (each one's package-lock.json) in the
// background from the start of the build, at a lower CPU priority, one project after another: the
// first modules leave a core idle most of the time, and these installs are mostly file writes that
// fit in it. Each project's own build step (await-node-packages.mjs) then waits for its install
// instead of running npm itself.
//
// For each project it leaves in <status dir>: `<name>.pending` (this process's pid, written for
// every project before any install starts) until `<name>.status` (`0`, npm's exit status, or why npm
// did not finish) replaces it, and `<name>.log` (npm's own output). A status is written to a
// temporary name and renamed, so a reader never sees half of it.
// usage: node prefetch-node-packages.mjs <status dir> <project dir>...
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { NPM_CI_ARGUMENTS, npmCommand, upToDate } from './node-packages.mjs';

const [statusDir, ...projects] = process.argv.slice(2);
if (!statusDir || projects.length === 0) {
  console.error('usage: node prefetch-node-packages.mjs <status dir> <project dir>...');
  process.exit(2);
}
mkdirSync(statusDir, { recursive: true });

try {
  // the modules being built come first: npm (started from here) gets only the CPU they leave
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not allowed here: install at normal priority
}

const names = projects.map((project) => basename(resolve(project)));
for (const name of names) writeFileSync(join(statusDir, `${name}.pending`), `${process.pid}\n`);

const finished = new Set();
function finish(name, outcome) {
  if (finished.has(name)) return;
  finished.add(name);
  const status = join(statusDir, `${name}.status`);
  writeFileSync(`${status}.partial`, `${outcome}\n`);
  renameSync(`${status}.partial`, status);
  rmSync(join(statusDir, `${name}.pending`), { force: true });
}
// anything that goes wrong leaves a status for every project, so no build step waits for nothing
function finishAll(outcome) {
  for (const name of names) finish(name, outcome);
}
process.on('uncaughtException', (error) => {
  finishAll(`the background install failed: ${error.message}`);
  process.exit(1);
});

let npm = null;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    npm?.kill(signal);
    finishAll(`npm stopped by ${signal}`);
    process.exit(1);
  });
}

function install(project, name) {
  return new Promise((done) => {
    const logFile = join(statusDir, `${name}.log`);
    if (upToDate(project)) {
      writeFileSync(logFile, 'node_modules is up to date with package-lock.json: npm ci not run\n');
      finish(name, '0');
      done();
      return;
    }
    const log = openSync(logFile, 'w');
    npm = spawn(npmCommand, NPM_CI_ARGUMENTS, {
      cwd: project,
      stdio: ['ignore', log, log],
      // npm.cmd is a batch file: Windows starts it only through a shell
      shell: process.platform === 'win32',
    });
    closeSync(log);
    npm.on('error', (error) => {
      finish(name, `npm could not start: ${error.message}`);
      done();
    });
    npm.on('exit', (code, signal) => {
      finish(name, code === null ? `npm stopped by ${signal}` : String(code));
      done();
    });
  });
}

for (const [i, project] of projects.entries()) await install(project, names[i]);
