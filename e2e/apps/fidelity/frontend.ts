import type { St } from "loopwright";

// Frontend behaviours of issue 3 item 6 (§1 isolate_styles, §8.1–§8.3): page-wide CSS when not
// isolated, scoped CSS in a ShadowRoot, <script> in html runs, readable stack traces
// (st-bidi-<name>-<hash>.js), error element for a throwing / non-function default export,
// handler errors only in the console.
export default function app(st: St) {
  st.text("plain text outside any component");
  st.caption("a caption outside any component");

  const global = st.components.v2.component("global_css", {
    html: "<p class='inside'>regular</p>",
    // Several lines: a one-line string (after trimming) with "[" or "]" (glob characters)
    // would be a path (§1).
    css: `
[data-testid="stText"] {
  color: rgb(1, 2, 3);
}
`,
    isolate_styles: false,
  });
  global({ key: "global" });

  const scoped = st.components.v2.component("scoped_css", {
    html: "<p class='inside'>isolated</p>",
    css: `
[data-testid="stCaptionContainer"],
p {
  color: rgb(4, 5, 6);
}
`,
  });
  scoped({ key: "scoped" });

  const scripted = st.components.v2.component("html_script", {
    html: "<p class='out'>waiting</p><script>window.__lwHtmlScript = 'ran'</script>",
    js: `
export default function({ parentElement }) {
  parentElement.querySelector('.out').textContent = 'html script: ' + window.__lwHtmlScript
}
`,
  });
  scripted({ key: "scripted" });

  const thrower = st.components.v2.component("thrower", {
    js: `
export default function() {
  throw new Error('boom from component')
}
`,
  });
  thrower({ key: "thrower" });

  const notAFunction = st.components.v2.component("not_a_function", {
    js: `
export default 42
`,
  });
  notAFunction({ key: "not_a_function" });

  const handler = st.components.v2.component("handler_error", {
    html: "<button type='button'>Throw in handler</button>",
    js: `
export default function({ parentElement }) {
  parentElement.querySelector('button').onclick = () => { throw new Error('handler boom') }
}
`,
  });
  handler({ key: "handler" });
}
