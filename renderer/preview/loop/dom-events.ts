/**
 * The user events whose dispatch a setter call or a widget change can happen in. Text inputs
 * commit on blur, which neither bubbles nor is a focusout, so focus and blur are watched too.
 */
const USER_EVENTS = [
  "click",
  "dblclick",
  "input",
  "change",
  "keydown",
  "keyup",
  "pointerdown",
  "pointerup",
  "mousedown",
  "mouseup",
  "submit",
  "touchstart",
  "touchend",
  "focusin",
  "focusout",
  "focus",
  "blur",
] as const;

const MAX_LABEL = 40;
/** Controls whose text says what they are; a click on their inner text names the control. */
const LABELLED = "button, a, label, summary, option, [role=button]";

/**
 * Which user events are being dispatched right now. Capture-phase listeners see an event before
 * any handler of the page; an event whose dispatch ended has `eventPhase` NONE again. Events
 * dispatched from inside a handler nest, so the innermost one still dispatching is the current one.
 */
export class DispatchTracker {
  private dispatching: Event[] = [];

  /** Watches `target` until the returned function is called: the window, and every shadow root, since non-composed events (change, submit) stop at theirs. */
  watch(target: Window | ShadowRoot): () => void {
    const controller = new AbortController();
    for (const type of USER_EVENTS) target.addEventListener(type, this.seen, { capture: true, signal: controller.signal });
    return () => controller.abort();
  }

  /** The innermost user event whose dispatch is in progress. */
  current(): Event | null {
    this.forgetFinished();
    return this.dispatching.at(-1) ?? null;
  }

  // A composed event inside a shadow root reaches the window's listener and the root's.
  private readonly seen = (event: Event) => {
    this.forgetFinished();
    if (!this.dispatching.includes(event)) this.dispatching.push(event);
  };

  private forgetFinished(): void {
    if (this.dispatching.some((event) => event.eventPhase === Event.NONE)) {
      this.dispatching = this.dispatching.filter((event) => event.eventPhase !== Event.NONE);
    }
  }
}

/** A short description of an event's innermost target (`composedPath()[0]`, inside shadow roots too): `button "Like"`, `input[type=text]`, `div.chart`. */
export function describeTarget(target: EventTarget | null): string {
  if (!(target instanceof Node)) return target === window ? "window" : "unknown";
  if (target instanceof Document) return "document";
  const innermost = target instanceof Element ? target : target.parentElement;
  if (!innermost) return "unknown";
  const element = innermost.closest(LABELLED) ?? innermost;
  const tag = element.localName;
  if (element instanceof HTMLInputElement) return `${tag}[type=${element.type}]`;
  const text = element.getAttribute("aria-label") ?? (element.matches(LABELLED) ? element.textContent : null);
  const label = text?.trim().replace(/\s+/g, " ");
  if (label) return `${tag} "${label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label}"`;
  if (element.id) return `${tag}#${element.id}`;
  return element.classList.length ? `${tag}.${element.classList[0]}` : tag;
}
