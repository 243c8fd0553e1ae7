// Whole-post findings: a category of the post (posting from work, venting) rather than of a
// phrase spans all of its text, so the caret is always on it while the user types.

/** Whether a finding's span covers all of `text` but surrounding white space. */
export function coversText(f: { start: number; end: number }, text: string): boolean {
  const first = text.length - text.trimStart().length;
  const last = text.trimEnd().length;
  return last > first && f.start <= first && f.end >= last;
}
