import type { BuildProblem } from "../../common";

/**
 * The lines around a compile error, numbered, with a caret under the column, the way bundlers
 * print them: line and column are 1-based.
 */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? "").replace(/\t/g, "  ");
    rows.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${text}`.trimEnd());
    if (n === line) {
      // Tabs were widened to two spaces above; the caret follows them.
      const before = (lines[n - 1] ?? "").slice(0, Math.max(0, column - 1)).replace(/\t/g, "  ");
      rows.push(`  ${" ".repeat(width)} | ${" ".repeat(before.length)}^`);
    }
  }
  return rows.join("\n");
}

/** esbuild's first error as a problem the workbench overlays on the preview; null when it has no location. */
export function problemFromEsbuild(
  error: unknown,
  source: BuildProblem["source"],
  component: string | null,
  display: (file: string) => string,
  readSource: (file: string) => string | null,
): BuildProblem | null {
  const first = (error as { errors?: { text: string; location: { file: string; line: number; column: number; lineText: string } | null }[] }).errors?.[0];
  if (!first?.location) return null;
  const { file, line, column, lineText } = first.location;
  const text = readSource(file) ?? lineText;
  // A location read from the whole file keeps the lines around it; lineText alone is one line.
  const frameLine = text === lineText ? 1 : line;
  return { source, component, file: display(file), line, column: column + 1, message: first.text, frame: codeFrame(text, frameLine, column + 1) };
}
