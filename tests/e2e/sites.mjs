// The fixture pages: where each is served, its CSP header, and its surfaces.
// Surface fields: selector (the editable), submit (the button), enter
// ('submits' | 'newline'), keySubmit (the keyboard shortcut that posts, if any).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// Each site's script-src is the real one where a copy was found (sources in
// comments); the fixture's own origin path is appended where the real list
// lacks it, since the fixture serves its bundles same-origin from /__fixture/.
// Other directives are representative, loose enough for the fixture's own
// styles and blob: previews.
const join = (d) => Object.entries(d).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');

export const CSP = {
  // script-src as quoted in a Chrome CSP error on www.linkedin.com, Dec 2024
  // (github.com/DoingFedTime/LinkedInAuto-ConnectBot/issues/1). No 'self', no
  // 'unsafe-eval', no 'wasm-unsafe-eval': WebAssembly cannot be compiled here.
  linkedin: join({
    'default-src': ['*'],
    'script-src': [
      "'report-sample'", "'sha256-6gLjSWp3GRKZCUFvRX5aGHtECD1wVRgJOJp7r0ZQjV0='",
      'static.licdn.com', 'static-exp1.licdn.com', 'static-exp2.licdn.com', 'static-exp3.licdn.com',
      'www.linkedin.com/sc/', 'www.linkedin.com/scds/', 'www.linkedin.com/voyager/abp-detection.js',
      'platform.linkedin.com/js/analytics.js', 'platform.linkedin.com/litms/utag/', 'platform.linkedin.com/litms/vendor/',
      'www.googletagmanager.com/gtag/js', 'snap.licdn.com/li.lms-analytics/',
      'www.linkedin.com/__fixture/', // added: the fixture's own bundles
    ],
    'style-src': ["'unsafe-inline'", 'static.licdn.com', 'www.linkedin.com/__fixture/'],
    'img-src': ['*', 'data:', 'blob:'],
    'object-src': ["'none'"],
  }),
  // script-src from a CSP error on x.com, Feb 2026 (github.com/bgwastu/deletex/issues/3),
  // shortened (dozens of payment/sdk hosts dropped). That quote is truncated before
  // its end, so 'wasm-unsafe-eval' is not visible in it; it is included as
  // instructed (X ships wasm payment code). Has 'self' already.
  x: join({
    'default-src': ["'self'"],
    'script-src': [
      "'self'", "'unsafe-inline'", 'https://*.twimg.com', 'https://recaptcha.net/recaptcha/',
      'https://accounts.google.com/gsi/client', 'https://apis.google.com/js/api.js',
      'https://client-api.arkoselabs.com/', 'https://static.ads-twitter.com/', 'https://twitter.com/',
      'https://www.google-analytics.com/', 'https://x.com/', "'wasm-unsafe-eval'",
    ],
    'style-src': ["'self'", "'unsafe-inline'", 'https://*.twimg.com'],
    'img-src': ["'self'", 'blob:', 'data:', 'https://*.twimg.com'],
    'connect-src': ["'self'", 'blob:', 'https://api.x.com', 'https://*.twimg.com', 'wss://*.x.com'],
    'object-src': ["'none'"],
  }),
  // From response headers of www.facebook.com captured in
  // github.com/lockdown-systems/cyd/pull/467 (2024; the script-src matches a Jan
  // 2025 Firefox report, github.com/webcompat/web-bugs/issues/145858), with the
  // per-response nonce dropped and long host lists shortened.
  facebook: join({
    'default-src': ['blob:', "'self'", 'https://*.fbsbx.com', '*.facebook.com', '*.fbcdn.net'],
    'script-src': [
      '*.facebook.com', '*.fbcdn.net', '*.facebook.net', '127.0.0.1:*', 'blob:', 'data:', "'self'",
      'connect.facebook.net', "'wasm-unsafe-eval'", 'https://*.google-analytics.com', '*.google.com',
    ],
    'style-src': ['*.fbcdn.net', 'data:', '*.facebook.com', "'unsafe-inline'", 'https://fonts.googleapis.com'],
    'connect-src': ['*.facebook.com', 'facebook.com', '*.fbcdn.net', '*.facebook.net', 'wss://*.facebook.com:*', 'blob:', "'self'"],
    'img-src': ['*.fbcdn.net', '*.facebook.com', 'data:', 'blob:', 'https://*.fbsbx.com'],
    'media-src': ['*.cdninstagram.com', 'blob:', '*.fbcdn.net', '*.fbsbx.com', '*.facebook.com'],
  }),
  // Instagram serves Meta's policy format; hosts from an instagram.com header in
  // github.com/qsniyg/maxurl/issues/1049. That older copy had 'unsafe-eval';
  // representative current form uses 'wasm-unsafe-eval' as facebook.com does.
  instagram: join({
    'default-src': ['*.facebook.com', '*.fbcdn.net', '*.instagram.com', 'data:', 'blob:'],
    'script-src': [
      '*.facebook.com', '*.fbcdn.net', '*.facebook.net', 'blob:', 'data:', "'self'",
      '*.instagram.com', 'static.cdninstagram.com', 'connect.facebook.net', "'wasm-unsafe-eval'",
    ],
    'style-src': ['data:', 'blob:', "'unsafe-inline'", '*.fbcdn.net', '*.facebook.com', '*.instagram.com', 'static.cdninstagram.com'],
    'connect-src': ['*.facebook.com', '*.fbcdn.net', '*.facebook.net', 'blob:', '*.instagram.com', '*.cdninstagram.com', "'self'"],
    'img-src': ['*.instagram.com', '*.facebook.com', '*.fbcdn.net', 'data:', 'blob:', '*.cdninstagram.com'],
    'media-src': ['*.instagram.com', '*.cdninstagram.com', '*.fbcdn.net', 'blob:'],
  }),
};

const s = (name, selector, submit, enter, keySubmit = enter === 'submits' ? 'Enter' : null) =>
  ({ name, selector, submit, enter, keySubmit });

/**
 * The other hosts Bedside runs on (the site registry's), each serving an existing
 * fixture page so a test can check the extension is active there.
 */
export const extraPages = [
  // Pages: Next -> Post settings -> Post, the editor gone at the last step.
  { name: 'facebook-pages', url: 'https://business.facebook.com/latest/composer/', html: 'facebook-pages.html', csp: CSP.facebook,
    surfaces: [s('facebook-pages-composer', '[data-fixture-composer="pages"] [data-lexical-editor="true"]', '[data-step="1"] [role="button"]', 'newline')] },
  // LinkedIn's article editor: Next, then Publish in a dialog, the editor still there.
  { name: 'linkedin-article', url: 'https://www.linkedin.com/article/new/', html: 'linkedin-article.html', csp: CSP.linkedin,
    surfaces: [
      s('linkedin-article', '[data-test-article-editor-content-textbox]', '#article-publish', 'newline'),
      s('linkedin-headline', 'textarea#article-editor-headline__textarea', '#article-publish', 'newline'),
    ] },
  // Six open TipTap comment boxes (linkedin-feed-0 .. linkedin-feed-5), for badge layout.
  { name: 'linkedin-feed', url: 'https://www.linkedin.com/feed/hashtag/nursing/', html: 'linkedin-feed.html', csp: CSP.linkedin },
];

export const hostPages = [
  { host: 'web.facebook.com', url: 'https://web.facebook.com/', html: 'facebook-es.html', csp: CSP.facebook, surface: 'facebook-es-composer' },
  { host: 'business.facebook.com', url: 'https://business.facebook.com/latest/composer/', html: 'facebook-pages.html', csp: CSP.facebook, surface: 'facebook-pages-composer' },
  { host: 'm.facebook.com', url: 'https://m.facebook.com/', html: 'facebook.html', csp: CSP.facebook, surface: 'facebook-composer' },
  { host: 'www.messenger.com', url: 'https://www.messenger.com/t/100000000000001/', html: 'facebook-es.html', csp: CSP.facebook, surface: 'facebook-es-message' },
  { host: 'twitter.com', url: 'https://twitter.com/home', html: 'x-home.html', csp: CSP.x, surface: 'x-home' },
  { host: 'www.linkedin.com', url: 'https://www.linkedin.com/feed/', html: 'linkedin.html', csp: CSP.linkedin, surface: 'linkedin-share' },
  { host: 'x.com', url: 'https://x.com/home', html: 'x-home.html', csp: CSP.x, surface: 'x-home' },
  { host: 'www.facebook.com', url: 'https://www.facebook.com/', html: 'facebook.html', csp: CSP.facebook, surface: 'facebook-composer' },
  { host: 'www.instagram.com', url: 'https://www.instagram.com/create/details/', html: 'instagram.html', csp: CSP.instagram, surface: 'instagram-comment' },
];

export const sites = [
  {
    // 2026: the share box and messaging in #interop-outlet's open shadow root; the
    // new-feed comment box is TipTap. Selectors are found across open shadow roots.
    name: 'linkedin', url: 'https://www.linkedin.com/feed/', html: 'linkedin.html', csp: CSP.linkedin,
    surfaces: [
      s('linkedin-share', '.share-box-v2__modal .ql-editor', '.share-box-v2__modal button.share-actions__primary-action', 'newline', null),
      s('linkedin-comment', '[data-view-name="comment-box"] .ProseMirror', 'button[data-view-name="comment-post"]', 'newline', null),
      s('linkedin-message', '.msg-form__contenteditable', 'button.msg-form__send-button', 'submits'),
    ],
  },
  {
    // Older pages: the light-DOM share modal and Quill comments (Enter is a newline).
    name: 'linkedin-old', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000000/', html: 'linkedin-old.html', csp: CSP.linkedin,
    surfaces: [
      s('linkedin-old-share', '.share-box .ql-editor', 'button.share-actions__primary-action', 'newline', null),
      s('linkedin-comment-old', '.comments-comment-box .ql-editor', 'button.comments-comment-box__submit-button--cr', 'newline', null),
    ],
  },
  {
    name: 'x-home', url: 'https://x.com/home', html: 'x-home.html', csp: CSP.x,
    surfaces: [
      s('x-home', '[data-fixture-composer="home"] [data-testid="tweetTextarea_0"]',
        '[data-fixture-composer="home"] [data-testid="tweetButtonInline"]', 'newline', 'Control+Enter'),
      s('x-reply', '[data-fixture-composer="reply"] [data-testid="tweetTextarea_0"]',
        '[data-fixture-composer="reply"] [data-testid="tweetButtonInline"]', 'newline', 'Control+Enter'),
    ],
  },
  {
    name: 'x-compose', url: 'https://x.com/compose/post', html: 'x-compose.html', csp: CSP.x,
    surfaces: [
      s('x-compose-0', '[role="dialog"] [data-testid="tweetTextarea_0"]', '[data-testid="tweetButton"]', 'newline', 'Control+Enter'),
      s('x-compose-1', '[role="dialog"] [data-testid="tweetTextarea_1"]', '[data-testid="tweetButton"]', 'newline', 'Control+Enter'),
    ],
  },
  {
    name: 'x-dm', url: 'https://x.com/messages/', html: 'x-dm.html', csp: CSP.x,
    surfaces: [s('x-dm', 'textarea[data-testid="dm-composer-textarea"]', '[data-testid="dm-composer-send-button"]', 'submits')],
  },
  {
    name: 'facebook', url: 'https://www.facebook.com/', html: 'facebook.html', csp: CSP.facebook,
    surfaces: [
      s('facebook-composer', '[data-fixture-composer="feed"] [data-lexical-editor="true"]',
        '[data-fixture-composer="feed"] [aria-label="Post"][role="button"]', 'newline'),
      s('facebook-comment', '[data-fixture-composer="comment"] [data-lexical-editor="true"]',
        '[data-fixture-composer="comment"] [aria-label="Comment"][role="button"]', 'submits'),
    ],
  },
  {
    name: 'x-article', url: 'https://x.com/compose/articles/edit/1900000000000000000', html: 'x-article.html', csp: CSP.x,
    surfaces: [s('x-article', '[data-testid="articleBody"]', '[data-testid="articlePublish"]', 'newline')],
  },
  {
    // Spanish UI on web.facebook.com: no English word in the page.
    name: 'facebook-es', url: 'https://web.facebook.com/', html: 'facebook-es.html', csp: CSP.facebook,
    surfaces: [
      s('facebook-es-composer', '[data-fixture-composer="feed"] [data-lexical-editor="true"]', '[data-fixture-composer="feed"] [role="button"]', 'newline'),
      s('facebook-es-comment', '[data-fixture-composer="comment"] [data-lexical-editor="true"]', '[data-fixture-composer="comment"] [role="button"]', 'submits'),
      s('facebook-es-reply', '[data-fixture-composer="reply"] [data-lexical-editor="true"]', null, 'submits'),
      s('facebook-es-message', '[data-fixture-composer="chat"] [data-lexical-editor="true"]', '[data-fixture-composer="chat"] [aria-label="Pulsa Intro para enviar"]', 'submits'),
    ],
  },
  {
    // Polish UI, a language the label table does not cover: the submits are known by
    // structure only (disabled while the box is empty, in the box's own composer).
    name: 'facebook-pl', url: 'https://www.facebook.com/groups/pielegniarki/', html: 'facebook-pl.html', csp: CSP.facebook,
    surfaces: [
      s('facebook-pl-composer', '[data-fixture-composer="feed"] [data-lexical-editor="true"]', '[data-fixture-composer="feed"] [aria-label="Opublikuj"]', 'newline'),
      s('facebook-pl-comment', '[data-fixture-composer="comment"] [data-lexical-editor="true"]', '[data-fixture-composer="comment"] [aria-label="Skomentuj"]', 'submits'),
    ],
  },
  {
    name: 'instagram', url: 'https://www.instagram.com/create/details/', html: 'instagram.html', csp: CSP.instagram,
    surfaces: [
      s('instagram-caption', '[aria-label="Write a caption..."]', '[data-fixture-composer="caption"] div[role="button"]', 'newline'),
      s('instagram-comment', 'textarea[aria-label="Add a comment…"]', 'form[data-fixture-composer="comment"] button[type="submit"]', 'submits'),
    ],
  },
  {
    // A reel's comments sheet: the placeholder <input> becomes the live textarea on focus;
    // Post is a div[role=button] disabled until there is text.
    name: 'instagram-reel', url: 'https://www.instagram.com/reels/DBr33lCmnt1/', html: 'instagram-reel.html', csp: CSP.instagram,
    surfaces: [s('instagram-reel-comment', 'form[data-fixture-composer="reel-comment"] textarea', 'form[data-fixture-composer="reel-comment"] div[role="button"]', 'submits')],
  },
  {
    // Arabic UI, right to left: no English word in the page.
    name: 'instagram-ar', url: 'https://www.instagram.com/p/DAr4bic0001/', html: 'instagram-ar.html', csp: CSP.instagram,
    surfaces: [
      s('instagram-ar-caption', '[data-fixture-composer="caption"] [role="textbox"]', '[data-fixture-composer="caption"] div[role="button"]', 'newline'),
      s('instagram-ar-comment', 'form[data-fixture-composer="comment"] textarea', 'form[data-fixture-composer="comment"] button[type="submit"]', 'submits'),
    ],
  },
  {
    name: 'instagram-dm', url: 'https://www.instagram.com/direct/t/17842000000000001/', html: 'instagram-dm.html', csp: CSP.instagram,
    surfaces: [s('instagram-dm', '[data-fixture-composer="dm"] [role="textbox"]', '[data-fixture-composer="dm"] div[role="button"]', 'submits')],
  },
  {
    // Served on x.com so the content script runs there (its CSP allows local WebAssembly).
    name: 'demo', url: 'https://x.com/i/bedside-demo/', html: 'demo.html', csp: CSP.x,
    surfaces: [
      s('demo-quill', '#demo-quill .ql-editor', null, 'newline'),
      s('demo-draft', '#demo-draft [data-testid="tweetTextarea_0"]', null, 'newline'),
      s('demo-lexical', '#demo-lexical', null, 'newline'),
      s('demo-textarea', '#demo-textarea', null, 'newline'),
    ],
  },
];

export function site(name) {
  const found = sites.find((x) => x.name === name);
  if (!found) throw new Error(`no fixture site "${name}" (have ${sites.map((x) => x.name).join(', ')})`);
  return found;
}

/** Every surface with its site attached: [{ ...surface, site }]. */
export const surfaces = sites.flatMap((st) => st.surfaces.map((sf) => ({ ...sf, site: st.name })));

export function surface(name) {
  const found = [...surfaces, ...extraPages.flatMap((p) => (p.surfaces ?? []).map((sf) => ({ ...sf, site: p.name })))].find((x) => x.name === name);
  if (!found) throw new Error(`no fixture surface "${name}"`);
  return found;
}
