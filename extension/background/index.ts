// The background service worker: hosts the core for pages whose CSP forbids
// WebAssembly in the content script (LinkedIn), answering scans by messaging.
import { loadCore, type Core } from "../shared/core";
import type { Reply, Request } from "../shared/messages";
import { ocr, ocrStatus } from "./ocr";
import { deleteAllDrafts, deleteDraft, listDrafts, saveDrafts, startDrafts } from "./drafts";
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

startDrafts();

/**
 * Extension pages (the popup), not content scripts: only they may read or delete drafts.
 * getURL(""), not "chrome-extension://<id>/": Firefox's pages are moz-extension://<uuid>/,
 * where the uuid is not runtime.id (issue 8). The same string as before in Chromium.
 */
const fromExtensionPage = (sender: chrome.runtime.MessageSender) => !!sender.url?.startsWith(chrome.runtime.getURL(""));

async function handle(request: Request, sender: chrome.runtime.MessageSender): Promise<unknown> {
  if (String(request?.type).startsWith("drafts/") && request.type !== "drafts/save" && !fromExtensionPage(sender)) {
    throw new Error("drafts are only available to the Bedside popup");
  }
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
