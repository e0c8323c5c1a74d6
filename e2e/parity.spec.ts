import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { expect, test } from "./kit";

// Issue 9 items 2-4: the preview's CSP (eval, fetch to a local server, images), height=0
// components, Streamlit's st-key classes, and the sidebar's collapse/expand controls.
const PARITY_APP = join(__dirname, "apps", "parity.ts");

let api: Server;

test.beforeAll(async () => {
  // The author's local API: CORS open, since the sandboxed preview's requests carry Origin: null.
  api = createServer((request, response) => {
    response.setHeader("Access-Control-Allow-Origin", "*");
    if (request.url === "/hello") {
      response.setHeader("Content-Type", "text/plain");
      response.end("hello from the local API");
    } else if (request.url === "/pixel.svg") {
      response.setHeader("Content-Type", "image/svg+xml");
      response.end('<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"><rect width="3" height="2" fill="red"/></svg>');
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  process.env.LW_PARITY_API = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  delete process.env.LW_PARITY_API;
  await new Promise((resolve) => api.close(resolve));
});

test("the preview lets a component evaluate code, fetch from a local server and show its image", async ({ workbench: wb }) => {
  await wb.open(PARITY_APP);
  const probe = wb.component("probe");
  await expect(probe.locator(".eval")).toHaveText("new Function: 5");
  await expect(probe.locator(".fetch")).toHaveText("fetch: hello from the local API");
  await expect(probe.locator(".img")).toHaveText("img: 3x2");
});

test("a height=0 component is mounted invisibly and still talks to the script", async ({ workbench: wb }) => {
  await wb.open(PARITY_APP);
  await expect(wb.frame().getByTestId("stText").filter({ hasText: "invisible ready:" })).toHaveText("invisible ready: true");
  const container = wb.frame().locator(".st-key-invisible");
  await expect(container).toHaveAttribute("data-testid", "stElementContainer");
  expect((await container.boundingBox())?.height).toBe(0);
});

test("keyed elements and containers carry Streamlit's st-key-<key> class", async ({ workbench: wb }) => {
  await wb.open(PARITY_APP);
  // The selector real apps' CSS uses.
  await expect(wb.frame().locator('.st-key-my_panel [data-testid="stBidiComponentRegular"]')).toHaveText("in the panel");
  await expect(wb.frame().locator(".st-key-my_panel")).toHaveAttribute("data-testid", "stVerticalBlock");
  await expect(wb.frame().locator('[data-testid="stElementContainer"].element-container.st-key-probe')).toHaveCount(1);
});

test("the sidebar collapses and expands with Streamlit's controls, and components see aria-expanded", async ({ workbench: wb }) => {
  await wb.open(PARITY_APP);
  const frame = wb.frame();
  const sidebar = frame.getByTestId("stSidebar");
  const watched = wb.component("sidebar_watch").locator(".state");
  await expect(sidebar).toHaveAttribute("aria-expanded", "true");
  await expect(watched).toHaveText("sidebar expanded: true");
  await expect(frame.getByTestId("stExpandSidebarButton")).toHaveCount(0);

  await frame.getByTestId("stSidebarCollapseButton").getByRole("button").click();
  await expect(sidebar).toHaveAttribute("aria-expanded", "false");
  await expect(watched).toHaveText("sidebar expanded: false");
  await expect(frame.getByText("in the sidebar")).toBeHidden();

  await frame.getByTestId("stExpandSidebarButton").click();
  await expect(sidebar).toHaveAttribute("aria-expanded", "true");
  await expect(watched).toHaveText("sidebar expanded: true");
  await expect(frame.getByText("in the sidebar")).toBeVisible();
});
