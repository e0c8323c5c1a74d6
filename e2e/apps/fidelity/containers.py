import streamlit as st

# Containers with Python's `with`: an author's wrapper mounts its component through the global
# `st`; the `with` block makes it land inside (the TypeScript app uses `container.with(body)`).
JS = """
export default function({ parentElement, data, setStateValue }) {
  let button = parentElement.querySelector('button')
  if (!button) {
    button = document.createElement('button')
    button.type = 'button'
    parentElement.append(button)
  }
  button.textContent = 'Set from ' + data.where
  button.onclick = () => setStateValue('where', data.where)
}
"""


def placed(key):
    """An author's wrapper: knows nothing about containers, renders through the global st."""
    cmp = st.components.v2.component("placed", js=JS)
    return cmp(key=key, data={"where": key}, on_where_change=lambda: None)


left, right = st.columns(2)
left.text("left column")
with right:
    in_column = placed("in_col")

with st.form("the_form"):
    placed("in_form")
    st.form_submit_button("Submit the form")

with st.sidebar:
    placed("in_sidebar")
with st.expander("Expander", expanded=True):
    placed("in_expander")
with st.container(border=True):
    # Nested: a column inside a container.
    (only,) = st.columns(1)
    with only:
        placed("in_nested")
in_main = placed("in_main")

st.text(f"in_col result: {in_column}")
st.text(f"in_form session: {st.session_state.get('in_form')}")
st.text(f"in_main result: {in_main}")
