import { matching, modEnter, type SiteAdapter } from "./site";

// X's editors are Draft.js; each box, thread items included, is a tweetTextarea_N.
export const x: SiteAdapter = {
  site: "x",
  surfaces: [{ name: "post", box: '[data-testid^="tweetTextarea_"]:not([data-testid$="_label"])' }],
  isSubmit: matching('[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'),
  submitsOnKey: (_surface, event) => modEnter(event),
};
