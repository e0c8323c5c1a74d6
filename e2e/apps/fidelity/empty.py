import streamlit as st

# basics.py "Empty content": a component with no html/css/js (isolate_styles=False) renders one
# empty stBidiComponentRegular and the script goes on (§1, §11.1 test 1).
st.header("Custom Components v2 - Basics")
empty = st.components.v2.component("bidi_empty_content", isolate_styles=False)
with st.container(key="empty_component_container"):
    st.subheader("Empty content")
    empty(key="empty_component")
    st.write("After empty component")
