import streamlit as st

st.title("Second page")
st.write(f"visits {st.session_state.get('visits')}")
