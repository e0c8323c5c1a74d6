/// <reference types="vite/client" />
declare module "*.vue" {
  import type { DefineComponent } from "vue";
  const component: DefineComponent<{}, {}, any>;
  export default component;
}

/** The part of stylis 4 (emotion's CSS compiler) the preview's theme uses; the package ships no types. */
declare module "stylis" {
  export interface Element {
    type: string;
    props: string | string[];
    children: string | Element[];
  }
  export function compile(css: string): Element[];
}

/** fzy.js ships no types: the two functions Streamlit's option filter uses. */
declare module "fzy.js" {
  export function hasMatch(needle: string, haystack: string): boolean;
  export function score(needle: string, haystack: string): number;
}
