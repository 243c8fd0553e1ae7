// The machine-wide policy files (Chromium's /etc/chromium/policies/managed/, Firefox's
// distribution/policies.json) are seen by every browser any test on this machine
// launches. A test that writes one holds this exclusive lock for as long as the file
// exists: `flock -x` on /tmp/bedside-policy.lock, held by a child process that lets go
// when its stdin closes (also when this process dies).
import { spawn } from 'node:child_process';

export const LOCK_FILE = '/tmp/bedside-policy.lock';

/** Waits for the lock (up to `timeout` ms); resolves with { release() }. */
export async function policyLock({ timeout = 15 * 60_000 } = {}) {
  const child = spawn('flock', ['-x', '-w', String(Math.ceil(timeout / 1000)), LOCK_FILE, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('error', reject);
    exited.then((code) => reject(new Error(`could not take ${LOCK_FILE} (flock exited ${code})`)));
  });
  return {
    async release() {
      child.stdin.end();
      await exited;
    },
  };
}
