import { Component, ComponentArgs } from "@streamlit/component-v2-lib";

export type ComponentState = {
  num_clicks: number;
};

export type ComponentData = {
  name: string;
};

// The template leaves this body as a TODO; this one does what its React flavour does.
const clicks: WeakMap<ComponentArgs["parentElement"], number> = new WeakMap();

const Root: Component<ComponentState, ComponentData> = (args) => {
  const { data, parentElement, setStateValue } = args;
  // The element the template's Python wrapper puts in `html` (named for its React flavour).
  const root = parentElement.querySelector(".react-root");
  if (!root) throw new Error("Unexpected: component root element not found");

  let heading = root.querySelector("h1");
  let button = root.querySelector("button");
  if (!heading || !button) {
    heading = document.createElement("h1");
    button = document.createElement("button");
    button.textContent = "Click Me!";
    root.append(heading, button);
  }
  heading.textContent = `Hello, ${data.name}!`;
  button.onclick = () => {
    const numClicks = (clicks.get(parentElement) ?? 0) + 1;
    clicks.set(parentElement, numClicks);
    setStateValue("num_clicks", numClicks);
  };

  return () => clicks.delete(parentElement);
};

export default Root;
