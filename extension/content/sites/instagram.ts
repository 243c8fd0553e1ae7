import { gatedByText } from "./composer";
import { enabled, labelled } from "./labels";
import { plainEnter, type SiteAdapter } from "./site";

// Instagram, 2026: the new-post caption is a contenteditable textbox in the create
// dialog; comments (posts and reels) are a textarea in a form, Enter posts; DMs are a
// contenteditable textbox on /direct/ pages, Enter sends. Share, Post and
// Send are div[role=button]s: Post and Send are disabled until the box has text (any language:
// composer.ts); Share (a caption may be empty) is known by its words; the comment Post
// may also be a form submit.
export const instagram: SiteAdapter = {
  site: "instagram",
  surfaces: [
    { name: "dm", box: '[contenteditable="true"][role="textbox"]', path: /^\/direct\// },
    { name: "comment", box: "form textarea" },
    { name: "caption", box: '[role="dialog"] [contenteditable="true"][role="textbox"], [aria-label="Write a caption..."][contenteditable="true"], [aria-label="Write a caption…"][contenteditable="true"]' },
  ],
  isSubmit: (el) =>
    gatedByText(el) ||
    (el.matches('div[role="button"]') && enabled(el) && labelled(el, ["share", "post", "send"])) || el.matches('form button[type="submit"]'),
  submitsOnKey: (surface, event) => (surface === "comment" || surface === "dm") && plainEnter(event),
};
