import { matching, plainEnter, type SiteAdapter } from "./site";

// LinkedIn's editors are Quill 1.
export const linkedin: SiteAdapter = {
  site: "linkedin",
  surfaces: [
    { name: "comment", box: ".comments-comment-box .ql-editor, .comments-comment-texteditor .ql-editor" },
    { name: "share", box: ".ql-editor, [data-test-ql-editor-contenteditable]" },
  ],
  isSubmit: matching("button.share-actions__primary-action", "button.comments-comment-box__submit-button"),
  submitsOnKey: (surface, event) => surface === "comment" && plainEnter(event),
};
