import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProjectTheme } from "../../common";
import { configFiles, loadProjectTheme, ProjectThemeWatcher } from "../../main/core/config/project-theme";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "lw-theme-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function config(dir: string, toml: string): Promise<string> {
  await mkdir(join(dir, ".streamlit"), { recursive: true });
  const file = join(dir, ".streamlit", "config.toml");
  await writeFile(file, toml);
  return file;
}

describe("where config.toml is looked for (config.py get_config_files)", () => {
  it("reads the global file, then the working folder's, then the script folder's", () => {
    expect(configFiles({ home: "/home/a", cwd: "/work/p", appPath: "/work/p/app/app.ts" })).toEqual([
      "/home/a/.streamlit/config.toml",
      "/work/p/.streamlit/config.toml",
      "/work/p/app/.streamlit/config.toml",
    ]);
  });

  it("reads the script folder's once when it is the working folder", () => {
    expect(configFiles({ home: "/home/a", cwd: "/work/p", appPath: "/work/p/app.ts" })).toEqual([
      "/home/a/.streamlit/config.toml",
      "/work/p/.streamlit/config.toml",
    ]);
  });
});

describe("reading [theme]", () => {
  it("merges the files option by option, later files winning", async () => {
    const global = await config(join(root, "home"), '[theme]\nbase = "dark"\nprimaryColor = "#111111"\nfont = "serif"\n[server]\nport = 8502\n');
    const script = await config(join(root, "project"), '[theme]\nprimaryColor = "#7c3aed"\nheadingFontSizes = "2rem"\nheadingFontWeights = [800, 700]\ncodeFontSize = 13\n');
    const { theme, warnings } = await loadProjectTheme([global, join(root, "missing", "config.toml"), script]);
    expect(warnings).toEqual([]);
    expect(theme).toEqual({
      files: [global, script],
      input: {
        base: "dark",
        primaryColor: "#7c3aed",
        bodyFont: "serif",
        headingFontSizes: ["2rem", "2rem", "2rem", "2rem", "2rem", "2rem"],
        headingFontWeights: [800, 700],
        codeFontSize: 13,
      },
    });
  });

  it("is null when no file has a [theme]", async () => {
    const file = await config(root, "[server]\nheadless = true\n");
    expect(await loadProjectTheme([file])).toEqual({ theme: null, warnings: [] });
  });

  it("warns like Streamlit about unknown options and a bad base, and applies the rest", async () => {
    const file = await config(root, '[theme]\nprimaryColour = "#ff0000"\nbase = "sepia"\ntextColor = "#222222"\nbaseFontSize = "big"\n');
    const { theme, warnings } = await loadProjectTheme([file]);
    expect(theme?.input).toEqual({ base: "light", textColor: "#222222" });
    expect(warnings).toEqual([
      `"theme.primaryColour" is not a valid config option. If you previously had this config option set, it may have been removed. (${file})`,
      `theme.baseFontSize must be an integer, not "big"; it is ignored (${file}).`,
      `"sepia" is an invalid value for theme.base. Allowed values include ["light", "dark"]. Setting theme.base to "light".`,
    ]);
  });

  it("reports a TOML syntax error with its line and skips only that file", async () => {
    const good = await config(join(root, "home"), '[theme]\nprimaryColor = "#00aa00"\n');
    const bad = await config(root, '[theme]\nprimaryColor = "#ff0000\n');
    const { theme, warnings } = await loadProjectTheme([good, bad]);
    expect(theme?.input).toEqual({ primaryColor: "#00aa00" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Error parsing config toml\. This is most likely due to a syntax error in the config\.toml file\. Please fix it and try again\. .*config\.toml: .*\(line 2, column \d+\)$/);
  });

  it("reads env: values from the environment, and says what Loopwright does not apply", async () => {
    process.env.LW_TEST_PRIMARY = "#123456";
    const file = await config(root, '[theme]\nprimaryColor = "env:LW_TEST_PRIMARY"\n[[theme.fontFaces]]\nfamily = "Inter"\nurl = "app/static/inter.woff2"\n[theme.sidebar]\nprimaryColor = "#000000"\n');
    const { theme, warnings } = await loadProjectTheme([file]);
    delete process.env.LW_TEST_PRIMARY;
    expect(theme?.input).toEqual({ primaryColor: "#123456" });
    expect(warnings).toEqual([
      `theme.fontFaces is not applied by Loopwright: the preview does not load font files; the font stacks fall back to the fonts installed (${file}).`,
      `theme.sidebar is not applied by Loopwright: the preview gives sidebar components the main theme (${file}).`,
    ]);
  });
});

describe("following the file", () => {
  it("announces the theme, then every saved change, and null when [theme] goes", async () => {
    const file = await config(root, '[theme]\nprimaryColor = "#ff0000"\n');
    const seen: (ProjectTheme | null)[] = [];
    const warnings: string[] = [];
    const watcher = new ProjectThemeWatcher([file], (theme) => seen.push(theme), (warning) => warnings.push(warning), 10);
    try {
      await watcher.start(true);
      expect(watcher.theme?.input).toEqual({ primaryColor: "#ff0000" });
      await writeFile(file, '[theme]\nprimaryColor = "#00ff00"\n');
      await expect.poll(() => seen.length, { timeout: 3000 }).toBe(2);
      await writeFile(file, "[server]\nport = 1\n");
      await expect.poll(() => seen.length, { timeout: 3000 }).toBe(3);
    } finally {
      watcher.close();
    }
    expect(seen.map((theme) => theme?.input.primaryColor ?? null)).toEqual(["#ff0000", "#00ff00", null]);
    expect(warnings).toEqual([]);
  });
});
