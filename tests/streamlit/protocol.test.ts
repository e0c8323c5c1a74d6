import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { create, createFileRegistry, fromBinary, toBinary, toJson } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { beforeAll, describe, expect, it } from "vitest";
import { createProtocol, ProtocolError } from "../../main/core/streamlit/protocol";
import type { BackFacts, ForwardFacts, StreamlitProtocol } from "../../main/core/streamlit/protocol";

/**
 * The protocol read with the definitions of the real, installed Streamlit, on messages built by
 * that Streamlit's own protobuf classes (fixtures/protocol_messages.py): nothing here is a
 * hand-written copy of Streamlit's messages.
 */

const ROOT = resolve(__dirname, "../..");
const COMPANION = join(ROOT, "companion");
const FIXTURE = join(__dirname, "fixtures", "protocol_messages.py");
const PROJECT_VENV = join(ROOT, ".venv-streamlit", "bin", "python");
const python = process.env.LOOPWRIGHT_PYTHON || (existsSync(PROJECT_VENV) ? PROJECT_VENV : null);
const SKIP_REASON = "no Python with Streamlit: set LOOPWRIGHT_PYTHON, or install Streamlit into .venv-streamlit";

function runPython(interpreter: string, args: string[]): string {
  return execFileSync(interpreter, args, {
    cwd: COMPANION,
    env: { ...process.env, PYTHONPATH: [COMPANION, process.env.PYTHONPATH].filter(Boolean).join(delimiter) },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

interface Fixtures {
  version: string;
  componentId: string;
  eventsId: string;
  buttonId: string;
  bigBidiHash: string;
  [name: string]: string;
}

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

if (!python && process.env.CI) {
  describe("the Streamlit protocol", () => {
    it("has a Python with Streamlit to read it from under CI", () => {
      expect.fail(`${SKIP_REASON} (CI must not skip these tests)`);
    });
  });
} else if (!python) {
  console.warn(`tests/streamlit/protocol.test.ts skipped: ${SKIP_REASON}`);
  describe.skip(`the Streamlit protocol (skipped: ${SKIP_REASON})`, () => {
    it("reads the real protocol", () => {});
  });
} else {
  const interpreter = python;
  let descriptorSet: Uint8Array;
  let fixtures: Fixtures;
  let protocol: StreamlitProtocol;
  const forward = (name: string): ForwardFacts => protocol.readForward(bytes(fixtures[name]));
  const back = (name: string): BackFacts => protocol.readBack(bytes(fixtures[name]));

  beforeAll(() => {
    descriptorSet = bytes(runPython(interpreter, ["-m", "loopwright_companion.descriptors"]).trim());
    fixtures = JSON.parse(runPython(interpreter, [FIXTURE])) as Fixtures;
    protocol = createProtocol(descriptorSet, fixtures.version);
  });

  describe("the installed Streamlit's definitions", () => {
    it("come as a FileDescriptorSet with ForwardMsg, BackMsg and their imports, imports first", () => {
      const set = fromBinary(FileDescriptorSetSchema, descriptorSet);
      const names = set.file.map((file) => file.name);
      expect(names).toContain("streamlit/proto/ForwardMsg.proto");
      expect(names).toContain("streamlit/proto/BackMsg.proto");
      expect(new Set(names).size).toBe(names.length);
      for (const [index, file] of set.file.entries()) {
        for (const dependency of file.dependency) expect(names.indexOf(dependency), `${file.name} imports ${dependency}`).toBeLessThan(index);
      }
      // protoc fills json_name in the sets it writes and protobuf-es relies on it; CopyToProto does not.
      const clientState = set.file.find((file) => file.name === "streamlit/proto/ClientState.proto")?.messageType.find((message) => message.name === "ClientState");
      expect(clientState?.field.find((field) => field.name === "query_string")?.jsonName).toBe("queryString");
      expect(protocol.version).toBe(fixtures.version);
    });
  });

  describe("readForward", () => {
    it("reads a new_session: run id, session id, fragments, page and script path", () => {
      expect(forward("newSession")).toEqual({
        type: "new_session",
        scriptRunId: "run-1",
        sessionId: "session-uuid-1",
        fragmentIdsThisRun: ["fragment-a", "fragment-b"],
        pageScriptHash: "page-hash-1",
        mainScriptPath: "/home/author/app.py",
      });
      expect(forward("newSessionWithoutInitialize")).toEqual({
        type: "new_session",
        scriptRunId: "run-2",
        sessionId: null,
        fragmentIdsThisRun: [],
        pageScriptHash: "page-hash-1",
      });
    });

    it("reads a bidi_component element with JSON data, its mount arguments and where it goes", () => {
      const facts = forward("bidiJson");
      expect(facts).toMatchObject({ type: "delta", deltaPath: [0, 3], fragmentId: "fragment-a", block: false, cacheable: false });
      if (facts.type !== "delta") throw new Error("not a delta");
      expect(facts.hash).toMatch(/\S/);
      const json = '{"label": "Grüße", "count": 3}';
      expect(facts.element).toEqual({
        type: "bidi_component",
        widgetId: fixtures.componentId,
        exception: null,
        bidi: {
          id: fixtures.componentId,
          componentName: "loopwright.counter",
          json,
          dataKind: "json",
          dataSize: Buffer.byteLength(json, "utf8"),
          jsContent: "export default function (c) { c.parentElement.textContent = 'hi' }",
          jsSourcePath: "",
          htmlContent: "<div id='root'></div>",
          cssContent: ".root { color: red }",
          cssSourcePath: "",
          isolateStyles: true,
          formId: "",
        },
      });
    });

    it("tells arrow, bytes, mixed and no data apart, with their size on the wire", () => {
      const bidi = (name: string) => {
        const facts = forward(name);
        if (facts.type !== "delta" || !facts.element?.bidi) throw new Error(`${name} is not a bidi_component delta`);
        return facts.element.bidi;
      };
      // ArrowData{data: 1024 bytes}: a one-byte tag, a two-byte length, the bytes.
      expect(bidi("bidiArrow")).toMatchObject({ dataKind: "arrow", json: null, dataSize: 1 + 2 + 1024 });
      expect(bidi("bidiBytes")).toMatchObject({ dataKind: "bytes", json: null, dataSize: 5 });
      const mixed = bidi("bidiMixed");
      expect(mixed.dataKind).toBe("mixed");
      expect(JSON.parse(mixed.json ?? "null")).toEqual({ table: { __streamlit_arrow_ref__: "ref-0" } });
      expect(mixed.dataSize).toBeGreaterThan(Buffer.byteLength(mixed.json ?? ""));
      expect(bidi("bidiNone")).toMatchObject({ dataKind: "none", json: null, dataSize: 0 });
    });

    it("reads a component served from files, in a form", () => {
      const facts = forward("bidiPaths");
      if (facts.type !== "delta") throw new Error("not a delta");
      expect(facts.element?.bidi).toMatchObject({
        jsContent: "",
        htmlContent: "",
        cssContent: "",
        jsSourcePath: "index-abc123.js",
        cssSourcePath: "styles.css",
        isolateStyles: false,
        formId: "my_form",
      });
    });

    it("names a cacheable element by its hash, so a later ref_hash can be resolved", () => {
      const big = forward("bigBidi");
      expect(big).toMatchObject({ type: "delta", cacheable: true, hash: fixtures.bigBidiHash, deltaPath: [0, 3] });
      expect(forward("bigBidiRef")).toEqual({ type: "ref_hash", refHash: fixtures.bigBidiHash, deltaPath: [0, 3] });
    });

    it("reads other elements' kind and a widget's id", () => {
      expect(forward("markdown")).toMatchObject({
        type: "delta",
        deltaPath: [0, 0],
        fragmentId: "",
        block: false,
        element: { type: "markdown", bidi: null, exception: null, widgetId: null },
      });
      expect(forward("button")).toMatchObject({ deltaPath: [0, 1, 2], element: { type: "button", widgetId: fixtures.buttonId } });
    });

    it("reads an exception element", () => {
      expect(forward("exception")).toMatchObject({
        type: "delta",
        element: {
          type: "exception",
          widgetId: null,
          exception: {
            type: "ZeroDivisionError",
            message: "division by zero",
            stackTrace: ['File "/home/author/app.py", line 3, in <module>', "    1 / 0"],
          },
        },
      });
    });

    it("marks a block", () => {
      expect(forward("block")).toMatchObject({ type: "delta", deltaPath: [0, 5], element: null, block: true });
    });

    it("reads script_finished by its status name and session_status_changed", () => {
      expect(forward("finished")).toEqual({ type: "script_finished", status: "FINISHED_SUCCESSFULLY" });
      expect(forward("finishedEarly")).toEqual({ type: "script_finished", status: "FINISHED_EARLY_FOR_RERUN" });
      expect(forward("sessionStatus")).toEqual({ type: "session_status_changed", scriptIsRunning: true, runOnSave: false });
    });

    it("names any other message by its case", () => {
      expect(forward("pageInfo")).toEqual({ type: "other", which: "page_info_changed" });
      expect(protocol.readForward(new Uint8Array())).toEqual({ type: "other", which: "" });
    });

    it("says which message could not be decoded", () => {
      expect(() => protocol.readForward(new Uint8Array([0x2a, 0x10, 0x01]))).toThrow(/ForwardMsg could not be decoded/);
    });
  });

  describe("readBack", () => {
    it("reads a rerun_script: each widget's kind and value, CCv2 state and triggers included", () => {
      const facts = back("rerun");
      expect(facts).toMatchObject({ type: "rerun_script", fragmentId: "fragment-a", pageScriptHash: "page-hash-1", queryString: "a=1", isAutoRerun: false });
      if (facts.type !== "rerun_script") throw new Error("not a rerun");
      expect(facts.widgets).toEqual([
        { id: fixtures.componentId, kind: "json_value", value: { count: 3, label: "x" } },
        { id: fixtures.eventsId, kind: "json_trigger_value", value: [{ event: "clicked", value: 3 }] },
        { id: fixtures.buttonId, kind: "trigger_value", value: true },
        { id: "$$ID-1-text", kind: "string_value", value: "typed" },
        { id: "$$ID-2-small", kind: "int_value", value: 42 },
        { id: "$$ID-3-huge", kind: "int_value", value: String(2n ** 60n) },
        { id: "$$ID-4-double", kind: "double_value", value: 0.5 },
        { id: "$$ID-5-bool", kind: "bool_value", value: true },
        { id: "$$ID-6-strings", kind: "string_array_value", value: ["a", "b"] },
        { id: "$$ID-7-ints", kind: "int_array_value", value: [1, 2] },
        { id: "$$ID-8-bytes", kind: "bytes_value", value: { byteLength: 3 } },
        { id: "$$ID-9-string-trigger", kind: "string_trigger_value", value: "sent" },
        { id: "$$ID-10-chat", kind: "chat_input_value", value: { data: "hello" } },
        { id: "$$ID-11-bad-json", kind: "json_value", value: "{not json" },
      ]);
    });

    it("reads stop_script and names other messages", () => {
      expect(back("stop")).toEqual({ type: "stop_script" });
      expect(back("heartbeat")).toEqual({ type: "other", which: "app_heartbeat" });
    });
  });

  describe("messages Loopwright sends", () => {
    it("stopScript is the frontend's Stop", () => {
      expect(protocol.readBack(protocol.stopScript())).toEqual({ type: "stop_script" });
      expect(Buffer.from(protocol.stopScript()).toString("base64")).toBe(fixtures.stop);
    });

    it("rerunFrom keeps the widget states and drops every trigger and the fragment", () => {
      const rerun = protocol.rerunFrom(bytes(fixtures.rerun));
      const facts = protocol.readBack(rerun);
      expect(facts).toMatchObject({ type: "rerun_script", fragmentId: "", pageScriptHash: "page-hash-1", queryString: "a=1", isAutoRerun: false });
      if (facts.type !== "rerun_script") throw new Error("not a rerun");
      expect(facts.widgets.map((widget) => widget.kind)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/trigger|chat_input/)]),
      );
      expect(facts.widgets.map((widget) => widget.id)).toEqual([
        fixtures.componentId,
        "$$ID-1-text",
        "$$ID-2-small",
        "$$ID-3-huge",
        "$$ID-4-double",
        "$$ID-5-bool",
        "$$ID-6-strings",
        "$$ID-7-ints",
        "$$ID-8-bytes",
        "$$ID-11-bad-json",
      ]);
      expect(facts.widgets[0]).toEqual({ id: fixtures.componentId, kind: "json_value", value: { count: 3, label: "x" } });

      // What readBack does not show: the browser's context is kept, its cache hashes are not.
      const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet));
      const backMsg = registry.getMessage("BackMsg");
      if (!backMsg) throw new Error("no BackMsg");
      const decoded = toJson(backMsg, fromBinary(backMsg, rerun)) as { rerunScript: Record<string, unknown> };
      expect(decoded.rerunScript.contextInfo).toEqual({ timezone: "Europe/Berlin" });
      expect(decoded.rerunScript.cachedMessageHashes).toBeUndefined();
    });

    it("rerunFrom(null) asks for a rerun with an empty client state", () => {
      expect(protocol.readBack(protocol.rerunFrom(null))).toEqual({
        type: "rerun_script",
        widgets: [],
        fragmentId: "",
        pageScriptHash: "",
        queryString: "",
        isAutoRerun: false,
      });
    });

    it("rerunFrom refuses a BackMsg that is not a rerun", () => {
      expect(() => protocol.rerunFrom(bytes(fixtures.stop))).toThrow(/rerun_script/);
    });
  });

  describe("definitions that lack what Loopwright needs", () => {
    it("a Streamlit without BidiComponent gets a message naming the version and CCv2", () => {
      const attempt = () => createProtocol(bytes(fixtures.descriptorsWithoutBidi), "1.50.0");
      expect(attempt).toThrow(ProtocolError);
      expect(attempt).toThrow(/^Streamlit 1\.50\.0's protocol has no BidiComponent element \(custom components v2 arrived in 1\.51\): .*bidi_component/);
    });

    it("a missing field is named with its message", () => {
      expect(() => createProtocol(bytes(fixtures.descriptorsWithoutJsonTrigger), "1.52.0")).toThrow(
        new ProtocolError("Streamlit 1.52.0's protocol has no field WidgetState.json_trigger_value, which Loopwright reads."),
      );
    });

    it("definitions without ForwardMsg, or no definitions at all, are a ProtocolError too", () => {
      const empty = toBinary(FileDescriptorSetSchema, create(FileDescriptorSetSchema));
      expect(() => createProtocol(empty, "1.64.0")).toThrow(/Streamlit 1\.64\.0's protocol definitions have no message ForwardMsg/);
      expect(() => createProtocol(new Uint8Array([0xff, 0xff, 0xff]), "1.64.0")).toThrow(ProtocolError);
    });
  });
}
