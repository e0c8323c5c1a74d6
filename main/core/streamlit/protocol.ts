import { createFileRegistry, fromBinary, ScalarType, toBinary } from "@bufbuild/protobuf";
import type { DescField, DescMessage, DescOneof, FileRegistry } from "@bufbuild/protobuf";
import { isReflectList, isReflectMap, isReflectMessage, protoCamelCase, reflect } from "@bufbuild/protobuf/reflect";
import type { ReflectList, ReflectMessage } from "@bufbuild/protobuf/reflect";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { Json } from "../../../common/json";

/**
 * Streamlit's WebSocket protocol, read with the definitions of the Streamlit that is running.
 *
 * Loopwright keeps no copy of Streamlit's .proto files: the companion sends the running
 * installation's definitions as a FileDescriptorSet (companion/loopwright_companion/descriptors.py)
 * and the message types are built from it here, at run time. So the field numbers, names and
 * enum values used below are all looked up by name in those definitions; `createProtocol` checks
 * up front that everything Loopwright reads is there, so an unexpected Streamlit fails with one
 * clear message at start instead of misreading messages later.
 *
 * How a CCv2 component instance travels in a BackMsg (read in Streamlit 1.64's
 * components/v2/bidi_component/main.py and serialization.py, its frontend bundle's
 * BidiComponent and WidgetStateManager, and runtime/scriptrunner_utils/script_requests.py):
 * - The element id (`BidiComponent.id`, `$$ID-<hash>-<user key or None>`) is also the widget id
 *   of the instance's *state*: one `json_value` widget holding a JSON object of all its state
 *   names. `setStateValue(name, v)` in the browser re-sends the whole object with `name` merged in.
 * - All of an instance's *triggers* share one widget, the "aggregator"
 *   `$$STREAMLIT_INTERNAL_KEY_<element id>__events`, as `json_trigger_value`: a JSON array of
 *   `{"event": name, "value": v}`, one entry per `setTriggerValue` since the last flush (several
 *   triggers in one tick travel together). The frontend deletes trigger widgets after the BackMsg
 *   that carried them, so a trigger is in exactly one rerun_script.
 * - Other widgets' triggers: `trigger_value` (st.button: true), `string_trigger_value`,
 *   `chat_input_value`; Streamlit's own list of trigger kinds is script_requests.py's
 *   `_TRIGGER_PROTO_FIELDS`.
 */

/** The definitions lack (or changed) something Loopwright needs; the message says which and where. */
export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/** What a custom component v2 element (`BidiComponent`) carries, as the host's timeline needs it. */
export interface BidiFacts {
  id: string;
  componentName: string;
  /**
   * The data as JSON text: `json` data, or for `mixed` data its JSON part (where each dataframe is
   * a `{"__streamlit_arrow_ref__": ref}` placeholder); null for arrow, bytes or no data.
   */
  json: string | null;
  dataKind: "json" | "arrow" | "bytes" | "mixed" | "none";
  /** Bytes of the data on the wire (UTF-8 for json; the whole ArrowData/MixedData message otherwise). */
  dataSize: number;
  jsContent: string;
  jsSourcePath: string;
  htmlContent: string;
  cssContent: string;
  cssSourcePath: string;
  isolateStyles: boolean;
  formId: string;
}

export interface ExceptionFacts {
  type: string;
  message: string;
  stackTrace: string[];
}

export interface ElementFacts {
  /** The Element `type` oneof case: "markdown", "bidi_component", "exception", … */
  type: string;
  bidi: BidiFacts | null;
  exception: ExceptionFacts | null;
  /** The element message's own `id` field (widgets have one), null when it has none or it is empty. */
  widgetId: string | null;
}

export type ForwardFacts =
  | {
      type: "new_session";
      scriptRunId: string;
      /** `NewSession.initialize.session_id` when the message has `initialize`. */
      sessionId: string | null;
      fragmentIdsThisRun: string[];
      pageScriptHash: string;
      mainScriptPath?: string;
    }
  | {
      type: "script_finished";
      /** The enum value's name: FINISHED_SUCCESSFULLY, FINISHED_WITH_COMPILE_ERROR, FINISHED_EARLY_FOR_RERUN, FINISHED_FRAGMENT_RUN_SUCCESSFULLY. */
      status: string;
    }
  | { type: "session_status_changed"; scriptIsRunning: boolean; runOnSave: boolean }
  | {
      type: "delta";
      deltaPath: number[];
      fragmentId: string;
      /** For `new_element`; null for `add_block`, `new_transient` and the like. */
      element: ElementFacts | null;
      block: boolean;
      /** `ForwardMsg.hash`: what a later `ref_hash` message names this one by. */
      hash: string;
      /** Whether the frontend caches it, so the server may later send only a `ref_hash` for it. */
      cacheable: boolean;
    }
  | {
      /**
       * The server found this (cacheable, ≥ global.minCachedMessageSize, 10 kB by default) element
       * in the frontend's cache and sent only its hash: the element is the one of the earlier
       * `delta` whose `hash` is `refHash`, now at `deltaPath`. A component with a few kB of inline
       * JS or data is sent this way on every run after the first.
       */
      type: "ref_hash";
      refHash: string;
      deltaPath: number[];
    }
  /** Any other message; `which` is its oneof case name ("" if it has none). */
  | { type: "other"; which: string };

export interface WidgetFacts {
  id: string;
  /** The WidgetState `value` oneof case: json_value, json_trigger_value, trigger_value, string_value, int_value, … ("" if unset). */
  kind: string;
  /**
   * json_value / json_trigger_value parsed (the text itself if it is not JSON, as Streamlit does);
   * a scalar as it is (int64 as a number, or a decimal string beyond 2^53); bytes as
   * `{ byteLength }`; a message as a camelCase object, or its `data` when that is its only field
   * (string_array_value → string[], string_trigger_value → string).
   */
  value: Json;
}

export type BackFacts =
  | {
      type: "rerun_script";
      widgets: WidgetFacts[];
      fragmentId: string;
      pageScriptHash: string;
      queryString: string;
      isAutoRerun: boolean;
    }
  | { type: "stop_script" }
  | { type: "other"; which: string };

export interface StreamlitProtocol {
  /** The Streamlit version the definitions came from. */
  version: string;
  readForward(bytes: Uint8Array): ForwardFacts;
  readBack(bytes: Uint8Array): BackFacts;
  /**
   * A rerun_script BackMsg asking for a plain rerun with `lastRerunBack`'s widget states minus
   * every trigger (a trigger must never fire twice) and without its fragment id; with null, a
   * rerun with an empty client state.
   */
  rerunFrom(lastRerunBack: Uint8Array | null): Uint8Array;
  /** The BackMsg the frontend's Stop sends. */
  stopScript(): Uint8Array;
}

/** What a field must be for the code below to read it. */
type Expected = "message" | "enum" | "string" | "bool" | "bytes" | "string list" | "uint32 list" | "message list";

/** Looks fields up by name in the running Streamlit's definitions, failing with a ProtocolError that names what is missing. */
class Definitions {
  constructor(
    private readonly registry: FileRegistry,
    private readonly version: string,
  ) {}

  fileMessage(file: string, name: string): DescMessage {
    const found = this.registry.getFile(file)?.messages.find((message) => message.name === name);
    if (!found) throw new ProtocolError(`Streamlit ${this.version}'s protocol definitions have no message ${name} in ${file}.`);
    return found;
  }

  field(message: DescMessage, name: string, expected: Expected, missing?: string): DescField {
    const field = message.fields.find((candidate) => candidate.name === name);
    if (!field) {
      throw new ProtocolError(missing ?? `Streamlit ${this.version}'s protocol has no field ${message.typeName}.${name}, which Loopwright reads.`);
    }
    const actual = describe(field);
    if (actual !== expected) {
      throw new ProtocolError(`Streamlit ${this.version}'s protocol has ${message.typeName}.${name} as ${actual}; Loopwright reads it as ${expected}.`);
    }
    return field;
  }

  /** A field Loopwright reads when the definitions have it (absent in some versions). */
  optionalField(message: DescMessage, name: string, expected: Expected): DescField | null {
    return message.fields.some((candidate) => candidate.name === name) ? this.field(message, name, expected) : null;
  }

  oneof(message: DescMessage, name: string): DescOneof {
    const found = message.oneofs.find((oneof) => oneof.name === name);
    if (!found) throw new ProtocolError(`Streamlit ${this.version}'s protocol has no oneof ${message.typeName}.${name}, which Loopwright reads.`);
    return found;
  }

  member(oneof: DescOneof, name: string, expected: Expected, missing?: string): DescField {
    const field = this.field(oneof.parent, name, expected, missing);
    if (field.oneof !== oneof) {
      throw new ProtocolError(`Streamlit ${this.version}'s protocol has ${oneof.parent.typeName}.${name} outside the oneof ${oneof.name}, where Loopwright expects it.`);
    }
    return field;
  }
}

function describe(field: DescField): Expected | string {
  switch (field.fieldKind) {
    case "message":
      return "message";
    case "enum":
      return "enum";
    case "map":
      return "map";
    case "scalar":
      return scalarName(field.scalar);
    case "list":
      return field.listKind === "message" ? "message list" : field.listKind === "scalar" ? `${scalarName(field.scalar)} list` : "enum list";
  }
}

function scalarName(scalar: ScalarType): string {
  return (ScalarType[scalar] ?? String(scalar)).toLowerCase();
}

/** A message type reached through a field checked as "message" or "message list". */
function messageOf(field: DescField): DescMessage {
  if (field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message")) return field.message;
  throw new Error(`${field.parent.typeName}.${field.name} is not a message field`);
}

/** Everything Loopwright reads, resolved once from the definitions. */
function resolve(definitions: Definitions, version: string) {
  const forwardMsg = definitions.fileMessage("streamlit/proto/ForwardMsg.proto", "ForwardMsg");
  const backMsg = definitions.fileMessage("streamlit/proto/BackMsg.proto", "BackMsg");

  const forwardType = definitions.oneof(forwardMsg, "type");
  const forward = {
    message: forwardMsg,
    type: forwardType,
    hash: definitions.field(forwardMsg, "hash", "string"),
    metadata: definitions.field(forwardMsg, "metadata", "message"),
    newSession: definitions.member(forwardType, "new_session", "message"),
    delta: definitions.member(forwardType, "delta", "message"),
    scriptFinished: definitions.member(forwardType, "script_finished", "enum"),
    sessionStatusChanged: definitions.member(forwardType, "session_status_changed", "message"),
    refHash: definitions.member(forwardType, "ref_hash", "string"),
  };

  const metadataMessage = messageOf(forward.metadata);
  const metadata = {
    message: metadataMessage,
    deltaPath: definitions.field(metadataMessage, "delta_path", "uint32 list"),
    cacheable: definitions.field(metadataMessage, "cacheable", "bool"),
  };

  const newSessionMessage = messageOf(forward.newSession);
  const initialize = definitions.field(newSessionMessage, "initialize", "message");
  const newSession = {
    message: newSessionMessage,
    scriptRunId: definitions.field(newSessionMessage, "script_run_id", "string"),
    initialize,
    sessionId: definitions.field(messageOf(initialize), "session_id", "string"),
    fragmentIdsThisRun: definitions.field(newSessionMessage, "fragment_ids_this_run", "string list"),
    pageScriptHash: definitions.field(newSessionMessage, "page_script_hash", "string"),
    mainScriptPath: definitions.field(newSessionMessage, "main_script_path", "string"),
  };

  const sessionStatusMessage = messageOf(forward.sessionStatusChanged);
  const sessionStatus = {
    message: sessionStatusMessage,
    scriptIsRunning: definitions.field(sessionStatusMessage, "script_is_running", "bool"),
    runOnSave: definitions.field(sessionStatusMessage, "run_on_save", "bool"),
  };

  const deltaMessage = messageOf(forward.delta);
  const deltaType = definitions.oneof(deltaMessage, "type");
  const delta = {
    message: deltaMessage,
    type: deltaType,
    newElement: definitions.member(deltaType, "new_element", "message"),
    addBlock: definitions.member(deltaType, "add_block", "message"),
    fragmentId: definitions.field(deltaMessage, "fragment_id", "string"),
  };

  const elementMessage = messageOf(delta.newElement);
  const elementType = definitions.oneof(elementMessage, "type");
  const bidiComponent = definitions.member(
    elementType,
    "bidi_component",
    "message",
    `Streamlit ${version}'s protocol has no BidiComponent element (custom components v2 arrived in 1.51): ` +
      `Element has no bidi_component field. Install Streamlit 1.51 or later.`,
  );
  const exception = definitions.member(elementType, "exception", "message");
  const element = {
    message: elementMessage,
    type: elementType,
    bidiComponent,
    exception,
    /** Per element kind (by field number), its message's own `id` field, if it has one. */
    idFields: new Map(
      elementType.fields.map((field) => [field.number, field.fieldKind === "message" ? idFieldOf(field.message) : null] as const),
    ),
  };

  const bidiMessage = messageOf(bidiComponent);
  const bidiData = definitions.oneof(bidiMessage, "data");
  const bidi = {
    message: bidiMessage,
    data: bidiData,
    id: definitions.field(bidiMessage, "id", "string"),
    componentName: definitions.field(bidiMessage, "component_name", "string"),
    jsContent: definitions.field(bidiMessage, "js_content", "string"),
    jsSourcePath: definitions.field(bidiMessage, "js_source_path", "string"),
    htmlContent: definitions.field(bidiMessage, "html_content", "string"),
    cssContent: definitions.field(bidiMessage, "css_content", "string"),
    cssSourcePath: definitions.field(bidiMessage, "css_source_path", "string"),
    isolateStyles: definitions.field(bidiMessage, "isolate_styles", "bool"),
    formId: definitions.field(bidiMessage, "form_id", "string"),
    json: definitions.member(bidiData, "json", "string"),
    arrowData: definitions.member(bidiData, "arrow_data", "message"),
    bytes: definitions.member(bidiData, "bytes", "bytes"),
    mixed: definitions.member(bidiData, "mixed", "message"),
  };
  const mixedMessage = messageOf(bidi.mixed);
  const mixed = { message: mixedMessage, json: definitions.field(mixedMessage, "json", "string") };

  const exceptionMessage = messageOf(exception);
  const exceptionFields = {
    message: exceptionMessage,
    type: definitions.field(exceptionMessage, "type", "string"),
    text: definitions.field(exceptionMessage, "message", "string"),
    stackTrace: definitions.field(exceptionMessage, "stack_trace", "string list"),
  };

  const backType = definitions.oneof(backMsg, "type");
  const back = {
    message: backMsg,
    type: backType,
    rerunScript: definitions.member(backType, "rerun_script", "message"),
    stopScript: definitions.member(backType, "stop_script", "bool"),
  };

  const clientStateMessage = messageOf(back.rerunScript);
  const widgetStates = definitions.field(clientStateMessage, "widget_states", "message");
  const widgetStatesMessage = messageOf(widgetStates);
  const clientState = {
    message: clientStateMessage,
    widgetStates,
    widgets: definitions.field(widgetStatesMessage, "widgets", "message list"),
    fragmentId: definitions.field(clientStateMessage, "fragment_id", "string"),
    pageScriptHash: definitions.field(clientStateMessage, "page_script_hash", "string"),
    queryString: definitions.field(clientStateMessage, "query_string", "string"),
    isAutoRerun: definitions.optionalField(clientStateMessage, "is_auto_rerun", "bool"),
    cachedMessageHashes: definitions.optionalField(clientStateMessage, "cached_message_hashes", "string list"),
  };

  const widgetStateMessage = messageOf(clientState.widgets);
  const widgetValue = definitions.oneof(widgetStateMessage, "value");
  const widgetState = {
    message: widgetStateMessage,
    id: definitions.field(widgetStateMessage, "id", "string"),
    value: widgetValue,
  };
  // Not read one by one, but rerunFrom must recognise them: a version without them is not one
  // whose triggers Loopwright knows how to keep from firing twice.
  definitions.member(widgetValue, "json_value", "string");
  definitions.member(widgetValue, "trigger_value", "bool");
  definitions.member(widgetValue, "json_trigger_value", "string");
  definitions.member(widgetValue, "string_trigger_value", "message");

  return { forward, metadata, newSession, sessionStatus, delta, element, bidi, mixed, exception: exceptionFields, back, clientState, widgetState };
}

type Schema = ReturnType<typeof resolve>;

/** A message's own `id` string field: what a widget element is registered under. */
function idFieldOf(message: DescMessage): DescField | null {
  const id = message.fields.find((field) => field.name === "id");
  return id?.fieldKind === "scalar" && id.scalar === ScalarType.STRING ? id : null;
}

/**
 * The trigger kinds of WidgetState's value oneof: Streamlit's `_TRIGGER_PROTO_FIELDS`
 * (trigger_value, string_trigger_value, chat_input_value, json_trigger_value); any later kind
 * named "…trigger…" counts too, so a new trigger kind is dropped by rerunFrom rather than replayed.
 */
function isTriggerKind(name: string): boolean {
  return name.includes("trigger") || name === "chat_input_value";
}

export function createProtocol(descriptorSet: Uint8Array, streamlitVersion: string): StreamlitProtocol {
  let registry: FileRegistry;
  try {
    registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet));
  } catch (error) {
    throw new ProtocolError(`Streamlit ${streamlitVersion}'s protocol definitions could not be read: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const schema = resolve(new Definitions(registry, streamlitVersion), streamlitVersion);

  return {
    version: streamlitVersion,
    readForward: (bytes) => decoding("ForwardMsg", streamlitVersion, () => readForward(schema, bytes)),
    readBack: (bytes) => decoding("BackMsg", streamlitVersion, () => readBack(schema, bytes)),
    rerunFrom: (last) => rerunFrom(schema, last),
    stopScript: () => {
      const message = reflect(schema.back.message);
      message.set(schema.back.stopScript, true);
      return toBinary(schema.back.message, message.message);
    },
  };
}

function decoding<T>(what: string, version: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new Error(`A ${what} could not be decoded with Streamlit ${version}'s definitions: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// ---------------------------------------------------------------------------------------------
// The wire, read lazily. A ForwardMsg can be megabytes (a component's data, a dataframe, a chart
// spec) and the proxy reads every one: only the fields a fact needs are decoded, the others are
// skipped by their length without being read, and bytes stay views into the message.

/** One field of a serialized message as it sits on the wire. */
interface WireField {
  no: number;
  /** Tag and value: what a decoder needs to read this field alone. */
  whole: Uint8Array;
  /** The value: for a length-delimited field its content without the length. */
  value: Uint8Array;
}

/** The top-level fields of a serialized message, in wire order, their values not decoded. */
function wireFields(bytes: Uint8Array): WireField[] {
  const reader = new BinaryReader(bytes);
  const fields: WireField[] = [];
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const [no, wireType] = reader.tag();
    const value = wireType === WireType.LengthDelimited ? reader.bytes() : reader.skip(wireType, no);
    fields.push({ no, whole: bytes.subarray(start, reader.pos), value });
  }
  return fields;
}

/** Decodes `message` from only the fields numbered `numbers`: for small fields next to big ones. */
function decodeOnly(message: DescMessage, fields: readonly WireField[], numbers: readonly number[]): ReflectMessage {
  return reflect(message, fromBinary(message, concat(fields.filter((field) => numbers.includes(field.no)).map((field) => field.whole))));
}

/**
 * Which member of `oneof` is set, and its value. Protobuf's rules: the last member on the wire
 * wins, and a message member split over several occurrences is their merge (the concatenation).
 */
function oneofOnWire(oneof: DescOneof, fields: readonly WireField[]): { field: DescField; value: Uint8Array } | null {
  let field: DescField | undefined;
  let values: Uint8Array[] = [];
  for (const wire of fields) {
    const member = oneof.fields.find((candidate) => candidate.number === wire.no);
    if (!member) continue;
    if (member !== field) values = [];
    field = member;
    values.push(wire.value);
  }
  return field ? { field, value: concat(values) } : null;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

const utf8 = new TextDecoder();

// ---------------------------------------------------------------------------------------------
// Typed reads of decoded messages.

function text(message: ReflectMessage, field: DescField): string {
  const value = message.get(field);
  return typeof value === "string" ? value : "";
}

function flag(message: ReflectMessage, field: DescField): boolean {
  return message.get(field) === true;
}

function child(message: ReflectMessage, field: DescField): ReflectMessage {
  const value = message.get(field);
  if (!isReflectMessage(value)) throw new Error(`${field.parent.typeName}.${field.name} is not a message`);
  return value;
}

function items(message: ReflectMessage, field: DescField): ReflectList {
  const value = message.get(field);
  if (!isReflectList(value)) throw new Error(`${field.parent.typeName}.${field.name} is not a list`);
  return value;
}

function strings(message: ReflectMessage, field: DescField): string[] {
  return [...items(message, field)].filter((item): item is string => typeof item === "string");
}

function numbers(message: ReflectMessage, field: DescField): number[] {
  return [...items(message, field)].filter((item): item is number => typeof item === "number");
}

// ---------------------------------------------------------------------------------------------
// ForwardMsg.

function readForward(schema: Schema, bytes: Uint8Array): ForwardFacts {
  const { forward } = schema;
  const fields = wireFields(bytes);
  const which = oneofOnWire(forward.type, fields);
  if (!which) return { type: "other", which: "" };

  switch (which.field) {
    case forward.newSession: {
      const session = reflect(schema.newSession.message, fromBinary(schema.newSession.message, which.value));
      const mainScriptPath = text(session, schema.newSession.mainScriptPath);
      return {
        type: "new_session",
        scriptRunId: text(session, schema.newSession.scriptRunId),
        sessionId: session.isSet(schema.newSession.initialize) ? text(child(session, schema.newSession.initialize), schema.newSession.sessionId) || null : null,
        fragmentIdsThisRun: strings(session, schema.newSession.fragmentIdsThisRun),
        pageScriptHash: text(session, schema.newSession.pageScriptHash),
        ...(mainScriptPath ? { mainScriptPath } : {}),
      };
    }
    case forward.scriptFinished: {
      const message = decodeOnly(forward.message, fields, [forward.scriptFinished.number]);
      const number = message.get(forward.scriptFinished);
      const values = forward.scriptFinished.fieldKind === "enum" ? forward.scriptFinished.enum.values : [];
      return { type: "script_finished", status: values.find((value) => value.number === number)?.name ?? String(number) };
    }
    case forward.sessionStatusChanged: {
      const status = reflect(schema.sessionStatus.message, fromBinary(schema.sessionStatus.message, which.value));
      return {
        type: "session_status_changed",
        scriptIsRunning: flag(status, schema.sessionStatus.scriptIsRunning),
        runOnSave: flag(status, schema.sessionStatus.runOnSave),
      };
    }
    case forward.delta: {
      const envelope = decodeOnly(forward.message, fields, [forward.hash.number, forward.metadata.number]);
      const metadata = child(envelope, forward.metadata);
      return {
        type: "delta",
        ...readDelta(schema, which.value),
        deltaPath: numbers(metadata, schema.metadata.deltaPath),
        hash: text(envelope, forward.hash),
        cacheable: flag(metadata, schema.metadata.cacheable),
      };
    }
    case forward.refHash: {
      const message = decodeOnly(forward.message, fields, [forward.refHash.number, forward.metadata.number]);
      return { type: "ref_hash", refHash: text(message, forward.refHash), deltaPath: numbers(child(message, forward.metadata), schema.metadata.deltaPath) };
    }
    default:
      return { type: "other", which: which.field.name };
  }
}

function readDelta(schema: Schema, bytes: Uint8Array): { fragmentId: string; element: ElementFacts | null; block: boolean } {
  const { delta } = schema;
  const fields = wireFields(bytes);
  const fragmentId = text(decodeOnly(delta.message, fields, [delta.fragmentId.number]), delta.fragmentId);
  const which = oneofOnWire(delta.type, fields);
  return {
    fragmentId,
    element: which?.field === delta.newElement ? readElement(schema, which.value) : null,
    block: which?.field === delta.addBlock,
  };
}

function readElement(schema: Schema, bytes: Uint8Array): ElementFacts | null {
  const { element } = schema;
  const which = oneofOnWire(element.type, wireFields(bytes));
  if (!which) return null;
  const facts: ElementFacts = { type: which.field.name, bidi: null, exception: null, widgetId: null };

  if (which.field === element.bidiComponent) {
    facts.bidi = readBidi(schema, which.value);
    facts.widgetId = facts.bidi.id || null;
  } else if (which.field === element.exception) {
    const exception = reflect(schema.exception.message, fromBinary(schema.exception.message, which.value));
    facts.exception = {
      type: text(exception, schema.exception.type),
      message: text(exception, schema.exception.text),
      stackTrace: strings(exception, schema.exception.stackTrace),
    };
  } else {
    const idField = element.idFields.get(which.field.number);
    if (idField && which.field.fieldKind === "message") {
      facts.widgetId = text(decodeOnly(which.field.message, wireFields(which.value), [idField.number]), idField) || null;
    }
  }
  return facts;
}

function readBidi(schema: Schema, bytes: Uint8Array): BidiFacts {
  const { bidi } = schema;
  const fields = wireFields(bytes);
  // Everything but the data, which may be megabytes, is small: decode it the ordinary way.
  const dataNumbers = new Set(bidi.data.fields.map((field) => field.number));
  const small = reflect(
    bidi.message,
    fromBinary(bidi.message, concat(fields.filter((field) => !dataNumbers.has(field.no)).map((field) => field.whole))),
  );

  const data = oneofOnWire(bidi.data, fields);
  let dataKind: BidiFacts["dataKind"] = "none";
  let json: string | null = null;
  if (data?.field === bidi.json) {
    dataKind = "json";
    json = utf8.decode(data.value);
  } else if (data?.field === bidi.mixed) {
    dataKind = "mixed";
    json = text(reflect(schema.mixed.message, fromBinary(schema.mixed.message, data.value)), schema.mixed.json);
  } else if (data?.field === bidi.arrowData) {
    dataKind = "arrow";
  } else if (data) {
    // `bytes`, or a data kind newer than this code: opaque bytes with a size either way.
    dataKind = "bytes";
  }

  return {
    id: text(small, bidi.id),
    componentName: text(small, bidi.componentName),
    json,
    dataKind,
    dataSize: data?.value.length ?? 0,
    jsContent: text(small, bidi.jsContent),
    jsSourcePath: text(small, bidi.jsSourcePath),
    htmlContent: text(small, bidi.htmlContent),
    cssContent: text(small, bidi.cssContent),
    cssSourcePath: text(small, bidi.cssSourcePath),
    isolateStyles: flag(small, bidi.isolateStyles),
    formId: text(small, bidi.formId),
  };
}

// ---------------------------------------------------------------------------------------------
// BackMsg.

function readBack(schema: Schema, bytes: Uint8Array): BackFacts {
  const { back, clientState } = schema;
  const which = oneofOnWire(back.type, wireFields(bytes));
  if (!which) return { type: "other", which: "" };
  if (which.field === back.stopScript) return { type: "stop_script" };
  if (which.field !== back.rerunScript) return { type: "other", which: which.field.name };

  const state = reflect(clientState.message, fromBinary(clientState.message, which.value));
  const widgets = [...items(child(state, clientState.widgetStates), clientState.widgets)].filter((widget) => isReflectMessage(widget)).map((widget) => readWidget(schema, widget));
  return {
    type: "rerun_script",
    widgets,
    fragmentId: text(state, clientState.fragmentId),
    pageScriptHash: text(state, clientState.pageScriptHash),
    queryString: text(state, clientState.queryString),
    isAutoRerun: clientState.isAutoRerun ? flag(state, clientState.isAutoRerun) : false,
  };
}

function readWidget(schema: Schema, widget: ReflectMessage): WidgetFacts {
  const id = text(widget, schema.widgetState.id);
  const kind = widget.oneofCase(schema.widgetState.value);
  if (!kind) return { id, kind: "", value: null };
  const value = widget.get(kind);
  if (kind.fieldKind === "scalar" && kind.scalar === ScalarType.STRING && kind.name.startsWith("json_") && typeof value === "string") {
    return { id, kind: kind.name, value: parseJson(value) };
  }
  return { id, kind: kind.name, value: toJson(value) };
}

/** Streamlit's handle_deserialize: JSON when it parses, else the text itself. */
function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** A decoded field value as plain JSON (see WidgetFacts.value). */
function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return { byteLength: value.length };
  if (isReflectList(value)) return [...value].map(toJson);
  if (isReflectMap(value)) return Object.fromEntries([...value].map(([key, entry]) => [String(key), toJson(entry)]));
  if (isReflectMessage(value)) {
    // DoubleArray, StringArray, StringTriggerValue…: a wrapper whose only field is `data`.
    if (value.fields.length === 1 && value.fields[0].name === "data") return value.isSet(value.fields[0]) ? toJson(value.get(value.fields[0])) : null;
    return Object.fromEntries(value.fields.filter((field) => value.isSet(field)).map((field) => [field.jsonName || protoCamelCase(field.name), toJson(value.get(field))]));
  }
  return String(value);
}

function rerunFrom(schema: Schema, last: Uint8Array | null): Uint8Array {
  const { back, clientState } = schema;
  const state = last ? lastClientState(schema, last) : reflect(clientState.message);
  if (last) {
    // A plain rerun: the whole script, not the fragment the frontend last asked for.
    state.clear(clientState.fragmentId);
    if (clientState.isAutoRerun) state.clear(clientState.isAutoRerun);
    // Those hashes let the server answer with ref_hash for messages the frontend had cached when
    // it sent `last`; it may have evicted them since, and a ref_hash it cannot resolve is an
    // error in its message cache. Without them the server sends every element whole.
    if (clientState.cachedMessageHashes) state.clear(clientState.cachedMessageHashes);

    if (state.isSet(clientState.widgetStates)) {
      const widgets = items(child(state, clientState.widgetStates), clientState.widgets);
      const kept = [...widgets].filter((widget): widget is ReflectMessage => {
        if (!isReflectMessage(widget)) return false;
        const kind = widget.oneofCase(schema.widgetState.value);
        return !kind || !isTriggerKind(kind.name);
      });
      widgets.clear();
      for (const widget of kept) widgets.add(widget);
    }
  }
  const message = reflect(back.message);
  message.set(back.rerunScript, state);
  return toBinary(back.message, message.message);
}

function lastClientState(schema: Schema, last: Uint8Array): ReflectMessage {
  const { back, clientState } = schema;
  const which = oneofOnWire(back.type, wireFields(last));
  if (which?.field !== back.rerunScript) throw new Error(`rerunFrom needs a rerun_script BackMsg, not ${which ? which.field.name : "an empty one"}`);
  return reflect(clientState.message, fromBinary(clientState.message, which.value));
}
