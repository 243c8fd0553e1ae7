import { matching, plainEnter, type SiteAdapter } from "./site";

// Facebook's editors are Lexical: the composer in a dialog or the feed, comments inline.
export const facebook: SiteAdapter = {
  site: "facebook",
  surfaces: [
    { name: "comment", box: '[data-lexical-editor="true"][role="textbox"][aria-label*="comment" i]' },
    { name: "composer", box: '[data-lexical-editor="true"][role="textbox"]' },
  ],
  isSubmit: matching('[aria-label="Post"][role="button"]', '[aria-label="Comment"][role="button"]', '[aria-label="Submit"][role="button"]'),
  submitsOnKey: (surface, event) => surface === "comment" && plainEnter(event),
};
