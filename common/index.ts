// Modules that build valibot schemas are re-exported as types only: the preview imports this
// file and should not load the validation code it never runs. Their values (schemas, tables,
// check) are imported from the module itself.
export type * from "./json";
export type * from "./validation";
export * from "./elements";
export type * from "./widget-state";
export * from "./widgets";
export type * from "./session";
export type * from "./status";
export * from "./log-location";
export type * from "./host-api";
export * from "./bridge";
export type * from "./frames";
export * from "./preview";
export type * from "./from-preview";
export * from "./tree";
export type * from "./loop-events";
export type * from "./theme";
export * from "./loop-values";
export * from "./browser-state";
export * from "./emitter";
export type * from "./deltas";
export type * from "./project";
