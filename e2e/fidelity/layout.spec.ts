import { expect, test, type Workbench } from "../kit";
import { expectNoException, fidelityApp, forEachHost, instance } from "./helpers";

// Component width/height (§2 "width"/"height", issue 3 item 9).

async function size(wb: Workbench, key: string) {
  const box = await instance(wb, key).boundingBox();
  if (!box) throw new Error(`no box for ${key}`);
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

forEachHost((host) => {
  test("width stretch / content / px and height content / px (scrolls when the content is taller)", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("layout", host));
    await expectNoException(wb);
    await expect(wb.component("tall").locator(".box")).toHaveCount(1);
    const column = await wb.frame().getByTestId("stMainBlockContainer").boundingBox();
    expect(column).not.toBeNull();

    const stretch = await size(wb, "stretch");
    expect(stretch.width, "stretch fills the column").toBeGreaterThan(300);
    expect(stretch.height, "height content = the content's height").toBe(40);
    expect((await size(wb, "content")).width, "width content = the content's width").toBe(120);
    expect((await size(wb, "px")).width, "width 200 = 200 px").toBe(200);
    expect((await size(wb, "auto")).height).toBe(400);

    const tall = await size(wb, "tall");
    expect(tall.height, "height 100 = 100 px").toBe(100);
    // Something from the element container down to its 400 px content scrolls.
    const scrolls = await instance(wb, "tall").evaluate((el) => {
      const container = el.closest('[data-testid="stElementContainer"]') ?? el;
      const nodes: Element[] = [container, ...container.querySelectorAll("*")];
      const host = el.querySelector('[data-testid^="stBidiComponent"]');
      if (host?.shadowRoot) nodes.push(...host.shadowRoot.querySelectorAll("*"));
      return nodes.some((node) => {
        const overflow = getComputedStyle(node).overflowY;
        return (overflow === "auto" || overflow === "scroll") && node.scrollHeight > node.clientHeight + 1;
      });
    });
    expect(scrolls, "a px height smaller than the content scrolls").toBe(true);
  });
});
