import type { LoopwrightConfig } from "loopwright";

// `loopwright serve examples/template-ts`: the component from its sources, or from its build output.
export default {
  scenarios: {
    sources: "./app.sources.ts",
    build: "./app.ts",
  },
} satisfies LoopwrightConfig;
