/** Plain JSON, the only shape that crosses the host ↔ workbench ↔ preview boundaries as values. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
