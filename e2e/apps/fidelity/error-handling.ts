import type { St } from "loopwright";

// error_handling.py (§11.1, §1, §8.2): a JS module without a default export renders the
// "BidiComponent Error" element; a css that is not a string (Python passes a Path) raises.
export default function app(st: St) {
  st.header("Custom Components v2 - Error Handling");
  st.divider();
  st.container().with(() => {
    st.subheader("Errors (intentionally broken components)");

    // Incorrect JS (no default export)
    const incorrectJs = st.components.v2.component("incorrectJsComponent", {
      html: "<h1>The JS is incorrect</h1>",
      js: `
            function Foo() {
                // I am some JS without a default export
            }
        `,
    });
    incorrectJs();

    // Incorrect CSS type: Python passes a pathlib.Path; the TypeScript equivalent is a non-string.
    const incorrectCss = st.components.v2.component("incorrectCssPathComponent", {
      html: "<h1>The CSS path is incorrect</h1>",
      css: { path: "incorrect_css_path.css" } as unknown as string,
    });
    incorrectCss();
  });
}
