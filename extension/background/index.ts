// The background service worker: hosts the core for pages whose CSP forbids
// WebAssembly in the content script (LinkedIn), answering scans by messaging.
import { loadCore, type Core } from "../shared/core";
import type { Reply, Request } from "../shared/messages";
import { ocr, ocrStatus } from "./ocr";
import { deleteAllDrafts, deleteDraft, listDrafts, saveDrafts, startDrafts } from "./drafts";
import { coreConfig, loadSettings, onSettingsChanged } from "../shared/settings";
import { boundedReason, FAILURE_KEY, type Diagnostics, type EngineFailure } from "../shared/diagnostics";

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

startDrafts();

/**
 * Extension pages (the popup), not content scripts: only they may read or delete drafts.
 * getURL(""), not "chrome-extension://<id>/": Firefox's pages are moz-extension://<uuid>/,
 * where the uuid is not runtime.id (issue 8). The same string as before in Chromium.
 */
const fromExtensionPage = (sender: chrome.runtime.MessageSender) => !!sender.url?.startsWith(chrome.runtime.getURL(""));

/** Issue 17: the options page's diagnostics: this worker's core and the last page failure. */
async function diagnostics(): Promise<Diagnostics> {
  let engineError: string | undefined;
  try {
    await getCore();
  } catch (error) {
    engineError = boundedReason((error as Error)?.message ?? error);
  }
  const { [FAILURE_KEY]: lastFailure } = (await chrome.storage.session.get(FAILURE_KEY)) as { [FAILURE_KEY]?: EngineFailure };
  return { version: chrome.runtime.getManifest().version, engine: engineError ? "off" : "working", engineError, lastFailure };
}

async function handle(request: Request, sender: chrome.runtime.MessageSender): Promise<unknown> {
  if (String(request?.type).startsWith("drafts/") && request.type !== "drafts/save" && !fromExtensionPage(sender)) {
    throw new Error("drafts are only available to the Bedside popup");
  }
  if (request?.type === "diagnostics" && !fromExtensionPage(sender)) throw new Error("diagnostics are only available to Bedside's own pages");
  switch (request.type) {
    case "scan":
      return (await getCore()).scan(request.text);
    case "configure":
      return reconfigure();
    case "detectors/errors":
      // Rebuilt from the settings as they are now, so a page that just saved one sees it.
      await reconfigure();
      return (await getCore()).detectorErrors();
    case "drafts/save":
      return saveDrafts(request.drafts);
    case "drafts/list":
      return listDrafts();
    case "drafts/delete":
      return deleteDraft(request.id);
    case "drafts/clear":
      return deleteAllDrafts();
    case "ocr":
      return ocr(request.dataUrl, getCore);
    case "ocr/status":
      return ocrStatus();
    case "engine/failed": {
      // In memory only (storage.session): a reason is technical text, never a post.
      const failure: EngineFailure = { site: String(request.site).slice(0, 40), reason: boundedReason(request.reason), at: Date.now() };
      return chrome.storage.session.set({ [FAILURE_KEY]: failure });
    }
    case "diagnostics":
      return diagnostics();
  }
}

chrome.runtime.onMessage.addListener((request: Request, sender, sendResponse) => {
  if ((request as { target?: string })?.target === "offscreen") return false; // not ours
  handle(request, sender).then(
    (value) => sendResponse({ ok: true, value } satisfies Reply<unknown>),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) } satisfies Reply<unknown>),
  );
  return true; // the reply is asynchronous
});
