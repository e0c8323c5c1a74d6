import { existsSync } from "node:fs";
import { join } from "node:path";

/** The virtual environment .ci/run creates (and the README tells a developer to create) for the Python-app tests. */
export const TEST_VENV = join(__dirname, "..", ".venv-streamlit");

export const NO_PYTHON = "no Python with Streamlit ≥ 1.51: set LOOPWRIGHT_PYTHON or create .venv-streamlit (see README)";

/**
 * The interpreter the Python-app tests run real Streamlit with: LOOPWRIGHT_PYTHON, else the
 * project's .venv-streamlit, else null. Not checked here: a wrong one should fail the tests that
 * use it, loudly, rather than skip them (scripts/test-all.mjs says up front what it has).
 */
export function pythonForTests(): string | null {
  const named = process.env.LOOPWRIGHT_PYTHON;
  if (named) return named;
  const venvPython = process.platform === "win32" ? join(TEST_VENV, "Scripts", "python.exe") : join(TEST_VENV, "bin", "python");
  return existsSync(venvPython) ? venvPython : null;
}

/**
 * Skip the calling test (or, at file level in Playwright, every test of the file) when there is no
 * interpreter, saying how to get one. Under CI a skip would hide that real Streamlit was never
 * tested, so it throws instead. Takes Playwright's `test` or vitest's test context.
 */
export function skipWithoutPython(test: { skip(condition: boolean, description?: string): void }): string | null {
  const python = pythonForTests();
  if (!python && process.env.CI) throw new Error(`${NO_PYTHON}; CI must test real Streamlit (.ci/run creates .venv-streamlit)`);
  test.skip(!python, NO_PYTHON);
  return python;
}
