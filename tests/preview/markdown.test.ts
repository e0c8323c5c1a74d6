import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "../../renderer/preview/markdown/parse";

describe("markdown subset", () => {
  it("parses headings, paragraphs, lists, rules and fenced code", () => {
    expect(parseMarkdown("# Title\n\nline one\nline two\n\n- a\n- b\n\n1. x\n\n---\n```\n<b>code</b>\n```")).toEqual([
      { kind: "heading", level: 1, content: [{ kind: "text", text: "Title" }] },
      { kind: "paragraph", content: [{ kind: "text", text: "line one line two" }] },
      { kind: "list", ordered: false, items: [[{ kind: "text", text: "a" }], [{ kind: "text", text: "b" }]] },
      { kind: "list", ordered: true, items: [[{ kind: "text", text: "x" }]] },
      { kind: "rule" },
      { kind: "code", text: "<b>code</b>" },
    ]);
  });

  it("parses bold, italic, inline code and nesting", () => {
    expect(parseInline("**b** *i* `c*` __s _e_ s__")).toEqual([
      { kind: "strong", children: [{ kind: "text", text: "b" }] },
      { kind: "text", text: " " },
      { kind: "em", children: [{ kind: "text", text: "i" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "c*" },
      { kind: "text", text: " " },
      {
        kind: "strong",
        children: [{ kind: "text", text: "s " }, { kind: "em", children: [{ kind: "text", text: "e" }] }, { kind: "text", text: " s" }],
      },
    ]);
  });

  it("leaves snake_case words and escaped characters alone", () => {
    expect(parseInline("my_text_input \\*not em\\*")).toEqual([{ kind: "text", text: "my_text_input *not em*" }]);
  });

  it("keeps http(s) and mailto links and drops other schemes to their text", () => {
    expect(parseInline("[docs](https://docs.streamlit.io) [x](javascript:alert)")).toEqual([
      { kind: "link", href: "https://docs.streamlit.io", children: [{ kind: "text", text: "docs" }] },
      { kind: "text", text: " " },
      { kind: "text", text: "x" },
    ]);
  });
});
