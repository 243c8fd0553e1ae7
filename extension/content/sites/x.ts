import { matching, modEnter, plainEnter, type SiteAdapter } from "./site";

// X, 2026: posts, replies, quotes and threads are Draft.js, each box a
// tweetTextarea_N contenteditable inside a non-editable
// tweetTextarea_NRichTextInputContainer (not a box: only editables are). DMs (XChat)
// are a textarea where Enter sends; Articles are articleBody / articlePublish. Every
// cue is a data-testid, which does not change with the UI language.
export const x: SiteAdapter = {
  site: "x",
  surfaces: [
    { name: "dm", box: 'textarea[data-testid="dm-composer-textarea"]' },
    { name: "article", box: '[data-testid="articleBody"][contenteditable="true"], [data-testid="articleBody"] [contenteditable="true"]' },
    { name: "post", box: '[data-testid^="tweetTextarea_"][contenteditable="true"]' },
  ],
  isSubmit: matching('[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]', '[data-testid="dm-composer-send-button"]', '[data-testid="articlePublish"]'),
  submitsOnKey: (surface, event) => (surface === "dm" ? plainEnter(event) : surface === "post" && modEnter(event)),
};
