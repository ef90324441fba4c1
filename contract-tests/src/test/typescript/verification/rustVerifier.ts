// Runs the Pact core's Rust verifier in a child process, so its report can be read (and asserted
// on) instead of landing in the build log, where the expected failures would read as real ones.
import { spawn } from 'node:child_process';
import type pactCore from '@pact-foundation/pact-core';

type VerifierOptions = Parameters<typeof pactCore.verifyPacts>[0];

export interface Verification {
  readonly passed: boolean;
  /** The verifier's report, without colour codes. */
  readonly report: string;
}

export function runRustVerifier(options: VerifierOptions): Promise<Verification> {
  const child = spawn(process.execPath, [__filename, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      resolve({ passed: code === 0, report: output.replace(/\u001b\[[0-9;]*m/g, '') }),
    );
  });
}

// As the child: verify with the options given and exit 0 (all passed) or 1.
if (require.main === module) {
  const options = JSON.parse(process.argv[2] ?? '{}') as VerifierOptions;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pactCore = (
    require('@pact-foundation/pact-core') as typeof import('@pact-foundation/pact-core')
  ).default;
  pactCore.verifyPacts(options).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
