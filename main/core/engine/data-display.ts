import { readFileSync } from "node:fs";
import { extname, isAbsolute, resolve } from "node:path";
import type { ImageElement, MetricElement } from "../../../common";
import type { ImageOptions, ImageSource, MetricOptions } from "../../../common/api";
import { StreamlitAPIException, StreamlitError } from "./errors";
import { pyRepr } from "./layout";
import type { RunContext } from "./run-context";

/** `st.metric` and `st.image`: elements that show a value (§15). */

const TypeError = (message: string) => new StreamlitError("TypeError", message);
const pythonType = (value: unknown) => (value === null ? "NoneType" : Array.isArray(value) ? "list" : typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value);

export function metric(ctx: RunContext, label: unknown, value: unknown, options: MetricOptions = {}): void {
  ctx.checkpoint();
  if (typeof label !== "string") {
    throw TypeError(`'${String(label)}' is of type ${pythonType(label)}, which is not an accepted type. label only accepts: str. Please convert the label to an accepted type.`);
  }
  const body = value === null || value === undefined ? "—" : typeof value === "number" || typeof value === "string" ? String(value) : null;
  if (body === null) {
    throw TypeError(`'${String(value)}' is of type ${pythonType(value)}, which is not an accepted type. value only accepts: int, float, str, or None. Please convert the value to an accepted type.`);
  }
  const rawDelta = options.delta ?? "";
  if (typeof rawDelta !== "number" && typeof rawDelta !== "string") {
    throw TypeError(`'${String(rawDelta)}' is of type ${pythonType(rawDelta)}, which is not an accepted type. delta only accepts: int, float, str, or None. Please convert the value to an accepted type.`);
  }
  const delta = String(rawDelta);
  const deltaColor = options.delta_color ?? "normal";
  if (!["normal", "inverse", "off"].includes(deltaColor)) {
    throw StreamlitAPIException(`'${String(deltaColor)}' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'`);
  }
  ctx.emit({
    type: "metric",
    label,
    body,
    delta,
    ...deltaLook(deltaColor, delta),
    help: options.help ?? null,
    labelVisibility: options.label_visibility ?? "visible",
    border: options.border ?? false,
  });
}

/** Streamlit's _determine_delta_color_and_direction: the sign is the text's leading "-". */
function deltaLook(deltaColor: NonNullable<MetricOptions["delta_color"]>, delta: string): Pick<MetricElement, "color" | "direction"> {
  if (delta === "") return { color: "gray", direction: "none" };
  const down = delta.trimStart().startsWith("-");
  const color = deltaColor === "off" ? "gray" : (deltaColor === "normal") === down ? "red" : "green";
  return { color, direction: down ? "down" : "up" };
}

export function image(ctx: RunContext, source: ImageSource | ImageSource[], options: ImageOptions = {}): void {
  ctx.checkpoint();
  const sources = Array.isArray(source) ? source : [source];
  const captions = options.caption === undefined || options.caption === null ? sources.map(() => null) : Array.isArray(options.caption) ? options.caption : [options.caption];
  if (captions.length !== sources.length) throw StreamlitAPIException(`Cannot pair ${captions.length} captions with ${sources.length} images.`);
  const width = options.width ?? "content";
  if (!(width === "content" || width === "stretch" || (typeof width === "number" && Number.isInteger(width) && width > 0))) {
    throw new StreamlitError("StreamlitInvalidWidthError", `Invalid width value: ${pyRepr(width)}. Width must be either a positive integer (pixels), 'stretch', or 'content'.`);
  }
  const element: ImageElement = {
    type: "image",
    images: sources.map((src, i) => ({ url: imageUrl(ctx, src), caption: captions[i] === null ? null : String(captions[i]) })),
    width,
  };
  ctx.emit(element);
}

const MIME_BY_EXTENSION: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".bmp": "image/bmp",
  ".ico": "image/x-icon",
};

/** URLs pass through; a local path and bytes become data URLs (Streamlit serves them as media files). */
function imageUrl(ctx: RunContext, src: ImageSource): string {
  if (src instanceof Uint8Array) return dataUrl(sniffMime(src), src);
  if (typeof src !== "string") throw TypeError(`st.image takes a URL, a path or a Uint8Array, got ${pythonType(src)}.`);
  if (/^(https?:|data:|blob:)/i.test(src)) return src;
  if (src.trimStart().startsWith("<svg")) return dataUrl("image/svg+xml", Buffer.from(src));
  const path = isAbsolute(src) ? src : resolve(ctx.appDir, src);
  const mime = MIME_BY_EXTENSION[extname(path).toLowerCase()];
  if (!mime) throw StreamlitAPIException(`st.image cannot tell the image type of "${src}": use a .png, .jpg, .gif, .webp, .svg, .bmp or .ico file.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new StreamlitError("FileNotFoundError", `No such file or directory: '${src}'`);
  }
  return dataUrl(mime, bytes);
}

function dataUrl(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}`;
}

/** The image type from its magic bytes, as Streamlit detects it for raw bytes. */
function sniffMime(bytes: Uint8Array): string {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  if (starts(0x42, 0x4d)) return "image/bmp";
  if (Buffer.from(bytes.subarray(0, 256)).toString("utf8").includes("<svg")) return "image/svg+xml";
  throw StreamlitAPIException("st.image could not tell the image type of these bytes (expected PNG, JPEG, GIF, WebP, BMP or SVG).");
}
