from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from streamlit.components.v2.bidi_component import BidiComponentResult

out = st.components.v2.component(
    "my-ts-component.my_ts_component",
    js="index-*.js",
    html='<div class="react-root"></div>',
)


def on_num_clicks_change():
    """Callback function for when the number of clicks changes in the frontend."""
    pass


def my_ts_component(name, key=None):
    """Create a new instance of "my_ts_component".

    Returns the component's result: ``num_clicks``, the number of times its
    "Click Me" button has been clicked.
    """
    component_value = out(
        name=name,
        key=key,
        default={"num_clicks": 0},
        data={"name": name},
        on_num_clicks_change=on_num_clicks_change,
    )
    return component_value
