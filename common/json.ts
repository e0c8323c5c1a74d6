import * as v from "valibot";

/** Plain JSON, the only shape that crosses the host ↔ workbench ↔ preview boundaries as values. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Recursive, so its type is written out above; the annotation still checks the schema against it. */
export const JsonSchema: v.GenericSchema<Json> = v.lazy(() =>
  v.union([
    v.null(),
    v.boolean(),
    v.pipe(v.number(), v.finite()),
    v.string(),
    v.array(JsonSchema),
    v.record(v.string(), JsonSchema),
  ]),
);
