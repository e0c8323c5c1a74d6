import type { AppElement, BidiComponentElement, FromPreview, RenderCauses, ToPreview } from "../../common";
import type { ComponentModule } from "../../renderer/preview/component/loader";
import { createPreview } from "../../renderer/preview/preview";
import { installStorageStandIns } from "../../renderer/preview/storage/install";

/** A preview mounted in happy-dom whose component modules come from a map (JS text → module). */
export function mountPreview(modules: Record<string, ComponentModule> = {}) {
  const root = document.createElement("div");
  document.body.append(root);
  const sent: FromPreview[] = [];
  const storage = installStorageStandIns();
  const preview = createPreview({
    root,
    storage,
    send: (message) => void sent.push(message),
    loadModule: async (js) => {
      const module = modules[js];
      if (!module) throw new Error(`no test module for ${js}`);
      return module;
    },
  });

  async function until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await nextMacrotask();
  }

  let runId = 0;
  /** Renders `main` as the next run (following from `causes`) and waits for its `rendered` acknowledgement. */
  async function render(main: AppElement[], sidebar: AppElement[] = [], causes: RenderCauses = { run: null, elements: {} }): Promise<number> {
    const id = ++runId;
    preview.handle({ type: "render", run: { runId: id, tree: { main, sidebar }, warnings: [], causes } });
    await until(() => sent.some((m) => m.type === "rendered" && m.runId === id));
    return id;
  }

  return {
    root,
    sent,
    render,
    until,
    handle: (message: ToPreview) => preview.handle(message),
    ofType: <T extends FromPreview["type"]>(type: T) => sent.filter((m): m is Extract<FromPreview, { type: T }> => m.type === type),
    /** Every loop hop sent so far, batches flattened, in order. */
    /** Every loop hop sent, in order: in `loop` batches and riding on reruns and acknowledgements. */
    hops: () => sent.flatMap((m) => (m.type === "loop" ? m.events : m.type === "rendered" ? m.hops : [])),
    destroy() {
      preview.unmount();
      root.remove();
      delete document.body.dataset.lwRenderedRun;
    },
  };
}

export function component(overrides: Partial<BidiComponentElement> = {}): BidiComponentElement {
  return {
    type: "bidi_component",
    id: "$$ID-abc-k1",
    name: "my_component",
    key: "k1",
    html: "<label>hi</label>",
    css: "label { color: red; }",
    js: "main.js",
    isolateStyles: true,
    data: { kind: "json", json: '{"label":"a"}' },
    width: "stretch",
    height: "content",
    ...overrides,
  };
}

export const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 0));
