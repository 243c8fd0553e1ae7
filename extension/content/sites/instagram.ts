import { plainEnter, type SiteAdapter } from "./site";

// Instagram: the create-post caption is Lexical; comments are a plain textarea.
export const instagram: SiteAdapter = {
  site: "instagram",
  surfaces: [
    { name: "caption", box: '[aria-label="Write a caption..."][contenteditable="true"], [aria-label="Write a caption…"][contenteditable="true"]' },
    { name: "comment", box: 'textarea[aria-label^="Add a comment"]' },
  ],
  // "Share" (new post) and "Post" (comment) are div[role=button]s known only by their
  // text; any other div[role=button] (like, save, ...) is not a submit.
  isSubmit: (el) =>
    (el.matches('div[role="button"]:not([aria-disabled="true"])') && /^(share|post)$/i.test(el.textContent?.trim() ?? "")) ||
    el.matches('form button[type="submit"]'),
  submitsOnKey: (surface, event) => surface === "comment" && plainEnter(event),
};
