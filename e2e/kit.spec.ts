import { expect, presentSessionState, test } from "./kit";

// The kit's own logic that needs no browser: how session state is presented to tests.
test("sessionState() presents components like Streamlit: fired triggers + state, unfired absent", () => {
  const presented = presentSessionState({
    runId: 3,
    entries: [
      { key: "n", kind: "value", value: 2, display: "2", editable: true },
      { key: "name", kind: "widget", widget: "text_input", value: "Ada", display: '"Ada"', editable: true },
      {
        key: "c",
        kind: "component",
        component: "clicker",
        state: { value: "x", both: "from state" },
        triggers: { clicked: 1, idle: null, both: "from trigger" },
        callbackNames: ["clicked", "idle"],
        value: { clicked: 1, value: "x", both: "from state" },
        editable: true,
      },
    ],
  });
  expect(presented).toEqual({ n: 2, name: "Ada", c: { clicked: 1, value: "x", both: "from state" } });
});
