import * as v from "valibot";

/**
 * The probe Loopwright adds to Streamlit's page: it reports the trusted DOM events a person
 * causes in the app view (a click, a key), so the host can tell a rerun a user asked for from
 * one a component's code asked for on its own (a storm). It reads nothing else and sends nowhere
 * but the app view's own socket; what it sends is validated like any message from the app view.
 */

export const PROBE_PATH = "/_loopwright/probe.js";

const Text = v.pipe(v.string(), v.maxLength(512));

export const ProbeEventSchema = v.object({
  /** "click", "keydown", … */
  type: Text,
  /** The innermost target, e.g. `input[type=text]` or `button "Hello World"`. */
  target: Text,
  /** The user key of the element container it happened in (`st-key-<key>`), when it has one. */
  key: v.nullable(Text),
  at: v.pipe(v.number(), v.finite()),
});
export type ProbeEvent = v.InferOutput<typeof ProbeEventSchema>;
export const ProbeBatchSchema = v.pipe(v.array(ProbeEventSchema), v.maxLength(500));

/** The key of the text frame the probe puts on Streamlit's own socket; the proxy takes such frames out. */
export const PROBE_FRAME_KEY = "loopwright-probe";

/**
 * Plain ES2020 run in the app view before Streamlit's frontend. The events ride on Streamlit's
 * own WebSocket, as one text frame just before the next message the frontend sends: on one
 * socket, a request can never reach Loopwright ahead of the click that caused it (a second
 * socket would race it on a busy machine). Events in shadow roots are seen through composedPath.
 */
export const PROBE_SCRIPT = `(() => {
  const queue = [];
  const clock = () => performance.timeOrigin + performance.now();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (queue.length && typeof this.url === "string" && this.url.endsWith("/_stcore/stream")) {
      send.call(this, JSON.stringify({ ${JSON.stringify(PROBE_FRAME_KEY)}: queue.splice(0, 500) }));
    }
    return send.call(this, data);
  };
  const describe = (node) => {
    if (!node || !node.tagName) return "document";
    let text = node.tagName.toLowerCase();
    if (node.type && typeof node.type === "string" && node.tagName !== "BUTTON") text += "[type=" + node.type + "]";
    const label = node.tagName === "BUTTON" ? (node.textContent || "").trim().slice(0, 40) : "";
    return label ? text + " " + JSON.stringify(label) : text;
  };
  const keyOf = (path) => {
    for (const node of path) {
      const list = node && node.classList;
      if (!list) continue;
      for (const name of list) if (name.startsWith("st-key-")) return name.slice(7);
    }
    return null;
  };
  for (const type of ["click", "keydown", "input", "change", "pointerdown", "submit"]) {
    addEventListener(type, (event) => {
      if (!event.isTrusted) return;
      const path = event.composedPath();
      // A click lands on the label inside a button: name the control the person meant.
      const control = path.find((node) => node && node.tagName && (/^(BUTTON|INPUT|TEXTAREA|SELECT|A|LABEL)$/.test(node.tagName) || (node.getAttribute && node.getAttribute("role")))) || path[0];
      queue.push({ type, target: describe(control), key: keyOf(path), at: clock() });
      // Only the latest events can explain the next request.
      if (queue.length > 50) queue.splice(0, queue.length - 50);
    }, { capture: true, passive: true });
  }
})();
`;
