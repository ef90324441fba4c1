// Installs the spec linters (openapi/package-lock.json) in the background of the build and leaves
// in <install dir> the files the lint gate waits for (SpecLintGate.awaitInstall): `status` (`0`,
// npm's exit status, or why npm did not finish) and `npm.log` (npm's own output, which the gate
// shows when the install failed). The status is written to a temporary name and renamed, so the
// gate never reads half of it.
// usage: node install-linters.mjs <install dir>
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// the build's one home for how a Node project of ours is installed
import { NPM_CI_ARGUMENTS, npmCommand, upToDate } from '../../../src/build/node-packages.mjs';

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

if (upToDate('.')) {
  writeFileSync(logFile, 'the linters are up to date with package-lock.json: npm ci not run\n');
  finish('0');
  process.exit(0);
}

const log = openSync(logFile, 'w');
const npm = spawn(npmCommand, NPM_CI_ARGUMENTS, {
  stdio: ['ignore', log, log],
  // npm.cmd is a batch file: Windows starts it only through a shell
  shell: process.platform === 'win32',
});
closeSync(log);

// a build stopped while npm runs stops npm too, and the gate learns why
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    npm.kill(signal);
    finish(`npm stopped by ${signal}`);
    process.exit(1);
  });
}
npm.on('error', (error) => finish(`npm could not start: ${error.message}`));
npm.on('exit', (code, signal) => finish(code === null ? `npm stopped by ${signal}` : String(code)));
