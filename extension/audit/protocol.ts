// Messages between the audit page and its worker (worker.ts). The worker reads and scans;
// the page only renders, so it stays responsive on a large archive.
import type { Finding, Verdict } from "../shared/report";

export type Site = "x" | "facebook" | "instagram" | "linkedin";
export type Kind = "post" | "comment" | "message";

/** A scanned post, as bedside-archive reads it and the core reports on it. */
export interface Item {
  site: Site;
  kind: Kind;
  id: string;
  /** ISO 8601 UTC */
  date: string;
  url: string | null;
  text: string;
  photos: number;
  verdict: Verdict;
  findings: Finding[];
  /** Higher is worse (bedside-archive's rank::score). */
  score: number;
  /** Where to find the post when the archive has no link to it. */
  activity_url: string;
}

/** A risky post with its "dealt with" key (dealt.ts's postKey). */
export interface Keyed extends Item {
  key: string;
}

export interface RecordError {
  file: string;
  index: number | null;
  message: string;
}

/** Posts read, per "site/kind": how many hold, need a review, or came with photos. */
export type Counts = Record<string, { posts: number; hold: number; review: number; photos: number }>;

export interface Start {
  type: "start";
  /** One zip, one file, or a folder's files with their relative paths. */
  files: { path: string; file: File }[];
  name: string;
  includeMessages: boolean;
  config: unknown;
}

/** The page took a progress message: the worker may send the next one (backpressure). */
export type ToWorker = Start | { type: "ack" };

export type FromWorker =
  | { type: "opened"; files: { path: string; site: Site }[]; errors: RecordError[] }
  | { type: "progress"; filesRead: number; /** of the file being read, 0 to 1 */ fileShare: number; files: number; posts: number; counts: Counts; items: Keyed[]; errors: RecordError[] }
  | {
      type: "done"; posts: number; seconds: number;
      /** The risky posts sent, worst first: indexes in the order they were sent (sorted here, off the page's thread). */
      order: number[];
      /** The values the list's filters offer. */
      facets: Facets;
    }
  | { type: "failed"; message: string };

/** What the list can be filtered by: the sites, kinds, categories and years found. */
export interface Facets {
  site: string[];
  kind: string[];
  category: string[];
  year: string[];
}

/** Worse first, then newer first: the order of bedside-archive's rank::worst_first. */
export const worstFirst = (a: Pick<Item, "score" | "date">, b: Pick<Item, "score" | "date">) => b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
