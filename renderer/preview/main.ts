import { PREVIEW_HELLO, PREVIEW_PORT, type FromPreview, type ToPreview } from "../../common";
import { blobModuleLoader } from "./component/loader";
import { isRerunHotkey } from "../shared/hotkeys";
import { createPreview } from "./preview";
import { installStorageStandIns } from "./storage/install";
import "./styles/app.css";
import "./styles/widgets.css";
import "./styles/blocks.css";
import "./styles/st-functions.css";

// First, before any author code can run: the sandboxed frame's own storage throws SecurityError.
const storage = installStorageStandIns();

let port: MessagePort | null = null;
const send = (message: FromPreview) => port?.postMessage(message);

const preview = createPreview({ root: document.getElementById("app")!, send, loadModule: blobModuleLoader, storage });

// The frame's origin is opaque ("null"), so the sender's window is the only thing worth checking.
window.addEventListener("message", (event) => {
  if (event.source !== window.parent || event.data?.type !== PREVIEW_PORT || !event.ports[0]) return;
  port?.close();
  port = event.ports[0];
  port.onmessage = (message: MessageEvent<ToPreview>) => preview.handle(message.data);
});

// Component console lines, and errors thrown later in event handlers (they escape Streamlit too),
// go to the workbench's Log, attributed to their instance.
preview.authorConsole.install(window);

// Streamlit's R works anywhere on the app page; the workbench owns reruns, so forward it.
window.addEventListener("keydown", (event) => {
  if (!isRerunHotkey(event)) return;
  event.preventDefault();
  send({ type: "hotkey", key: "r" });
});

window.parent.postMessage({ type: PREVIEW_HELLO }, "*");
