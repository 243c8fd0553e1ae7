// Real managed policy files for the end-to-end suites (issue 16): Chromium reads every
// JSON file in /etc/chromium/policies/managed/, Firefox reads distribution/policies.json
// beside its binary. Both are seen by every browser on the machine, so a test holds an
// exclusive lock (flock on /tmp/bedside-policy.lock, shared with the other suites) for as
// long as its file exists, and the file is removed afterwards, even when the test fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = '/usr/lib/firefox-esr/distribution/policies.json';
const LOCK = '/tmp/bedside-policy.lock';

/**
 * Takes the machine-wide policy lock: a `flock -x` child holds it until release() (or until
 * this process dies and the child's stdin closes). Waits up to `timeout` ms for it.
 */
export async function takePolicyLock({ timeout = 10 * 60_000 } = {}) {
  const child = spawn('flock', ['-x', '-w', String(Math.ceil(timeout / 1000)), LOCK, '-c', 'echo locked; exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`could not take ${LOCK} (flock exited ${code})`)));
    child.once('error', reject);
  });
  child.removeAllListeners('exit');
  return {
    release: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.stdin.end();
    }),
  };
}

/**
 * Installs a managed policy for one extension under the lock; returns { remove() } which
 * deletes the file and releases the lock. `policy` is the extension's managed storage.
 *   browser 'chromium': /etc/chromium/policies/managed/<name>.json with 3rdparty.extensions.<id>
 *   browser 'firefox':  policies.json with 3rdparty.Extensions.<id> (the whole file: one at a time)
 * `extra` adds top-level browser policies (e.g. ExtensionSettings) beside 3rdparty.
 */
export async function installPolicy(browser, id, policy, { extra = {}, name = `bedside-test-${process.pid}` } = {}) {
  const lock = await takePolicyLock();
  let file;
  try {
    if (browser === 'chromium') {
      file = path.join(CHROMIUM_POLICY_DIR, `${name}.json`);
      fs.mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ ...extra, '3rdparty': { extensions: { [id]: policy } } }, null, 2));
    } else if (browser === 'firefox') {
      file = FIREFOX_POLICY_FILE;
      if (fs.existsSync(file)) throw new Error(`${file} already exists; refusing to overwrite another policy`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ policies: { ...extra, '3rdparty': { Extensions: { [id]: policy } } } }, null, 2));
    } else throw new Error(`unknown browser ${browser}`);
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    file,
    async remove() {
      try { fs.rmSync(file, { force: true }); } finally { await lock.release(); }
    },
  };
}
