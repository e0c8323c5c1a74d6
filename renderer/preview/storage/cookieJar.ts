/**
 * `document.cookie` for the simple cases components use: `name=value` pairs, replaced by name,
 * removed by `Max-Age<=0` or a past `Expires`; other attributes (path, domain, SameSite…) are
 * accepted and ignored, since the preview has a single page.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** What reading `document.cookie` returns: `a=1; b=2`, in the order the cookies were created. */
  read(): string {
    return [...this.cookies].map(([name, value]) => (name ? `${name}=${value}` : value)).join("; ");
  }

  /** One `document.cookie = "…"` assignment. A pair without `=` is a cookie with an empty name. */
  write(cookie: string): void {
    const [pair, ...attributes] = cookie.split(";");
    const eq = pair.indexOf("=");
    const name = eq < 0 ? "" : pair.slice(0, eq).trim();
    const value = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
    if (isExpired(attributes)) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  clear(): void {
    this.cookies.clear();
  }
}

/** Max-Age wins over Expires, as in browsers. */
function isExpired(attributes: string[]): boolean {
  const parsed = new Map(
    attributes.map((attribute) => {
      const eq = attribute.indexOf("=");
      return [(eq < 0 ? attribute : attribute.slice(0, eq)).trim().toLowerCase(), eq < 0 ? "" : attribute.slice(eq + 1).trim()];
    }),
  );
  const maxAge = parsed.get("max-age");
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge)) return Number(maxAge) <= 0;
  const expires = parsed.get("expires");
  return expires !== undefined && Date.parse(expires) <= Date.now();
}

/**
 * A `_streamlit_xsrf` cookie shaped like the one Streamlit's server (Tornado's version-2 XSRF
 * token) sets: `2|<mask>|<masked token>|<unix seconds>`, hex, random per app view.
 */
export function streamlitXsrfCookie(): string {
  const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
  return `_streamlit_xsrf=2|${hex(4)}|${hex(16)}|${Math.floor(Date.now() / 1000)}`;
}
