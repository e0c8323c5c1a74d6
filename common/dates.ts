/**
 * Calendar dates as ISO strings ("2024-01-31"), the form st.date_input returns in TypeScript and
 * sends on the wire. Shared by the engine (defaults, bounds) and the preview (display, calendar).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in ISO form, or null ("2024-02-30" is not one). */
export function parseIsoDate(text: unknown): { year: number; month: number; day: number } | null {
  if (typeof text !== "string") return null;
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? { year, month, day } : null;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  const probe = new Date(Date.UTC(2000, month, 0));
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

/** dateutil's relativedelta(years=n): the same day n years on, Feb 29 becoming Feb 28. */
export function addYears(iso: string, years: number): string {
  const { year, month, day } = parseIsoDate(iso)!;
  return isoDate(year + years, month, Math.min(day, daysInMonth(year + years, month)));
}

/** Streamlit's ALLOWED_DATE_FORMATS: year, month and day in one of three orders, each gap "/", "." or "-". */
export const DATE_FORMAT = /^(YYYY[/.-]MM[/.-]DD|DD[/.-]MM[/.-]YYYY|MM[/.-]DD[/.-]YYYY)$/;

/** An ISO date shown in a date_input format ("DD.MM.YYYY" → "31.01.2024"). */
export function formatDate(iso: string, format: string): string {
  const { year, month, day } = parseIsoDate(iso)!;
  return format
    .replace("YYYY", String(year).padStart(4, "0"))
    .replace("MM", String(month).padStart(2, "0"))
    .replace("DD", String(day).padStart(2, "0"));
}

/** A date typed in a date_input format back to ISO, or null when it is not a real date in that format. */
export function parseFormatted(text: string, format: string): string | null {
  const order: ("YYYY" | "MM" | "DD")[] = [];
  const pattern = format.replace(/YYYY|MM|DD|[/.-]/g, (part) => {
    if (part === "YYYY" || part === "MM" || part === "DD") {
      order.push(part);
      return part === "YYYY" ? "(\\d{4})" : "(\\d{1,2})";
    }
    return `\\${part}`;
  });
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return null;
  const parts = Object.fromEntries(order.map((name, i) => [name, Number(match[i + 1])]));
  const iso = isoDate(parts.YYYY, parts.MM, parts.DD);
  return parseIsoDate(iso) ? iso : null;
}
