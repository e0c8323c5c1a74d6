import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse, TomlError } from "smol-toml";
import * as v from "valibot";
import { ThemeInputSchema, type ProjectTheme, type ThemeInput } from "../../../common/theme";

/** Where Streamlit looks for `config.toml`, in the order it reads them: later files win, per option (§8.6). */
export interface ConfigLocations {
  /** The user's home: `~/.streamlit/config.toml` is the global file. */
  home: string;
  /** The folder Loopwright was started in, Streamlit's `$CWD/.streamlit/config.toml`. */
  cwd: string;
  /** The app script: `<its folder>/.streamlit/config.toml` is read last. */
  appPath: string;
}

const CONFIG_FILE = "config.toml";

export function configFiles({ home, cwd, appPath }: ConfigLocations): string[] {
  const files = [join(home, ".streamlit", CONFIG_FILE), join(resolve(cwd), ".streamlit", CONFIG_FILE)];
  const scriptLevel = join(dirname(resolve(appPath)), ".streamlit", CONFIG_FILE);
  return files.includes(scriptLevel) ? files : [...files, scriptLevel];
}

export function defaultConfigLocations(appPath: string): ConfigLocations {
  return { home: homedir(), cwd: process.cwd(), appPath };
}

export interface ThemeReport {
  theme: ProjectTheme | null;
  /** Streamlit's server-side warnings for these files, each naming its file. */
  warnings: string[];
}

type OptionKind = "string" | "boolean" | "integer" | "strings" | "integers" | "size";
type ThemeKey = keyof ThemeInput;

/** `[theme]` options of lib/streamlit/config.py, with the type each is read as. */
const OPTIONS: Record<string, { key: ThemeKey; kind: OptionKind }> = {
  base: { key: "base", kind: "string" },
  primaryColor: { key: "primaryColor", kind: "string" },
  backgroundColor: { key: "backgroundColor", kind: "string" },
  secondaryBackgroundColor: { key: "secondaryBackgroundColor", kind: "string" },
  textColor: { key: "textColor", kind: "string" },
  linkColor: { key: "linkColor", kind: "string" },
  linkUnderline: { key: "linkUnderline", kind: "boolean" },
  codeBackgroundColor: { key: "codeBackgroundColor", kind: "string" },
  font: { key: "bodyFont", kind: "string" },
  headingFont: { key: "headingFont", kind: "string" },
  codeFont: { key: "codeFont", kind: "string" },
  baseFontSize: { key: "baseFontSize", kind: "integer" },
  baseFontWeight: { key: "baseFontWeight", kind: "integer" },
  codeFontSize: { key: "codeFontSize", kind: "size" },
  codeFontWeight: { key: "codeFontWeight", kind: "integer" },
  headingFontSizes: { key: "headingFontSizes", kind: "strings" },
  headingFontWeights: { key: "headingFontWeights", kind: "integers" },
  baseRadius: { key: "baseRadius", kind: "string" },
  buttonRadius: { key: "buttonRadius", kind: "string" },
  borderColor: { key: "borderColor", kind: "string" },
  dataframeBorderColor: { key: "dataframeBorderColor", kind: "string" },
  dataframeHeaderBackgroundColor: { key: "dataframeHeaderBackgroundColor", kind: "string" },
  showWidgetBorder: { key: "showWidgetBorder", kind: "boolean" },
  chartCategoricalColors: { key: "chartCategoricalColors", kind: "strings" },
  chartSequentialColors: { key: "chartSequentialColors", kind: "strings" },
};

/** Valid Streamlit options that change nothing a component can see in Loopwright's preview. */
const NOT_APPLIED: Record<string, string> = {
  fontFaces: "the preview does not load font files; the font stacks fall back to the fonts installed",
  showSidebarBorder: "the preview's sidebar has no configurable border",
  sidebar: "the preview gives sidebar components the main theme",
};

const KIND_TEXT: Record<OptionKind, string> = {
  string: "a string",
  boolean: "true or false",
  integer: "an integer",
  strings: "a string or a list of strings",
  integers: "an integer or a list of integers",
  size: "a string or a number",
};

/** config.py `_maybe_read_env_variable`: `"env:NAME"` is that variable, as a number when it reads as one. */
function readEnv(value: unknown, warnings: string[], where: string): unknown {
  if (typeof value !== "string" || !value.startsWith("env:")) return value;
  const name = value.slice("env:".length);
  const env = process.env[name];
  if (env === undefined) {
    warnings.push(`No environment variable called ${name} (${where})`);
    return value;
  }
  return env.trim() !== "" && Number.isFinite(Number(env)) ? Number(env) : env;
}

/** The value in the shape the theme wants, or null when it is not of the option's type. */
function coerce(kind: OptionKind, value: unknown): unknown {
  const isInt = (x: unknown) => typeof x === "number" && Number.isInteger(x);
  switch (kind) {
    case "string":
      return typeof value === "string" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "integer":
      return isInt(value) ? value : null;
    case "size":
      return typeof value === "string" || typeof value === "number" ? value : null;
    // A single heading size or weight sets all six headings (config.py's headingFontSizes help).
    case "strings":
      if (typeof value === "string") return value;
      return Array.isArray(value) && value.every((x) => typeof x === "string") ? value : null;
    case "integers":
      if (isInt(value)) return value;
      return Array.isArray(value) && value.every(isInt) ? value : null;
  }
}

/** Reads the `[theme]` of each file, in order; a file that does not parse is reported and skipped, like Streamlit. */
export async function loadProjectTheme(files: string[]): Promise<ThemeReport> {
  const warnings: string[] = [];
  const merged: Record<string, unknown> = {};
  const used: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      continue;
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = parse(text);
    } catch (error) {
      const detail = error instanceof TomlError ? `${error.message.split("\n")[0]} (line ${error.line}, column ${error.column})` : String(error);
      warnings.push(`Error parsing config toml. This is most likely due to a syntax error in the config.toml file. Please fix it and try again. ${file}: ${detail}`);
      continue;
    }
    const section = parsed.theme;
    if (section === undefined) continue;
    used.push(file);
    if (typeof section !== "object" || section === null || Array.isArray(section)) {
      warnings.push(`theme in ${file} must be a table ([theme]); it is ignored.`);
      continue;
    }
    for (const [name, raw] of Object.entries(section)) {
      const where = file;
      if (name in NOT_APPLIED) {
        warnings.push(`theme.${name} is not applied by Loopwright: ${NOT_APPLIED[name]} (${where}).`);
        continue;
      }
      const option = OPTIONS[name];
      if (!option) {
        warnings.push(`"theme.${name}" is not a valid config option. If you previously had this config option set, it may have been removed. (${where})`);
        continue;
      }
      const value = coerce(option.kind, readEnv(raw, warnings, where));
      if (value === null) {
        warnings.push(`theme.${name} must be ${KIND_TEXT[option.kind]}, not ${JSON.stringify(raw)}; it is ignored (${where}).`);
        continue;
      }
      merged[name] = value;
    }
  }
  if (!used.length) return { theme: null, warnings };
  return { theme: { input: toThemeInput(merged, warnings), files: used }, warnings };
}

/** The merged options as the frontend receives them (app_session's theme message), checked against the wire schema. */
function toThemeInput(options: Record<string, unknown>, warnings: string[]): ThemeInput {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    const { key } = OPTIONS[name]!;
    if (name === "base" && value !== "light" && value !== "dark") {
      warnings.push(`"${String(value)}" is an invalid value for theme.base. Allowed values include ["light", "dark"]. Setting theme.base to "light".`);
      input.base = "light";
    } else if ((name === "headingFontSizes" || name === "headingFontWeights") && !Array.isArray(value)) {
      input[key] = Array(6).fill(value);
    } else if (name === "headingFontSizes" || name === "headingFontWeights") {
      input[key] = (value as unknown[]).slice(0, 6);
    } else {
      input[key] = value;
    }
  }
  return v.parse(ThemeInputSchema, input);
}

/** Keeps a host's project theme current: reads it, and reads it again whenever one of the files is saved. */
export class ProjectThemeWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private current: ProjectTheme | null = null;

  constructor(
    private readonly files: string[],
    private readonly onTheme: (theme: ProjectTheme | null) => void,
    private readonly onWarning: (message: string) => void,
    private readonly debounceMs = 60,
  ) {}

  get theme(): ProjectTheme | null {
    return this.current;
  }

  /** Reads the files; with `watching`, also follows their `.streamlit` folders (editors often save by renaming). */
  async start(watching: boolean): Promise<void> {
    await this.read();
    if (!watching) return;
    for (const folder of new Set(this.files.map(dirname))) {
      try {
        this.watchers.push(watch(folder, (_event, name) => (name === null || name === CONFIG_FILE ? this.changed() : undefined)));
      } catch {
        // No .streamlit folder there (yet): nothing to follow.
      }
    }
  }

  close(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.read();
    }, this.debounceMs);
  }

  private async read(): Promise<void> {
    const { theme, warnings } = await loadProjectTheme(this.files);
    for (const warning of warnings) this.onWarning(warning);
    if (JSON.stringify(theme) === JSON.stringify(this.current)) return;
    this.current = theme;
    this.onTheme(theme);
  }
}
