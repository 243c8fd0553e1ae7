// Requests from the popup to this tab's content script (chrome.tabs.sendMessage).
// Modules register a handler per request type; one listener answers them all.
import type { Reply } from "../shared/messages";

type Handler = (request: any) => unknown | Promise<unknown>;
const handlers = new Map<string, Handler>();

export function handle(type: string, handler: Handler): void {
  handlers.set(type, handler);
}

chrome.runtime.onMessage.addListener((request: { type?: string }, sender, sendResponse) => {
  const handler = request?.type ? handlers.get(request.type) : undefined;
  if (!handler || sender.id !== chrome.runtime.id) return false;
  Promise.resolve()
    .then(() => handler(request))
    .then(
      (value) => sendResponse({ ok: true, value } satisfies Reply<unknown>),
      (error) => sendResponse({ ok: false, error: String(error?.message ?? error) } satisfies Reply<unknown>),
    );
  return true;
});
