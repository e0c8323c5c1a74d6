export * from "./json";
export * from "./elements";
export * from "./widgets";
export * from "./session";
export * from "./status";
export * from "./bridge";
export * from "./preview";
export * from "./tree";
