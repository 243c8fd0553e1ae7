// The site's privacy checklist and the professional checklist, with ticks and the
// "reviewed N days ago" line (a new review is asked for after reviewAfterDays).
import { loadChecklists, type ChecklistItem, type SiteId } from "./checklist-data";
import { h, t } from "./i18n";
import { daysSince, markReviewed, setTick, siteTicks, type SiteTicks } from "./ticks";

export async function renderChecklists(container: HTMLElement, site: SiteId): Promise<void> {
  const data = await loadChecklists();
  const { name, items } = data.sites[site];
  let ticks = await siteTicks(site);

  const reviewed = h("p", { class: "reviewed", id: "reviewed", role: "status" });
  const showReviewed = () => {
    reviewed.classList.remove("due");
    if (!ticks.reviewed) reviewed.textContent = t("reviewedNever");
    else {
      const days = daysSince(ticks.reviewed);
      const when = days === 0 ? t("reviewedToday") : days === 1 ? t("reviewedYesterday") : t("reviewedDaysAgo", String(days));
      reviewed.textContent = when;
      reviewed.dataset.days = String(days);
      if (days >= data.reviewAfterDays) {
        reviewed.classList.add("due");
        reviewed.textContent = `${when} ${t("reviewDue")}`;
      }
    }
  };
  const onTick = async (id: string, on: boolean) => {
    ticks = await setTick(site, id, on);
    showReviewed();
  };
  const markButton = h("button", { type: "button", id: "mark-reviewed" }, t("markReviewed"));
  markButton.addEventListener("click", async () => {
    ticks = await markReviewed(site);
    showReviewed();
  });

  const siteSection = h(
    "section",
    { id: "site-checklist", "aria-labelledby": "site-checklist-title", "data-site": site },
    h("h2", { id: "site-checklist-title" }, t("siteChecklistTitle", name)),
    reviewed,
    list(items, ticks, onTick, "site"),
    markButton,
  );
  const proSection = h(
    "section",
    { id: "pro-checklist", "aria-labelledby": "pro-checklist-title" },
    h("h2", { id: "pro-checklist-title" }, t("proChecklistTitle")),
    list(data.professional, ticks, onTick, "pro"),
  );
  showReviewed();
  container.replaceChildren(siteSection, proSection);
}

function list(items: ChecklistItem[], ticks: SiteTicks, onTick: (id: string, on: boolean) => void, prefix: string) {
  return h(
    "ul",
    { class: "checklist" },
    ...items.map((item) => {
      const inputId = `${prefix}-${item.id}`;
      const whyId = `${inputId}-why`;
      const box = h("input", { type: "checkbox", id: inputId, "data-item": item.id, "aria-describedby": whyId });
      box.checked = ticks.items[item.id]?.ticked ?? false;
      box.addEventListener("change", () => onTick(item.id, box.checked));
      const at = ticks.items[item.id]?.ticked ? ticks.items[item.id].at : undefined;
      const link = item.url
        ? h("a", { href: item.url, target: "_blank", rel: "noopener noreferrer", class: "open", title: item.where ?? "" },
            t("openSetting"), h("span", { class: "visually-hidden" }, `: ${item.label}`))
        : "";
      return h(
        "li",
        { "data-item": item.id, title: at ? t("tickedOn", new Date(at).toLocaleDateString()) : "" },
        h("div", { class: "row" }, box, h("label", { for: inputId }, item.label), link),
        h("p", { class: "why", id: whyId }, item.why),
      );
    }),
  );
}
