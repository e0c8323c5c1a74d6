// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthorConsole, formatArgs, type AuthorLine } from "../../renderer/preview/console/author-console";
import { moduleFileName } from "../../renderer/preview/component/loader";

const STARS_JS = "export default function () {}";
const STARS = moduleFileName("stars", STARS_JS);
const INLINE_JS = "export default () => {}";
const INLINE = moduleFileName("counter", INLINE_JS);

function setUp(options: { linesPerSecond?: number; now?: () => number; event?: Event | null } = {}) {
  const lines: AuthorLine[] = [];
  const authorConsole = new AuthorConsole({
    emit: (line) => void lines.push(line),
    currentEvent: () => options.event ?? null,
    pageHost: "127.0.0.1:5183",
    linesPerSecond: options.linesPerSecond,
    now: options.now,
  });
  authorConsole.module("stars", STARS_JS, "frontend/stars.js");
  authorConsole.module("counter", INLINE_JS, null);
  return { lines, authorConsole };
}

const host = () => document.body.appendChild(document.createElement("div"));

// What Chromium writes for a throw in a component's click handler, under the preview's own frames.
const CHROMIUM_STACK = [
  "TypeError: x is not a function",
  `    at HTMLButtonElement.onClick (${STARS}:7:11)`,
  `    at render (${STARS}:3:5)`,
  "    at ComponentInstance.invoke (http://127.0.0.1:5183/assets/preview-B0wPdz2y.js:1:2345)",
  "    at async Promise.allSettled (index 0)",
].join("\n");

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("the preview's author console", () => {
  it("maps module frames to the author's file and drops the preview's own", () => {
    const { authorConsole } = setUp();
    expect(authorConsole.mapStack(CHROMIUM_STACK)).toEqual({
      stack: "TypeError: x is not a function\n    at HTMLButtonElement.onClick (frontend/stars.js:7:11)\n    at render (frontend/stars.js:3:5)",
      location: { file: "frontend/stars.js", line: 7, column: 11, inline: false },
      component: "stars",
    });
    expect(authorConsole.mapStack(`Error: e\n    at default (${INLINE}:2:9)`).location).toEqual({ file: "inline js of counter", line: 2, column: 9, inline: true });
  });

  it("attributes a line to the instance being invoked, else to the one the user event fired in, else to the only instance of the component", () => {
    const { lines, authorConsole } = setUp();
    const a = { instance: { component: "stars", id: "a" }, host: host() };
    const b = { instance: { component: "stars", id: "b" }, host: host() };
    const detachA = authorConsole.attach(a);
    authorConsole.attach(b);
    authorConsole.during(b, () => authorConsole.consoleCall("info", ["hello", 1], `Error\n    at default (${STARS}:2:3)`));
    // Two instances of stars and no invocation or event: the stack alone cannot tell which.
    authorConsole.consoleCall("warn", ["later"], `Error\n    at tick (${STARS}:9:1)`);
    detachA();
    authorConsole.consoleCall("error", ["only b is left"], `Error\n    at tick (${STARS}:9:1)`);
    expect(lines.map((line) => [line.level, line.message, line.origin.instance?.id ?? null, line.origin.location?.line ?? null])).toEqual([
      ["info", "hello 1", "b", 2],
      ["warn", "later", null, 9],
      ["error", "only b is left", "b", 9],
    ]);
  });

  it("attributes a handler's line to the instance whose DOM the event is dispatched in", () => {
    const target = host();
    const button = target.appendChild(document.createElement("button"));
    const event = new MouseEvent("click", { bubbles: true });
    let seen: AuthorLine[] = [];
    button.addEventListener("click", () => {
      const { lines, authorConsole } = setUp({ event });
      authorConsole.attach({ instance: { component: "stars", id: "a" }, host: target });
      authorConsole.attach({ instance: { component: "stars", id: "b" }, host: host() });
      authorConsole.uncaught(new Error("in handler"));
      seen = lines;
    });
    button.dispatchEvent(event);
    expect(seen).toEqual([expect.objectContaining({ level: "error", uncaught: true, origin: expect.objectContaining({ instance: { component: "stars", id: "a" } }) })]);
  });

  it("an unhandled rejection names where it was thrown", () => {
    const { lines, authorConsole } = setUp();
    const error = new Error("nope");
    error.stack = `Error: nope\n    at load (${STARS}:12:20)`;
    authorConsole.uncaught(error, "Unhandled rejection: ");
    expect(lines[0].message).toBe("Unhandled rejection: nope (frontend/stars.js:12:20)");
  });

  it("cuts a console storm to its rate and says how many lines it held back", () => {
    vi.useFakeTimers();
    let now = 0;
    const { lines, authorConsole } = setUp({ linesPerSecond: 3, now: () => now });
    for (let i = 0; i < 10; i++) authorConsole.consoleCall("info", [`line ${i}`], null);
    expect(lines.map((line) => line.message)).toEqual(["line 0", "line 1", "line 2"]);
    now = 1000;
    vi.advanceTimersByTime(1000);
    expect(lines.at(-1)).toMatchObject({
      level: "warn",
      message: "7 more component console lines were not shown: more than 3 a second (the browser's DevTools have them all).",
    });
    authorConsole.consoleCall("info", ["next second"], null);
    expect(lines.at(-1)!.message).toBe("next second");
  });

  it("formats arguments the way console does", () => {
    expect(formatArgs(["%s has %d stars%c", "Ann", 4.7, "color: red", { a: [1] }])).toBe('Ann has 4.7 stars {"a":[1]}');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(formatArgs([circular, undefined, 10n])).toBe('{"self":"[Circular]"} undefined 10n');
  });
});
