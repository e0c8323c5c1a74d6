from pathlib import Path

import streamlit as st

# error_handling.py (§11.1, §1, §8.2): a JS module without a default export renders the
# "BidiComponent Error" element; a css that is not a string (a pathlib.Path) raises.
st.header("Custom Components v2 - Error Handling")
st.divider()
with st.container():
    st.subheader("Errors (intentionally broken components)")

    # Incorrect JS (no default export)
    incorrect_js = st.components.v2.component(
        "incorrectJsComponent",
        html="<h1>The JS is incorrect</h1>",
        js="""
            function Foo() {
                // I am some JS without a default export
            }
        """,
    )
    incorrect_js()

    # Incorrect CSS type: a Path, not a str.
    incorrect_css = st.components.v2.component(
        "incorrectCssPathComponent",
        html="<h1>The CSS path is incorrect</h1>",
        css=Path("incorrect_css_path.css"),
    )
    incorrect_css()
