// What the build's npm installs share (prefetch-node-packages.mjs, await-node-packages.mjs).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** npm, as Windows names it too. */
export const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm ci` as every Node project of the build installs its package-lock.json. */
export const NPM_CI_ARGUMENTS = [
  'ci',
  '--no-audit',
  '--no-fund',
  // a package already in npm's cache is used as it is, not revalidated over the network
  '--prefer-offline',
  '--loglevel=error',
  // no lock of ours needs an install script; the only one among them is @scarf/scarf's analytics
  // ping (an `npm ls` of the whole tree, then a call home)
  '--ignore-scripts',
];

/**
 * Whether `project`'s node_modules matches its package-lock.json: npm writes
 * node_modules/.package-lock.json at the end of every install, so it is up to date when that file
 * is not older than the lock.
 */
export function upToDate(project) {
  const installed = join(project, 'node_modules', '.package-lock.json');
  return (
    existsSync(installed) &&
    statSync(installed).mtimeMs >= statSync(join(project, 'package-lock.json')).mtimeMs
  );
}
