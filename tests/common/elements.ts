import type { BidiComponentElement } from "../../common";

/** A component element as a run renders it, with nothing but its id set: for tests of what holds widget state. */
export const componentElement = (id: string): BidiComponentElement => ({
  type: "bidi_component",
  id,
  name: "c",
  key: null,
  html: null,
  css: null,
  js: null,
  isolateStyles: true,
  data: { kind: "null" },
  width: "stretch",
  height: "content",
});
