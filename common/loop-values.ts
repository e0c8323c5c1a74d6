import type { ValuePreview } from "./loop-events";

/** Runtime helpers of the loop-event model, apart from its schemas so the preview bundle stays free of valibot. */

export const PREVIEW_CHARS = 200;

/** A bounded preview of any value; never throws (BigInt, cycles, functions become descriptions). */
export function previewValue(value: unknown): ValuePreview {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch (error) {
    text = `<${(error as Error).message}>`;
  }
  return previewText(text);
}

/** The preview of a value already held as JSON text: cut, never parsed, so a 10 MB `data` costs nothing to show. */
export function previewText(text: string): ValuePreview {
  return { preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text, size: text.length };
}

/** The epoch clock every side stamps `at` with (browser and Node both have it). */
export function loopClock(): number {
  // common/ is typed for no environment; both of ours (the browser and Node) have this global.
  const { performance } = globalThis as unknown as { performance: { timeOrigin: number; now(): number } };
  return performance.timeOrigin + performance.now();
}
