// The list as CSV or JSON, made in the page and saved through a blob: URL (no request).
import type { Item } from "./protocol";

export interface Row extends Item {
  dealtWith: boolean;
}

const COLUMNS = ["site", "kind", "id", "date", "url", "verdict", "categories", "dealt_with", "text"] as const;

/** RFC 4180: every field quoted, quotes doubled; newlines kept inside the quotes. */
const field = (v: string) => `"${v.replace(/"/g, '""')}"`;

export function toCsv(rows: Row[]): string {
  const lines = [COLUMNS.join(",")];
  for (const r of rows) {
    const cats = [...new Set(r.findings.map((f) => f.category))].join(" ");
    lines.push([r.site, r.kind, r.id, r.date, r.url ?? "", r.verdict, cats, r.dealtWith ? "yes" : "no", r.text].map(field).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export function toJson(rows: Row[]): string {
  const posts = rows.map((r) => ({
    site: r.site, kind: r.kind, id: r.id, date: r.date, url: r.url, verdict: r.verdict,
    dealt_with: r.dealtWith, photos: r.photos, text: r.text, findings: r.findings,
  }));
  return JSON.stringify({ format: "bedside-audit", version: 1, posts }, null, 2);
}

export function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
