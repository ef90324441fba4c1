// The one stub server jar of this package's tests. node --test runs each test file in its own
// process and a JVM start costs seconds, so the suites that need the stub share one test file
// (accessTokenClient.test.ts, which imports listAndRevoke.ts) and this one stub. Each --token is
// its own user in the stub, so the lifecycle suite lists only the tokens it created itself.
import { after, before } from 'node:test';
import { startStubJar, type StubProcess } from './stubProcess';

export const SUITE_TOKEN = 'ts-suite-token-5f0c2e';
export const LIFECYCLE_TOKEN = 'ts-lifecycle-token-81d3a0';

let started: StubProcess | undefined;

before(async () => {
  started = await startStubJar(['--token', SUITE_TOKEN, '--token', LIFECYCLE_TOKEN]);
});
after(async () => {
  await started?.stop();
});

/** The running stub (started before the first test of the process). */
export function suiteStub(): StubProcess {
  if (started === undefined) throw new Error('the suite stub starts before the first test');
  return started;
}
