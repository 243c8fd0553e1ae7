// The background service worker: hosts the core for pages whose CSP forbids
// WebAssembly in the content script (LinkedIn), answering scans by messaging.
import { loadCore, type Core } from "../shared/core";
import type { Reply, Request } from "../shared/messages";
import { coreConfig, loadSettings, onSettingsChanged } from "../shared/settings";

let core: Promise<Core> | undefined;

function getCore(): Promise<Core> {
  core ??= loadSettings().then((s) => loadCore(coreConfig(s.settings)));
  core.catch(() => (core = undefined)); // a later request retries
  return core;
}

async function reconfigure(): Promise<void> {
  const { settings } = await loadSettings();
  (await getCore()).configure(coreConfig(settings));
}

onSettingsChanged(() => void reconfigure().catch(() => {}));

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case "scan":
      return (await getCore()).scan(request.text);
    case "configure":
      return reconfigure();
  }
}

chrome.runtime.onMessage.addListener((request: Request, _sender, sendResponse) => {
  handle(request).then(
    (value) => sendResponse({ ok: true, value } satisfies Reply<unknown>),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) } satisfies Reply<unknown>),
  );
  return true; // the reply is asynchronous
});
