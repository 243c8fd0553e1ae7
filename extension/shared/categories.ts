// Category ids (the taxonomy's public contract) in plain words, for the UI. categories.json is
// written from the core's one table of categories (crates/core/src/category.rs) and checked
// against it by crates/core/tests/category_table.rs, as are the locale's cat_* labels.
import TABLE from "./categories.json";

export type CategoryInfo = { label: string; severity: "low" | "medium" | "high" };

/** Every category, in the core's order. */
export const CATEGORIES = TABLE as Record<string, CategoryInfo>;

export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(CATEGORIES).map(([id, c]) => [id, c.label]),
);

export const categoryLabel = (id: string) => CATEGORY_LABELS[id] ?? id;
