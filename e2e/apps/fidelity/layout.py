import streamlit as st

# width / height of a component (§2, issue 3 item 9): "stretch" | "content" | px and
# "content" | "stretch" | px (a px height smaller than the content scrolls).
JS = """
export default function({ parentElement, data }) {
  let box = parentElement.querySelector('.box')
  if (!box) {
    box = document.createElement('div')
    box.className = 'box'
    parentElement.append(box)
  }
  box.style.width = data.w + 'px'
  box.style.height = data.h + 'px'
  box.style.background = 'rgb(200, 220, 240)'
}
"""

boxed = st.components.v2.component("boxed", js=JS)
boxed(key="stretch", data={"w": 120, "h": 40})
boxed(key="content", data={"w": 120, "h": 40}, width="content")
boxed(key="px", data={"w": 120, "h": 40}, width=200)
boxed(key="tall", data={"w": 120, "h": 400}, height=100)
boxed(key="auto", data={"w": 120, "h": 400})
