// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createApp, h, type App } from "vue";
import MarkdownBlocks from "../../renderer/preview/markdown/MarkdownBlocks.vue";
import MarkdownInlines from "../../renderer/preview/markdown/MarkdownInlines.vue";
import { htmlSupportLoaded, loadHtmlSupport, parseInline } from "../../renderer/preview/markdown/parse";

let app: App | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** The HTML st.markdown puts inside stMarkdownContainer for `source`. */
function render(source: string, allowHtml = false): string {
  const root = document.createElement("div");
  app = createApp({ render: () => h(MarkdownBlocks, { source, allowHtml }) });
  app.mount(root);
  const html = root.innerHTML.replace(/\n/g, "");
  app.unmount();
  app = null;
  return html;
}

function label(source: string): string {
  const root = document.createElement("p");
  app = createApp({ render: () => h(MarkdownInlines, { nodes: parseInline(source) }) });
  app.mount(root);
  const html = root.innerHTML;
  app.unmount();
  app = null;
  return html;
}

const LINK_ICON_START = '<span data-testid="stHeaderActionElements" class="lw-heading-actions"><a href="#';

describe("st.markdown, rendered as Streamlit's StreamlitMarkdown renders it", () => {
  it("renders paragraphs, emphasis, strikethrough and inline code (GFM)", () => {
    expect(render("Hello **bold** *it* ~~gone~~ `code`")).toBe("<p>Hello <strong>bold</strong> <em>it</em> <del>gone</del> <code>code</code></p>");
  });

  it("gives headings Streamlit's anchor: the slug id, a labelled text span and a link icon to #slug", () => {
    const html = render("## Hello World!");
    expect(html.startsWith('<div data-testid="stHeadingWithActionElements"><h2 id="hello-world" aria-labelledby="hello-world-heading-text">')).toBe(true);
    expect(html).toContain('<span id="hello-world-heading-text">Hello World!</span>');
    expect(html).toContain(`${LINK_ICON_START}hello-world" aria-label="Link to heading">`);
  });

  it("renders same-page #anchor links in place and other links in a new tab", () => {
    expect(render("[top](#hello-world) [docs](https://docs.streamlit.io)")).toBe(
      '<p><a href="#hello-world">top</a> <a href="https://docs.streamlit.io" target="_blank" rel="noopener noreferrer">docs</a></p>',
    );
  });

  it("renders tables, blockquotes, nested lists and task lists", () => {
    expect(render("| a | b |\n|---|:-:|\n| 1 | 2 |")).toBe(
      '<table><thead><tr><th>a</th><th style="text-align: center;">b</th></tr></thead><tbody><tr><td>1</td><td style="text-align: center;">2</td></tr></tbody></table>',
    );
    expect(render("> quoted **text**")).toBe("<blockquote><p>quoted <strong>text</strong></p></blockquote>");
    expect(render("- a\n  1. one\n  2. two\n- b")).toBe("<ul><li>a<ol><li>one</li><li>two</li></ol></li><li>b</li></ul>");
    expect(render("- [x] done\n- [ ] todo")).toBe(
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked="" disabled=""> done</li><li class="task-list-item"><input type="checkbox" disabled=""> todo</li></ul>',
    );
  });

  it("renders Streamlit's colour, background and badge directives with the theme's colours", () => {
    expect(render(":red[alert] and :blue-background[calm]")).toBe(
      '<p><span style="color: var(--st-red-text-color);" class="stMarkdownColoredText">alert</span> and ' +
        '<span style="background-color: var(--st-blue-background-color);" class="stMarkdownColoredBackground">calm</span></p>',
    );
    expect(render(":green-badge[Success]")).toBe(
      '<p><span class="stMarkdownBadge" style="background-color: var(--st-green-background-color); color: var(--st-green-text-color); font-size: 0.875rem;">Success</span></p>',
    );
    expect(render(":color[custom]{foreground=\"#ff0000\"}")).toBe('<p><span style="color: #ff0000;" class="stMarkdownColoredText">custom</span></p>');
  });

  it("prints an unknown directive as its name, like Streamlit (so 10:30 stays 10:30)", () => {
    expect(render("Meet at 10:30 :unknown[x]")).toBe("<p>Meet at 10:30 :unknown</p>");
  });

  it("renders :material/icon: as an img-role span and spaced arrows as symbols", () => {
    expect(render(":material/home: a -> b")).toBe('<p><span role="img" aria-label="home icon" translate="no" class="lw-material-icon">home</span> a → b</p>');
  });

  it("shows raw HTML as text unless unsafe_allow_html, and strips javascript: links", () => {
    expect(render('Hi <b onclick="x()">there</b>')).toBe('<p>Hi &lt;b onclick="x()"&gt;there&lt;/b&gt;</p>');
    expect(render("[x](javascript:alert(1))")).toBe("<p><a>x</a></p>");
  });

  it("loads the HTML parser only when unsafe_allow_html is first used", async () => {
    expect(htmlSupportLoaded()).toBe(false);
    await loadHtmlSupport();
    expect(htmlSupportLoaded()).toBe(true);
  });

  it("lets HTML through with unsafe_allow_html, inert as React leaves it: no scripts, no inline handlers", async () => {
    await loadHtmlSupport();
    expect(render('<div class="card" style="color: red">Hi <b onclick="x()">there</b></div>', true)).toBe(
      '<div class="card" style="color: red;">Hi <b>there</b></div>',
    );
    expect(render("<style>.card { color: red }</style><script>window.ran = true</script>", true)).toBe("<style>.card { color: red }</style>");
  });
});

describe("widget labels (Streamlit's isLabel markdown)", () => {
  it("keeps inline markdown and unwraps block syntax into its text", () => {
    expect(label("**Bold** label with `code`")).toBe("<strong>Bold</strong> label with <code>code</code>");
    expect(label("# not a heading")).toBe("# not a heading");
    expect(label("- not a list")).toBe("- not a list");
    expect(label("1. not numbered")).toBe("1. not numbered");
  });

  it("leaves snake_case words and escaped characters alone", () => {
    expect(label("my_text_input \\*not em\\*")).toBe("my_text_input *not em*");
  });
});
