import * as v from "valibot";

/**
 * The probe Loopwright adds to Streamlit's page: it reports the trusted DOM events a person
 * causes in the app view (a click, a key), so the host can tell a rerun a user asked for from
 * one a component's code asked for on its own (a storm). It reads nothing else and sends to its
 * own origin only; what it sends is validated like any message from the app view.
 */

export const PROBE_PATH = "/_loopwright/probe.js";
export const PROBE_SOCKET = "/_loopwright/probe";

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

/** Plain ES2020 run in the app view before Streamlit's frontend; events in shadow roots are seen through composedPath. */
export const PROBE_SCRIPT = `(() => {
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + ${JSON.stringify(PROBE_SOCKET)};
  let socket = null;
  const queue = [];
  let timer = null;
  const clock = () => performance.timeOrigin + performance.now();
  const connect = () => {
    socket = new WebSocket(url);
    socket.onclose = () => { socket = null; setTimeout(connect, 1000); };
    socket.onopen = () => flush();
  };
  const flush = () => {
    timer = null;
    if (!socket || socket.readyState !== 1 || queue.length === 0) return;
    socket.send(JSON.stringify(queue.splice(0, 500)));
    if (queue.length) timer = setTimeout(flush, 0);
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
      if (queue.length > 2000) queue.splice(0, queue.length - 2000);
      timer = timer || setTimeout(flush, 0);
    }, { capture: true, passive: true });
  }
  connect();
})();
`;
