import { plainEnter, type SiteAdapter } from "./site";

// Instagram: the create-post caption is Lexical; comments are a plain textarea.
export const instagram: SiteAdapter = {
  site: "instagram",
  surfaces: [
    { name: "caption", box: '[aria-label="Write a caption..."][contenteditable="true"], [aria-label="Write a caption…"][contenteditable="true"]' },
    { name: "comment", box: 'textarea[aria-label^="Add a comment"]' },
  ],
  submit: ['div[role="button"]:is(:not([aria-disabled="true"]))', 'button[type="submit"]'],
  submitsOnKey: (surface, event) => surface === "comment" && plainEnter(event),
};
