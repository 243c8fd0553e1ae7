// Where a translated label is the only cue: the words the four sites use on their
// submit controls and on a few boxes, in English, Spanish, Portuguese, French, German,
// Italian, Vietnamese, Arabic and Hebrew. Structural cues (data-testid, form submit
// buttons, type=submit, the sites' own data attributes) are tried first; this table
// only adds the sites' visible words, matched whole (trimmed, case- and
// ellipsis-insensitive), never as parts of longer texts.

export type Verb = "post" | "share" | "publish" | "send" | "comment" | "reply" | "next";

export const LANGUAGES = ["en", "es", "pt", "fr", "de", "it", "vi", "ar", "he"] as const;

/** Submit-control words per verb, one list per language in LANGUAGES' order. */
export const SUBMIT_WORDS: Record<Verb, string[][]> = {
  post: [["Post"], ["Publicar"], ["Publicar"], ["Publier"], ["Posten", "Beitrag posten"], ["Pubblica"], ["Đăng"], ["نشر"], ["פרסום", "פרסם"]],
  share: [["Share"], ["Compartir"], ["Compartilhar", "Partilhar"], ["Partager"], ["Teilen"], ["Condividi"], ["Chia sẻ"], ["مشاركة"], ["שיתוף", "שתף"]],
  publish: [["Publish"], ["Publicar"], ["Publicar"], ["Publier"], ["Veröffentlichen"], ["Pubblica"], ["Xuất bản"], ["نشر"], ["פרסום"]],
  // Messenger's send arrow is labelled with its key hint ("Press enter to send"; in
  // Spanish "Pulsa Intro para enviar": github.com/JuanHopla/FB-Chat-Monitor src/config.js,
  // 2025). It replaces the like button once there is text, so no structure marks it.
  send: [["Send", "Press enter to send"], ["Enviar", "Pulsa Intro para enviar"], ["Enviar"], ["Envoyer"], ["Senden"], ["Invia"], ["Gửi"], ["إرسال"], ["שליחה", "שלח"]],
  comment: [["Comment"], ["Comentar"], ["Comentar"], ["Commenter"], ["Kommentieren", "Kommentar"], ["Commenta"], ["Bình luận"], ["تعليق"], ["הגב", "תגובה"]],
  reply: [["Reply"], ["Responder"], ["Responder"], ["Répondre"], ["Antworten"], ["Rispondi"], ["Trả lời"], ["رد"], ["השב"]],
  // Facebook Pages and professional mode post through Next, then Post: the text is last
  // visible at Next, so the hold happens there.
  next: [["Next"], ["Siguiente"], ["Avançar", "Seguinte"], ["Suivant"], ["Weiter"], ["Avanti"], ["Tiếp"], ["التالي"], ["הבא"]],
};

/** Box labels that name a surface where no structure does, as attribute prefixes. */
export const BOX_PREFIXES = {
  // Facebook's reply box: "Reply to Ana Ruiz".
  replyTo: ["Reply to ", "Responder a ", "Responder a ", "Répondre à ", "Antworten an ", "Rispondi a ", "Trả lời ", "الرد على ", "השב ל"],
  // Facebook Messenger pop-up chats: "Write to Ana Ruiz".
  writeTo: ["Write to ", "Escribe a ", "Escreva para ", "Écrire à ", "Schreib an ", "Scrivi a ", "Viết cho ", "اكتب إلى ", "כתוב ל"],
};

const normal = (s: string) => s.replace(/[.…]+$/u, "").trim().toLocaleLowerCase();
const WORDS = new Map<Verb, Set<string>>(
  (Object.entries(SUBMIT_WORDS) as [Verb, string[][]][]).map(([verb, langs]) => [verb, new Set(langs.flat().map(normal))]),
);

/** Whether a label is one of `verbs`' words (whole, trimmed, case- and ellipsis-insensitive). */
export function isSubmitWord(label: string, verbs: Verb[] = Object.keys(SUBMIT_WORDS) as Verb[]): boolean {
  if (label.length > 40) return false;
  const word = normal(label);
  return verbs.some((v) => WORDS.get(v)!.has(word));
}

/** Whether a control's own label (aria-label, else its short text) is one of `verbs`' words. */
export const labelled = (el: Element, verbs: Verb[]) => isSubmitWord(el.getAttribute("aria-label") ?? (el.textContent ?? ""), verbs);

/** A CSS selector for elements whose `attr` starts with any of `prefixes`. */
export const prefixSelector = (base: string, attr: string, prefixes: string[]) =>
  [...new Set(prefixes)].map((p) => `${base}[${attr}^="${p.replace(/"/g, '\\"')}"]`).join(", ");

/** Enabled: not disabled, not aria-disabled (the sites disable Post until there is text). */
export const enabled = (el: Element) => !el.matches(':disabled, [aria-disabled="true"]');
