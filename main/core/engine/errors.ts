/**
 * Streamlit's exception types, by name, so the exception box reads like Streamlit's
 * (`StreamlitAPIException: …`). Messages follow 1.64.0's wording where docs/semantics.md gives it.
 */
export class StreamlitError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const make = (name: string) => (message: string) => new StreamlitError(name, message);

/** Names a StreamlitError may carry that are Python's built-in exceptions, not Streamlit's classes. */
const BUILTINS = new Set(["TypeError", "KeyError", "AttributeError", "FileNotFoundError", "ValueError"]);
/** Streamlit classes outside streamlit.errors, by the module that defines them in 1.64.0. */
const MODULES: Record<string, string> = {
  UnhashableParamError: "streamlit.runtime.caching.cache_errors",
  UnserializableReturnValueError: "streamlit.runtime.caching.cache_errors",
};
/** streamlit.errors classes that are not MarkdownFormattedException (their messages are plain text). */
const PLAIN = new Set(["StreamlitComponentRegistryError"]);

/**
 * How Streamlit's exception box names and formats an uncaught `error`: its own classes by their
 * module-qualified name with a Markdown message; Python's built-ins (and any author error) as is.
 */
export function pythonClassOf(error: Error): { module?: string; messageIsMarkdown?: boolean } {
  if (!(error instanceof StreamlitError) || BUILTINS.has(error.name)) return {};
  return { module: MODULES[error.name] ?? "streamlit.errors", messageIsMarkdown: !PLAIN.has(error.name) };
}

export const StreamlitAPIException = make("StreamlitAPIException");
export const KeyError = make("KeyError");
export const AttributeError = make("AttributeError");

export function duplicateKey(key: string): StreamlitError {
  return new StreamlitError(
    "StreamlitDuplicateElementKey",
    `There are multiple elements with the same \`key='${key}'\`. To fix this, please make sure that the \`key\` argument is unique for each element you create.`,
  );
}

export function duplicateId(elementType: string): StreamlitError {
  return new StreamlitError(
    "StreamlitDuplicateElementId",
    `There are multiple \`${elementType}\` elements with the same auto-generated ID. When this element is created, it is assigned an internal ID based on the element type and provided parameters. Multiple elements with the same type and parameters will cause this error.\n\nTo fix this error, please pass a unique \`key\` argument to the \`${elementType}\` element.`,
  );
}

export function modifiedAfterComponent(key: string, name: string): StreamlitError {
  return StreamlitAPIException(
    `\`st.session_state.${key}.${name}\` cannot be modified after the component with key \`${key}\` is instantiated.`,
  );
}

export function widgetAlreadyInstantiated(key: string): StreamlitError {
  return new StreamlitError(
    "StreamlitWidgetAlreadyInstantiatedError",
    `\`st.session_state.${key}\` cannot be modified after the widget with key \`${key}\` is instantiated.`,
  );
}

export function valueAssignmentNotAllowed(key: string): StreamlitError {
  return new StreamlitError(
    "StreamlitValueAssignmentNotAllowedError",
    `Values for the widget with \`key\` '${key}' cannot be set using \`st.session_state\`.`,
  );
}

export function missingSessionKey(key: string): StreamlitError {
  return KeyError(
    `st.session_state has no key "${key}". Did you forget to initialize it? More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization`,
  );
}

/** Thrown inside the script to end the run early; never shown to the user. */
export class ControlSignal extends Error {
  constructor(readonly kind: "rerun" | "stop" | "interrupted") {
    super(`loopwright:${kind}`);
  }
}
