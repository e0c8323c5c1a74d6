import streamlit as st

# st.form(clear_on_submit=True): the submit run sees what was typed, then the form resets.
form = st.form("signup", clear_on_submit=True)
name = form.text_input("Name", value="anonymous")
submitted = form.form_submit_button("Sign up")
st.text(f"Submitted: {submitted!r}, name: {name}")
