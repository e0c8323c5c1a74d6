import { expect, test, type Workbench } from "../kit";
import { causesNoRun, causesRun, expectNoException, fidelityApp, forEachHost, section, sharedWorkbench } from "./helpers";

// How Streamlit shows values (issue 14 item 6): st.write of a dict, of a component's result, of
// strings and scalars, and st.json, which Streamlit 1.64.0 draws with react-json-view (one row per
// key, object keys quoted, array indexes shown, null as NULL, no commas). Every expected text is
// what real Streamlit's page shows (innerText), and the emulator must show the same.

/** The text a person reads in a section's JSON view (react-json-view rows, one per line). */
const jsonText = (wb: Workbench, heading: string, nth = 0) => section(wb, heading).getByTestId("stJson").nth(nth).innerText();

forEachHost((host) => {
  const workbench = sharedWorkbench(fidelityApp("values", host));

  test("st.write of a dict and st.json: react-json-view's rows, NULL, array indexes; a string is parsed as JSON", async () => {
    const wb = workbench();
    await expectNoException(wb);
    expect(await jsonText(wb, "write a dict")).toBe(
      ['{', '"name":"Ada"', '"n":1', '"ratio":0.5', '"ok":true', '"off":false', '"empty":""', '"none":NULL', '"list":[', "0:1", '1:"two"', "]", '"nested":{', '"deep":{', '"x":1', "}", "}", "}"].join("\n"),
    );
    expect(await jsonText(wb, "write a list")).toBe(["[", "0:1", '1:"two"', "2:NULL", "]"].join("\n"));
    expect(await jsonText(wb, "json")).toBe(['{', '"a":[', "0:1", "1:2", "]", '"b":{', '"c":NULL', "}", '"d":"text"', "}"].join("\n"));
    expect(await jsonText(wb, "json from a string")).toBe(['{', '"from":"string"', '"n":2', "}"].join("\n"));
  });

  test("st.json(expanded=False) shows {...} until it is opened, which reruns nothing", async () => {
    const wb = workbench();
    const collapsed = section(wb, "json collapsed").getByTestId("stJson");
    expect(await collapsed.innerText()).toBe("{...}");
    await expect(collapsed).toHaveText("{...}");
    await causesNoRun(wb, () => collapsed.getByText("{").click());
    expect(await collapsed.innerText()).toBe(['{', '"hidden":1', "}"].join("\n"));
  });

  test("st.write joins strings and scalars into one markdown, each scalar as Python's str() in inline code", async () => {
    const wb = workbench();
    const strings = section(wb, "write strings").getByTestId("stMarkdown");
    await expect(strings).toHaveCount(1);
    await expect(strings).toHaveText("alpha beta");
    const scalars = section(wb, "write scalars").getByTestId("stMarkdown");
    await expect(scalars).toHaveText(["3", "2.5", "True", "None"]);
    for (const i of [0, 1, 2, 3]) await expect(scalars.nth(i).locator("code")).toHaveCount(1);
  });

  test("st.write of a component's result: every callback name, fired triggers for their run, then state; session state presents the same", async () => {
    const wb = workbench();
    const result = ['{', '"value":"start"', '"event":NULL', "}"].join("\n");
    expect(await jsonText(wb, "write a result")).toBe(result);
    // st.write("Result:", result): the text, then the JSON.
    await expect(section(wb, "write text and a result").getByTestId("stMarkdown")).toHaveText("Result:");
    expect(await jsonText(wb, "write text and a result")).toBe(result);
    expect(await jsonText(wb, "session state")).toBe(['{', '"valued":{', '"value":"start"', "}", "}"].join("\n"));

    await causesRun(wb, () => wb.component("valued").getByRole("button", { name: "Set value" }).click());
    expect(await jsonText(wb, "write a result")).toBe(['{', '"value":"from browser"', '"event":NULL', "}"].join("\n"));

    await causesRun(wb, () => wb.component("valued").getByRole("button", { name: "Fire event" }).click());
    expect(await jsonText(wb, "write a result")).toBe(['{', '"value":"from browser"', '"event":{', '"at":1', "}", "}"].join("\n"));
    expect(await jsonText(wb, "session state")).toBe(['{', '"valued":{', '"event":{', '"at":1', "}", '"value":"from browser"', "}", "}"].join("\n"));
  });
});
