/// <reference types="vite/client" />
declare module "*.vue" {
  import type { DefineComponent } from "vue";
  const component: DefineComponent<{}, {}, any>;
  export default component;
}
/** fzy.js ships no types: the two functions Streamlit's option filter uses. */
declare module "fzy.js" {
  export function hasMatch(needle: string, haystack: string): boolean;
  export function score(needle: string, haystack: string): number;
}
