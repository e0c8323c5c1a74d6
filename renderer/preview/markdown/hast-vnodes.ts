import type { Root as HastRoot } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { VNodeChild } from "vue";
import { Fragment, jsx } from "vue/jsx-runtime";

type Props = Record<string, unknown> & { children?: unknown };

/** Vue renders a Fragment's children as an array only; a lone text child arrives as a plain string. */
function create(type: unknown, props: Props, key?: string) {
  const children = props.children;
  const fixed = type === Fragment && children !== undefined && !Array.isArray(children) ? { ...props, children: [children] } : props;
  return key === undefined ? jsx(type as never, fixed) : jsx(type as never, fixed, key);
}

/** A hast tree as Vue vnodes (hast-util-to-jsx-runtime's documented Vue setup). */
export function hastToVNodes(tree: HastRoot): VNodeChild {
  return toJsxRuntime(tree, {
    Fragment,
    jsx: create as never,
    jsxs: create as never,
    elementAttributeNameCase: "html",
    stylePropertyNameCase: "css",
    ignoreInvalidStyle: true,
  }) as VNodeChild;
}
