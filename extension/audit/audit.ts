// "Audit my past posts": the user picks or drops an archive; worker.ts reads and scans it
// with the same core as the composer; this page only shows progress and results.
import { categoryLabel } from "../shared/categories";
import { SITE_NAMES } from "../shared/drafts";
import { coreConfig, loadSettings } from "../shared/settings";
import { loadDealt, setDealt, type Dealt } from "./dealt";
import { download, toCsv, toJson, type Row } from "./export";
import type { Counts, Facets, FromWorker, Item, Keyed, RecordError, Start, ToWorker } from "./protocol";

/** Posts shown at a time (more on "Show more"): a long list costs the page, not the scan. */
const PAGE = 100;
/** Posts drawn per task: the list is drawn a slice at a time, so no frame waits on all of it. */
const SLICE = 10;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let worker: Worker | undefined;
/** A worker started before the pick, its .wasm compiled while the user chooses a file. */
let spare: Worker | undefined;
/** The risky posts: in the order received while reading, worst first once it is done. */
let items: Keyed[] = [];
let facets: Facets = { site: [], kind: [], category: [], year: [] };
let counts: Counts = {};
/** The latest progress, drawn once per frame however many messages came. */
let progress: Extract<FromWorker, { type: "progress" }> | undefined;
let dealt: Dealt = {};
let shownCount = PAGE;
let config: unknown;
/** Bumped by each redraw of the list, so a newer one stops an older one's slices. */
let drawing = 0;

/** "50,000". Made once at load: the first use of a number format costs the page tens of ms. */
const count = (n: number) => COUNT.format(n);
const COUNT = new Intl.NumberFormat("en");

const newWorker = () => new Worker(chrome.runtime.getURL("audit/worker.js"));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...children);
  return e;
}

// ---- picking -------------------------------------------------------------------------

async function start(files: { path: string; file: File }[], name: string) {
  if (!files.length) return;
  worker?.terminate();
  worker = spare ?? newWorker();
  spare = undefined;
  items = [];
  progress = undefined;
  facets = { site: [], kind: [], category: [], year: [] };
  counts = {};
  shownCount = PAGE;
  drawing++;
  $("errors").replaceChildren();
  $("summary").replaceChildren();
  $<HTMLElement>("results-box").hidden = true;
  $<HTMLElement>("progress-box").hidden = false;
  setProgress(0, 1, `Opening ${name}…`);
  document.body.dataset.state = "reading";
  const w = worker;
  w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(w, e.data);
  w.onerror = (e) => fail(e.message || "the reader stopped");
  const msg: Start = { type: "start", files, name, includeMessages: $<HTMLInputElement>("include-messages").checked, config };
  w.postMessage(msg);
}

/** A dropped folder's files, with paths relative to it. */
async function walk(entry: FileSystemEntry, prefix: string, out: { path: string; file: File }[]) {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, ko) => (entry as FileSystemFileEntry).file(ok, ko));
    out.push({ path: prefix + entry.name, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, ko) => reader.readEntries(ok, ko));
    if (!batch.length) break;
    for (const e of batch) await walk(e, `${prefix}${entry.name}/`, out);
  }
}

function pickers() {
  // One zip, or one or more files of an archive (e.g. tweets.js with account.js).
  const loose = (list: File[]) => void start(list.map((f) => ({ path: f.name, file: f })), list.map((f) => f.name).join(", "));
  $<HTMLInputElement>("file").addEventListener("change", (e) => loose([...((e.target as HTMLInputElement).files ?? [])]));
  $<HTMLInputElement>("folder").addEventListener("change", (e) => {
    const list = [...((e.target as HTMLInputElement).files ?? [])];
    // webkitRelativePath starts with the folder's own name: drop it.
    const files = list.map((file) => ({ path: file.webkitRelativePath.split("/").slice(1).join("/") || file.name, file }));
    void start(files, list[0]?.webkitRelativePath.split("/")[0] ?? "folder");
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry()).filter((x): x is FileSystemEntry => !!x);
    if (entries.length === 1 && entries[0].isDirectory) {
      const files: { path: string; file: File }[] = [];
      await walk(entries[0], "", files);
      const strip = `${entries[0].name}/`;
      void start(files.map((f) => ({ ...f, path: f.path.slice(strip.length) })), entries[0].name);
    } else {
      loose([...(e.dataTransfer?.files ?? [])]);
    }
  });
}

// ---- progress --------------------------------------------------------------------------

function setProgress(value: number, max: number, text: string) {
  const bar = $<HTMLProgressElement>("progress");
  bar.max = Math.max(1, max);
  bar.value = value;
  $("progress-text").textContent = text;
}

function showErrors(errors: RecordError[]) {
  for (const e of errors) {
    const where = e.index === null ? e.file : `${e.file}, record ${e.index}`;
    $("errors").append(el("li", "", `${where}: ${e.message}`));
  }
}

function fail(message: string) {
  document.body.dataset.state = "failed";
  setProgress(0, 1, "Could not read this archive.");
  $("errors").append(el("li", "", message));
}

function onMessage(w: Worker, m: FromWorker) {
  // A message (or a frame queued for one) of an archive picked before this one: dropped.
  const current = () => w === worker;
  if (!current()) return;
  switch (m.type) {
    case "opened":
      showErrors(m.errors);
      setProgress(0, m.files.length, `Found ${m.files.length} file${m.files.length === 1 ? "" : "s"} with posts…`);
      break;
    case "progress":
      for (const i of m.items) items.push(i);
      counts = m.counts;
      showErrors(m.errors);
      if (!progress) {
        requestAnimationFrame(() => {
          const p = progress;
          progress = undefined;
          if (!p || !current()) return;
          setProgress(p.filesRead + p.fileShare, p.files, `Read ${p.filesRead} of ${p.files} files, ${count(p.posts)} posts`);
          $("progress").dataset.posts = String(p.posts);
          renderSummary();
          // Drawn: the worker may send the next (it merges what it reads meanwhile).
          w.postMessage({ type: "ack" } satisfies ToWorker);
        });
      }
      progress = m;
      break;
    case "done":
      // After the last progress is drawn (it was queued for this frame).
      requestAnimationFrame(() => {
        if (!current()) return;
        const got = items;
        items = m.order.map((i) => got[i]);
        facets = m.facets;
        setProgress(1, 1, `Done: ${count(m.posts)} posts read and checked in ${m.seconds.toFixed(1)} s.`);
        document.body.dataset.posts = String(m.posts);
        document.body.dataset.seconds = String(m.seconds);
        renderSummary();
        // "done" once the list's first page is drawn (tests and the benchmark wait for it).
        void render().then((drawn) => {
          if (drawn) document.body.dataset.state = "done";
          // The next pick gets a worker whose modules are already compiled.
          spare ??= newWorker();
        });
      });
      break;
    case "failed":
      fail(m.message);
      break;
  }
}

// ---- results ---------------------------------------------------------------------------

/** Lets the page draw and take input between two slices of work. */
const nextTask = () => new Promise<void>((resolve) => {
  const c = new MessageChannel();
  c.port1.onmessage = () => resolve();
  c.port2.postMessage(null);
});

function filtered(): Keyed[] {
  const v = (id: string) => $<HTMLSelectElement>(id).value;
  const [site, kind, category, year] = [v("f-site"), v("f-kind"), v("f-category"), v("f-year")];
  const showDealt = $<HTMLInputElement>("f-dealt").checked;
  return items.filter((i) =>
    (!site || i.site === site) && (!kind || i.kind === kind) && (!year || i.date.startsWith(year)) &&
    (!category || i.findings.some((f) => f.category === category)) && (showDealt || !dealt[i.key]));
}

/** Keeps a filter's options in step with what was found, keeping the choice. */
function fillSelect(id: string, values: string[], label: (v: string) => string) {
  const select = $<HTMLSelectElement>(id);
  const have = [...select.options].slice(1).map((o) => o.value);
  if (have.join("\n") === values.join("\n")) return;
  const chosen = select.value;
  select.replaceChildren(new Option("all", ""), ...values.map((v) => new Option(label(v), v)));
  select.value = values.includes(chosen) ? chosen : "";
}

/**
 * Draws the filters and the list, worst first, SLICE posts per task, from post `from` on
 * (0 redraws it; "Show more" appends). Resolves true once the first `shownCount` posts are
 * in, false when a newer redraw took over.
 */
async function render(from = 0): Promise<boolean> {
  const me = ++drawing;
  renderSummary();
  fillSelect("f-site", facets.site, (s) => SITE_NAMES[s] ?? s);
  fillSelect("f-kind", facets.kind, (k) => k);
  fillSelect("f-category", facets.category, categoryLabel);
  fillSelect("f-year", facets.year, (y) => y);
  // Already worst first (the worker ranked them).
  const list = filtered();
  // The filters and the list in separate tasks: either alone is a short one.
  await nextTask();
  if (me !== drawing) return false;
  $<HTMLElement>("results-box").hidden = false;
  showCount(list.length);
  const ol = $("results");
  for (let at = from; at < Math.min(list.length, shownCount) || at === 0; at += SLICE) {
    if (at > from) await nextTask();
    if (me !== drawing) return false;
    const slice = list.slice(at, Math.min(at + SLICE, shownCount)).map(renderItem);
    if (at === 0) ol.replaceChildren(...slice);
    else ol.append(...slice);
  }
  $<HTMLButtonElement>("more").hidden = list.length <= shownCount;
  return true;
}

function showCount(n: number) {
  $("shown").textContent = `${count(n)} post${n === 1 ? "" : "s"} to look at` +
    (n > shownCount ? `, the worst ${shownCount} shown` : "");
}

/** The summary table: a row per site and kind, its cells updated in place. */
function renderSummary() {
  const rows = Object.entries(counts).sort();
  if (!rows.length) return;
  $<HTMLElement>("summary-box").hidden = false;
  const table = $<HTMLTableElement>("summary");
  if (!table.rows.length) {
    table.append(el("tr", "", el("th", "", "Site"), el("th", "", "Kind"), el("th", "", "Read"), el("th", "", "Hold"), el("th", "", "Review"),
      el("th", "", "With a photo (not read)")));
  }
  for (const [k, c] of rows) {
    const [site, kind] = k.split("/");
    let tr = [...table.rows].find((r) => r.dataset.site === site && r.dataset.kind === kind);
    if (!tr) {
      tr = el("tr", "", el("td", "", SITE_NAMES[site] ?? site), el("td", "", `${kind}s`), el("td"), el("td"), el("td"), el("td"));
      tr.dataset.site = site;
      tr.dataset.kind = kind;
      const after = [...table.rows].slice(1).find((r) => `${r.dataset.site}/${r.dataset.kind}` > k);
      table.insertBefore(tr, after ?? null);
    }
    const cells = [count(c.posts), String(c.hold), String(c.review), String(c.photos)];
    cells.forEach((text, i) => {
      const cell = tr.cells[i + 2];
      if (cell.textContent !== text) cell.textContent = text;
    });
  }
}

/** The text with each finding underlined as in the composer (overlaps: the first wins). */
function marked(item: Item): Node[] {
  const out: Node[] = [];
  let pos = 0;
  for (const f of [...item.findings].sort((a, b) => a.start - b.start)) {
    if (f.start < pos) continue;
    out.push(document.createTextNode(item.text.slice(pos, f.start)));
    const m = el("mark", f.severity, item.text.slice(f.start, f.end));
    m.dataset.category = f.category;
    m.title = categoryLabel(f.category);
    out.push(m);
    pos = f.end;
  }
  out.push(document.createTextNode(item.text.slice(pos)));
  return out;
}

function renderItem(item: Keyed): HTMLLIElement {
  const li = el("li");
  li.dataset.key = item.key;
  li.dataset.site = item.site;
  li.dataset.kind = item.kind;
  li.dataset.verdict = item.verdict;
  if (dealt[item.key]) li.classList.add("dealt");
  const site = SITE_NAMES[item.site] ?? item.site;
  li.append(el("div", "meta", el("span", `verdict ${item.verdict}`, item.verdict), el("time", "", item.date.slice(0, 10)),
    el("span", "", `${site} ${item.kind}`)));
  const text = el("p", "text", ...marked(item));
  li.append(text);
  if (item.photos) li.append(el("p", "photo", `📷 A photo was posted with this${item.photos > 1 ? ` (${item.photos})` : ""}: look at it too.`));
  li.append(el("ul", "notes", ...item.findings.map((f) => el("li", "", el("strong", "", `${categoryLabel(f.category)}: `), f.message))));
  const link = el("a", "open", item.url ? `Open on ${site}` : `Find it in your ${site} activity (${item.date.slice(0, 10)})`);
  link.setAttribute("href", item.url ?? item.activity_url);
  link.setAttribute("target", "_blank");
  link.setAttribute("rel", "noopener noreferrer");
  const mark = el("button", "dealt-button", dealt[item.key] ? "Dealt with ✓ (undo)" : "Mark as dealt with");
  mark.setAttribute("type", "button");
  mark.dataset.action = "dealt";
  li.append(el("div", "actions", link, mark));
  return li;
}

function exportRows(): Row[] {
  return filtered().map(({ key, ...i }) => ({ ...i, dealtWith: !!dealt[key] }));
}

function wire() {
  for (const id of ["f-site", "f-kind", "f-category", "f-year", "f-dealt"]) {
    $(id).addEventListener("change", () => { shownCount = PAGE; void render(); });
  }
  $("more").addEventListener("click", (e) => {
    if (!e.isTrusted) return;
    const from = shownCount;
    shownCount += PAGE;
    void render(from);
  });
  $("results").addEventListener("click", async (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-action=dealt]");
    if (!button || !e.isTrusted) return;
    const li = button.closest<HTMLLIElement>("li[data-key]")!;
    const key = li.dataset.key!;
    dealt = await setDealt(key, !dealt[key]);
    // In place: the rest of the list (and where the user has scrolled to) stays.
    if (dealt[key] && !$<HTMLInputElement>("f-dealt").checked) li.remove();
    else li.replaceWith(renderItem(items.find((i) => i.key === key)!));
    showCount(filtered().length);
  });
  const day = () => new Date().toISOString().slice(0, 10);
  $("export-csv").addEventListener("click", (e) => {
    if (e.isTrusted) download(`bedside-audit-${day()}.csv`, "text/csv;charset=utf-8", toCsv(exportRows()));
  });
  $("export-json").addEventListener("click", (e) => {
    if (e.isTrusted) download(`bedside-audit-${day()}.json`, "application/json", toJson(exportRows()));
  });
  // Another tab's marks (or an undo there) show here too.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && "auditDealtWith" in changes) {
      void loadDealt().then((d) => {
        const same = Object.keys(d).length === Object.keys(dealt).length && Object.keys(d).every((k) => k in dealt);
        dealt = d;
        // This page's own marks are drawn already (in place).
        if (!same && document.body.dataset.state === "done") void render();
      });
    }
  });
}

async function main() {
  const [settings, d] = await Promise.all([loadSettings(), loadDealt()]);
  // Past posts: "posting from work" is about the moment of posting, not now.
  config = { ...coreConfig(settings.settings), duringWorkHours: false };
  dealt = d;
  spare = newWorker();
  pickers();
  wire();
  document.body.dataset.ready = "true";
}

void main();
