/**
 * A small, safe Markdown subset: headings, paragraphs, bullet/numbered lists, fenced code, rules,
 * and inline code, bold, italic and links. The result is a tree rendered by Vue templates, so
 * every piece of text is escaped and raw HTML in the source is shown as text.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] }
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "code"; text: string }
  | { kind: "rule" };

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", content: parseInline(paragraph.join(" ")) });
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      endParagraph();
      const body: string[] = [];
      while (++i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i]);
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    const listMatch = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (!line.trim()) {
      endParagraph();
    } else if (heading) {
      endParagraph();
      const level = heading[1].length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ kind: "heading", level, content: parseInline(heading[2]) });
    } else if (RULE.test(line)) {
      endParagraph();
      blocks.push({ kind: "rule" });
    } else if (listMatch) {
      endParagraph();
      const ordered = NUMBERED.test(line);
      const last = blocks.at(-1);
      const item = parseInline(listMatch[1]);
      if (last?.kind === "list" && last.ordered === ordered && lines[i - 1]?.trim()) last.items.push(item);
      else blocks.push({ kind: "list", ordered, items: [item] });
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return blocks;
}

/** Only links that open elsewhere: the preview frame itself must never navigate away. */
function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href) ? href : null;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function parseInline(text: string): Inline[] {
  const nodes: Inline[] = [];
  let plain = "";
  const push = (node: Inline) => {
    if (plain) nodes.push({ kind: "text", text: plain });
    plain = "";
    nodes.push(node);
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "`") {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        const code = text.slice(i + ticks.length, end);
        push({ kind: "code", text: /^ .* $/.test(code) ? code.slice(1, -1) : code });
        i = end + ticks.length;
        continue;
      }
    }
    if (c === "*" || c === "_") {
      const strong = text[i + 1] === c;
      const delimiter = strong ? c + c : c;
      // Like CommonMark, `_` does not emphasize inside words (snake_case stays as written).
      const canOpen = c === "*" || !isWordChar(text[i - 1]);
      const end = canOpen ? findCloser(text, delimiter, i + delimiter.length) : -1;
      if (end > i + delimiter.length) {
        const children = parseInline(text.slice(i + delimiter.length, end));
        push(strong ? { kind: "strong", children } : { kind: "em", children });
        i = end + delimiter.length;
        continue;
      }
    }
    if (c === "[") {
      const link = /^\[([^\]]+)\]\(\s*([^\s)]+)(?:\s+"[^"]*")?\s*\)/.exec(text.slice(i));
      if (link) {
        const children = parseInline(link[1]);
        const href = safeHref(link[2]);
        if (href) push({ kind: "link", href, children });
        else for (const child of children) push(child);
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  if (plain) nodes.push({ kind: "text", text: plain });
  return nodes;
}

/** The next closing delimiter that is not the start of a longer run (`*` must not match `**`). */
function findCloser(text: string, delimiter: string, from: number): number {
  for (let end = text.indexOf(delimiter, from); end >= 0; end = text.indexOf(delimiter, end + 1)) {
    const after = text[end + delimiter.length];
    const before = text[end - 1];
    if (before === " ") continue;
    if (delimiter.length === 1 && (after === delimiter || before === delimiter)) continue;
    if (delimiter === "_" && isWordChar(after)) continue;
    return end;
  }
  return -1;
}
