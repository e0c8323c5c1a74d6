import { defineStore } from "pinia";
import { inject, shallowRef } from "vue";
import type { EditResult, SessionStateEdit, SessionStateSnapshot } from "../../../common";
import { HOST_CLIENT } from "../bridge/host-client";

/**
 * A read-only mirror of the host's session state. The host owns the values: an edit goes to the
 * host and comes back as the next snapshot, so the panel never shows a value the script has not.
 */
export const useSessionStateStore = defineStore("sessionState", () => {
  const host = inject(HOST_CLIENT)!;
  const snapshot = shallowRef<SessionStateSnapshot>({ runId: 0, entries: [] });

  function apply(next: SessionStateSnapshot): void {
    snapshot.value = next;
  }

  /** Resolves with the host's verdict; transport failures become a failed result too. */
  async function edit(change: SessionStateEdit): Promise<EditResult> {
    try {
      return await host.editSessionState(change);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  return { snapshot, apply, edit };
});
