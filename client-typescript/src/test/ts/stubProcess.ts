// The stub server jar as a separate process, as a team in any language runs it. The one launcher
// for every TypeScript test: this package's own tests and contract-tests' non-JVM verification
// (whose tsconfig compiles this file too), so the banner and shutdown handling live in one place.
import { spawn } from 'node:child_process';

export interface StubProcess {
  readonly baseUrl: string;
  /** Every line the stub printed after its banner (its one-line-per-request access log). */
  readonly log: string[];
  stop(): Promise<void>;
}

/**
 * Starts `java @$STUB_ARGS --port 0 <args>` (the README's command) and reads the bound port from
 * its banner.
 */
export function startStubJar(args: string[]): Promise<StubProcess> {
  const argsFile = process.env['STUB_ARGS'];
  if (argsFile === undefined)
    throw new Error('STUB_ARGS is not set: run the tests through mvn verify');
  const child = spawn('java', [`@${argsFile}`, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log: string[] = [];
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not print its address within 60 s'), 60_000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`stub server ${why}\n${stdout}${stderr}`));
    }
    const onEarlyExit = (code: number | null) => fail(`exited with ${String(code)}`);
    child.once('exit', onEarlyExit);
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      if (started) {
        log.push(...lines);
        return;
      }
      const banner = /listening on (http:\/\/[^\s/]+)\//.exec(lines.join('\n'));
      if (banner === null || banner[1] === undefined) {
        stdout = lines.join('\n') + '\n' + stdout;
        return;
      }
      started = true;
      clearTimeout(timer);
      child.removeListener('exit', onEarlyExit);
      resolve({
        baseUrl: banner[1],
        log,
        async stop() {
          child.kill('SIGTERM');
          await exited;
          process.removeListener('exit', killOnExit);
        },
      });
    });
  });
}
