import streamlit as st

# Frontend behaviours of issue 3 item 6 (§1 isolate_styles, §8.1–§8.3): page-wide CSS when not
# isolated, scoped CSS in a ShadowRoot, <script> in html runs, readable stack traces
# (st-bidi-<name>-<hash>.js), error element for a throwing / non-function default export,
# handler errors only in the console.
st.text("plain text outside any component")
st.caption("a caption outside any component")

global_css = st.components.v2.component(
    "global_css",
    html="<p class='inside'>regular</p>",
    # Several lines: a one-line string (after stripping) with "[" or "]" (glob characters)
    # would be a path (§1).
    css="""
[data-testid="stText"] {
  color: rgb(1, 2, 3);
}
""",
    isolate_styles=False,
)
global_css(key="global")

scoped = st.components.v2.component(
    "scoped_css",
    html="<p class='inside'>isolated</p>",
    css="""
[data-testid="stCaptionContainer"],
p {
  color: rgb(4, 5, 6);
}
""",
)
scoped(key="scoped")

scripted = st.components.v2.component(
    "html_script",
    html="<p class='out'>waiting</p><script>window.__lwHtmlScript = 'ran'</script>",
    js="""
export default function({ parentElement }) {
  parentElement.querySelector('.out').textContent = 'html script: ' + window.__lwHtmlScript
}
""",
)
scripted(key="scripted")

thrower = st.components.v2.component(
    "thrower",
    js="""
export default function() {
  throw new Error('boom from component')
}
""",
)
thrower(key="thrower")

not_a_function = st.components.v2.component(
    "not_a_function",
    js="""
export default 42
""",
)
not_a_function(key="not_a_function")

handler = st.components.v2.component(
    "handler_error",
    html="<button type='button'>Throw in handler</button>",
    js="""
export default function({ parentElement }) {
  parentElement.querySelector('button').onclick = () => { throw new Error('handler boom') }
}
""",
)
handler(key="handler")
