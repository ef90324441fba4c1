// Installs the spec linters (openapi/package-lock.json) in the background of the build and leaves
// in <install dir> the files the lint gate waits for (SpecLintGate.awaitInstall): `status` (`0`,
// npm's exit status, or why npm did not finish) and `npm.log` (npm's own output, which the gate
// shows when the install failed). The status is written to a temporary name and renamed, so the
// gate never reads half of it.
// usage: node install-linters.mjs <install dir>
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { npmCi } from '../../../src/build/npm-ci.mjs';

const [installDir] = process.argv.slice(2);
if (!installDir) {
  console.error('usage: node install-linters.mjs <install dir>');
  process.exit(2);
}
mkdirSync(installDir, { recursive: true });
const statusFile = join(installDir, 'status');
const logFile = join(installDir, 'npm.log');

// the first outcome is the status: npm may report 'exit' after 'error', a signal after the end
let finished = false;
function finish(outcome) {
  if (finished) return;
  finished = true;
  writeFileSync(`${statusFile}.partial`, `${outcome}\n`);
  renameSync(`${statusFile}.partial`, statusFile);
}
// anything that goes wrong here leaves a status, so the gate never waits out its bound for nothing
process.on('uncaughtException', (error) => {
  finish(`the installer failed: ${error.message}`);
  process.exit(1);
});

// npm writes node_modules/.package-lock.json at the end of every install: the linters are up to
// date when it is not older than the lock file.
const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
  writeFileSync(logFile, 'the linters are up to date with package-lock.json: npm ci not run\n');
  finish('0');
  process.exit(0);
}

// A build stopped while this runs stops npm or the copy too, and the gate learns why. Installed
// before anything starts, so no moment of the install is left without it.
let child = null;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    child?.kill(signal);
    finish(`npm stopped by ${signal}`);
    process.exit(1); // npm-ci.mjs removes its temporary folders on exit
  });
}

// npm ci, or the tree this install made before copied (src/build/npm-ci.mjs at the root). The
// log is emptied once, then appended to by both npm and the lines said here.
writeFileSync(logFile, '');
const log = openSync(logFile, 'a');
const say = (line) => writeFileSync(logFile, `${line}\n`, { flag: 'a' });
npmCi(
  process.cwd(),
  [
    '--no-audit',
    '--no-fund',
    // a package already in npm's cache is used as it is, not revalidated over the network
    '--prefer-offline',
    '--loglevel=error',
    // the lock's only install script is @scarf/scarf's analytics ping (an `npm ls` of the whole
    // tree, then a call home): nothing a build needs, 2.5-5 s of it here
    '--ignore-scripts',
  ],
  { stdio: ['ignore', log, log], say, onSpawn: (started) => (child = started) },
).then((status) => {
  closeSync(log);
  finish(String(status));
});
