import { gatedByText } from "./composer";
import { BOX_PREFIXES, enabled, labelled, prefixSelector } from "./labels";
import { plainEnter, type SiteAdapter } from "./site";

// Facebook, 2026: Lexical everywhere. Comments sit in the post's [role=article] and a
// reply in the comment's own article (or is labelled "Reply to ..."); Messenger pop-ups
// are labelled "Write to ..."; posts are written in a dialog (feed, groups, Pages).
// Enter posts a comment or reply and sends a message; in a post it is a newline.
const LEXICAL = '[data-lexical-editor="true"][role="textbox"]';

export const facebook: SiteAdapter = {
  site: "facebook",
  surfaces: [
    { name: "reply", box: `${prefixSelector(LEXICAL, "aria-label", BOX_PREFIXES.replyTo)}, [role="article"] [role="article"] ${LEXICAL}` },
    { name: "message", box: prefixSelector(LEXICAL, "aria-label", BOX_PREFIXES.writeTo) },
    { name: "message", box: LEXICAL, path: /^\/(messages|t)\// },
    { name: "comment", box: `[role="article"] ${LEXICAL}, form ${LEXICAL}` },
    { name: "composer", box: LEXICAL },
  ],
  // Post, Comment and the like are div[role=button]s, disabled until the box has text
  // (any language: composer.ts), else known by their label; Pages and professional
  // mode go Next -> Post settings -> Post, and the text is last visible at Next, so
  // Next is held too.
  isSubmit: (el) =>
    gatedByText(el) ||
    (el.matches('[role="button"], button') && enabled(el) && labelled(el, ["post", "publish", "comment", "reply", "send", "share", "next"])) ||
    el.matches('form button[type="submit"]'),
  submitsOnKey: (surface, event) => (surface === "comment" || surface === "reply" || surface === "message") && plainEnter(event),
};
