// A Node project's install step in the build: its npm packages (package-lock.json) in node_modules.
// When the build's background install (prefetch-node-packages.mjs) is installing this project, it
// waits for that install's status. Otherwise (a build of this module alone, a background install
// that failed or died, or a lock changed since) it runs the same `npm ci` itself, unless
// node_modules is already up to date with the lock: a failed background install is installed again
// here, in the build's log, where npm's own error shows.
// usage: node await-node-packages.mjs <status dir> <project dir>
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { NPM_CI_ARGUMENTS, npmCommand, upToDate } from './node-packages.mjs';

/** As long as the background install may take (the slowest registry day seen was under 2 min). */
const WAIT_BOUND_MS = 10 * 60 * 1000;

const [statusDir, projectArg] = process.argv.slice(2);
if (!statusDir || !projectArg) {
  console.error('usage: node await-node-packages.mjs <status dir> <project dir>');
  process.exit(2);
}
const project = resolve(projectArg);
const name = basename(project);
const pending = join(statusDir, `${name}.pending`);
const statusFile = join(statusDir, `${name}.status`);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return error.code === 'EPERM';
  }
}

/** The background install's status for this project, or null when none is coming. */
async function backgroundStatus() {
  const deadline = Date.now() + WAIT_BOUND_MS;
  for (;;) {
    if (existsSync(statusFile)) return readFileSync(statusFile, 'utf8').trim();
    if (!existsSync(pending)) return null;
    const installer = Number.parseInt(readFileSync(pending, 'utf8'), 10);
    // gone without a status for this project (killed outright): nothing is coming
    if (!Number.isInteger(installer) || !alive(installer)) return null;
    if (Date.now() > deadline) return `no status after ${WAIT_BOUND_MS / 60000} min`;
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

const status = await backgroundStatus();
if (upToDate(project)) {
  process.exit(0);
}
if (status !== null && status !== '0') {
  console.log(`npm ci in the background of the build failed (${status}): running it here`);
}
const npm = spawnSync(npmCommand, NPM_CI_ARGUMENTS, {
  cwd: project,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(npm.status ?? 1);
