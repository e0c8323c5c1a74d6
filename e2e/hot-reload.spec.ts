import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./kit";

// Issue 8 item 2: a save of a component's .js, .css or .html remounts exactly the instances of
// that component, keeps session state, clears a fixed error; a save that does not compile shows
// an overlay with a code frame while the last good version keeps running.

const APP = `import type { St } from "loopwright";

export default function app(st: St) {
  const stars = st.components.v2.component("stars", { html: "./stars.html", css: "./stars.css", js: "./stars.js" });
  const other = st.components.v2.component("other", {
    js: \`export default function ({ parentElement }) {
      if (!parentElement.querySelector(".mounted")) parentElement.append(Object.assign(document.createElement("span"), { className: "mounted", textContent: String(Math.random()) }));
    }\`,
  });
  const rating = stars({ key: "rating", default: { value: 0 }, data: { value: st.session_state.get("rating", {}).value ?? 0 }, on_value_change: () => {} });
  other({ key: "plain" });
  st.write(\`rating: \${rating.value}\`);
}
`;

const JS = (label: string) => `export default function ({ parentElement, data, setStateValue }) {
  const button = parentElement.querySelector("button");
  button.textContent = "${label} " + data.value;
  button.onclick = () => setStateValue("value", data.value + 1);
}
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "lw-hot-"));
  writeFileSync(join(dir, "app.ts"), APP);
  writeFileSync(join(dir, "stars.html"), '<h3 class="title">Stars v1</h3><button></button>');
  writeFileSync(join(dir, "stars.css"), ".title { color: rgb(200, 0, 0); }");
  writeFileSync(join(dir, "stars.js"), JS("rate"));
  return dir;
}

test("saving a component's .html, .css and .js remounts only its instances and keeps session state", async ({ workbench: wb }) => {
  const dir = project();
  await wb.open(join(dir, "app.ts"));
  const stars = wb.component("rating");
  const plainMark = await wb.component("plain").locator(".mounted").textContent();
  await stars.locator("button").click();
  await stars.locator("button").click();
  await expect(stars.locator("button")).toHaveText("rate 2");
  expect(await wb.sessionState()).toMatchObject({ rating: { value: 2 } });

  writeFileSync(join(dir, "stars.html"), '<h3 class="title">Stars v2</h3><button></button>');
  await expect(stars.locator(".title")).toHaveText("Stars v2");
  await expect(stars.locator("button")).toHaveText("rate 2");

  writeFileSync(join(dir, "stars.css"), ".title { color: rgb(0, 0, 200); }");
  await expect(stars.locator(".title")).toHaveCSS("color", "rgb(0, 0, 200)");

  writeFileSync(join(dir, "stars.js"), JS("stars:"));
  await expect(stars.locator("button")).toHaveText("stars: 2");
  await wb.waitForIdle();
  expect(await wb.sessionState()).toMatchObject({ rating: { value: 2 } });
  await expect(wb.frame().getByText("rating: 2")).toBeVisible();

  // Each save remounted the stars (a cleanup-free fresh mount each time); the other instance never.
  expect(await wb.timeline({ kind: "mount", instance: "rating" })).toHaveLength(4);
  expect(await wb.timeline({ kind: "mount", instance: "plain" })).toHaveLength(1);
  await expect(wb.component("plain").locator(".mounted")).toHaveText(plainMark!);

  // The reloaded component still drives the loop.
  await stars.locator("button").click();
  await expect(stars.locator("button")).toHaveText("stars: 3");
});

test("a component error clears when the fix is saved; a syntax error shows a code frame while the last good version runs", async ({ workbench: wb }) => {
  const dir = project();
  await wb.open(join(dir, "app.ts"));
  const stars = wb.component("rating");
  await stars.locator("button").click();
  await expect(stars.locator("button")).toHaveText("rate 1");

  writeFileSync(join(dir, "stars.js"), 'export default function () {\n  throw new Error("no stars today");\n}\n');
  const error = wb.frame().locator(".stBidiComponent").getByTestId("stAlertContentError");
  await expect(error).toContainText("BidiComponent Error: no stars today");

  writeFileSync(join(dir, "stars.js"), JS("fixed"));
  await expect(error).toHaveCount(0);
  await expect(stars.locator("button")).toHaveText("fixed 1");
  expect(await wb.sessionState()).toMatchObject({ rating: { value: 1 } });

  writeFileSync(join(dir, "stars.js"), "export default function ({ parentElement }) {\n  const button = ;\n}\n");
  await expect(wb.page.getByTestId("lw-build-error")).toBeVisible();
  expect(await wb.buildProblems()).toEqual([
    {
      location: "stars.js:2:18",
      message: 'Unexpected ";"',
      frame: "  1 | export default function ({ parentElement }) {\n> 2 |   const button = ;\n    |                  ^\n  3 | }\n  4 |",
    },
  ]);
  // The last good version keeps running underneath.
  await stars.locator("button").click();
  await expect(stars.locator("button")).toHaveText("fixed 2");

  writeFileSync(join(dir, "stars.js"), JS("again"));
  await expect(wb.page.getByTestId("lw-build-error")).toHaveCount(0);
  await expect(stars.locator("button")).toHaveText("again 2");
});

test("a script that does not compile on save shows the overlay; the last good run stays", async ({ workbench: wb }) => {
  const dir = project();
  await wb.open(join(dir, "app.ts"));
  writeFileSync(join(dir, "app.ts"), APP.replace("st.write(`rating: ${rating.value}`);", "st.write(`rating: ${rating.value}`;"));
  await expect(wb.page.getByTestId("lw-build-error")).toBeVisible();
  const [problem] = await wb.buildProblems();
  expect(problem.location).toBe("app.ts:12:37");
  expect(problem.frame).toContain("> 12 |   st.write(`rating: ${rating.value}`;\n     |                                     ^");
  await expect(wb.frame().getByText("rating: 0")).toBeVisible();
  await expect(wb.frame().getByTestId("stException")).toHaveCount(0);

  writeFileSync(join(dir, "app.ts"), APP.replace("rating: ", "stars: "));
  await expect(wb.frame().getByText("stars: 0")).toBeVisible();
  await expect(wb.page.getByTestId("lw-build-error")).toHaveCount(0);
});

