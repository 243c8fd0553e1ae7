import { enabled, labelled } from "./labels";
import { matching, plainEnter, type SiteAdapter } from "./site";

// LinkedIn, 2026. The share box is Quill inside the open shadow root of
// div#interop-outlet; new-feed comments are TipTap (ProseMirror) in
// div[data-view-name="comment-box"] with no form; /posts/ and /feed/update/ pages keep
// Quill comments in form.comments-comment-box__form; articles are ProseMirror with a
// textarea headline; messaging is a plain contenteditable. Enter inserts a newline in
// comments (it may also pick an @mention) and in the share box; it sends in messaging.
const structural = matching(
  "button.share-actions__primary-action",
  'button[class*="comments-comment-box__submit-button"]',
  'button[data-view-name="comment-post"]',
  '[data-view-name="comment-box"] button[type="submit"]',
  "button.msg-form__send-button",
);

export const linkedin: SiteAdapter = {
  site: "linkedin",
  surfaces: [
    { name: "comment-old", box: ".comments-comment-box .ql-editor, .comments-comment-texteditor .ql-editor" },
    { name: "article", box: "[data-test-article-editor-content-textbox]" },
    { name: "headline", box: "textarea#article-editor-headline__textarea" },
    { name: "message", box: ".msg-form__contenteditable" },
    { name: "comment", box: '[data-view-name="comment-box"] [contenteditable="true"], .tiptap.ProseMirror[role="textbox"]' },
    { name: "share", box: ".ql-editor, [data-test-ql-editor-contenteditable]" },
  ],
  // An article is published through Next, then Publish, while its editor stays open.
  isSubmit: (el) => structural(el) || (el.matches("button") && enabled(el) && labelled(el, ["publish", "post", "send"])),
  submitsOnKey: (surface, event) => surface === "message" && plainEnter(event),
};
