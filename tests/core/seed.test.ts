import { describe, expect, it } from "vitest";
import app from "../../examples/text-input/app";
import { components, engineFor, jsonBodies } from "./helpers";

describe("the seed's feedback loop (bundled example)", () => {
  it("first run: default value, data carries label and value, result {value: ''}", async () => {
    const { browser } = engineFor(app);
    const run = await browser.flush();
    expect(run.status).toBe("ok");
    const [component] = components(run.tree.main);
    expect(component.key).toBe("my_text_input_instance");
    expect(JSON.parse((component.data as { json: string }).json)).toEqual({ label: "Enter something", value: "" });
    expect(jsonBodies(run.tree.main)).toEqual([{ value: "" }]);
    expect(run.entries).toEqual([
      expect.objectContaining({ key: "my_text_input_instance", kind: "component", state: { value: "" }, callbackNames: ["value"] }),
    ]);
  });

  it("setStateValue('value', 'abc') → result and session state show abc; data follows", async () => {
    const { browser } = engineFor(app);
    const first = await browser.flush();
    const id = components(first.tree.main)[0].id;
    const run = await browser.setState(id, "value", "abc").flush();
    expect(jsonBodies(run.tree.main)).toEqual([{ value: "abc" }]);
    expect(JSON.parse((components(run.tree.main)[0].data as { json: string }).json).value).toBe("abc");
  });

  it("Hello World button writes session state before the mount; data carries it", async () => {
    const { browser } = engineFor(app);
    const first = await browser.flush();
    const buttonId = first.tree.main.find((e) => e.type === "button")!.id;
    const run = await browser.click(buttonId).flush();
    expect(JSON.parse((components(run.tree.main)[0].data as { json: string }).json).value).toBe("Hello World");
    expect(jsonBodies(run.tree.main)).toEqual([{ value: "Hello World" }]);
  });

  it("stale frontend map: after the button write, the next rerun reverts to the browser's value (§6)", async () => {
    const { browser } = engineFor(app);
    const first = await browser.flush();
    const id = components(first.tree.main)[0].id;
    const buttonId = first.tree.main.find((e) => e.type === "button")!.id;
    await browser.setState(id, "value", "typed").flush();
    await browser.click(buttonId).flush();
    const after = await browser.flush();
    expect(jsonBodies(after.tree.main)).toEqual([{ value: "typed" }]);
  });

  it("a panel edit is a script-side write for one run, seen by the body", async () => {
    const { browser } = engineFor(app);
    const first = await browser.flush();
    const id = components(first.tree.main)[0].id;
    await browser.setState(id, "value", "typed").flush();
    const edited = await browser.flush([{ key: "my_text_input_instance", field: "value", value: "from panel" }]);
    expect(JSON.parse((components(edited.tree.main)[0].data as { json: string }).json).value).toBe("from panel");
  });
});
