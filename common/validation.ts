import * as v from "valibot";

/**
 * Shared bounds and the one parse helper for everything that crosses a trust boundary: the preview
 * (untrusted author code) → workbench, and the workbench → host. A message that fails is dropped
 * with an error.
 */

const MAX_ID = 4096;

/** A widget id, Session State key or state name. */
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

/** A run's number: 1 for the session's first run; 0 stands for "no run yet". */
export const RunIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A fragment id, or null for the whole app. */
export const FragmentIdSchema = v.nullable(v.pipe(v.string(), v.maxLength(MAX_ID)));

/** Parse or explain: returns the value, or a one-line reason naming the first bad path. */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join(".") || "(root)";
  return { ok: false, error: `${path}: ${issue.message}` };
}
