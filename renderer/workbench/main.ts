import { createPinia } from "pinia";
import { createApp } from "vue";
import App from "./App.vue";
import { connectHost } from "./bridge/connect";
import { HOST_CLIENT } from "./bridge/host-client";
import { syncWithHost } from "./sync";
import { installTestHook } from "./testHook";
import "./styles.css";

const host = connectHost(window);
const pinia = createPinia();
const app = createApp(App).use(pinia).provide(HOST_CLIENT, host);

// Subscribe before the first paint so no event from the host slips past the stores.
app.runWithContext(() => syncWithHost(host));
installTestHook(window, pinia);
app.mount("#app");
