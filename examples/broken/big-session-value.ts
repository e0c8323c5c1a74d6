import type { St } from "loopwright";

// Heavy on purpose: "Load catalogue" keeps a 24 MB catalogue (240,000 products keyed by SKU) in
// session state next to a small counter, as an app that caches a whole download would. The Session State panel shows
// the catalogue collapsed with its size (copy or save it from there); editing `clicks` or the
// catalogue, rerunning and reloading the page stay as quick as with a small value.
const PRODUCTS = 240_000;

function catalogue(): Record<string, { name: string; price: number; tags: string[]; stock: number }> {
  const products: Record<string, { name: string; price: number; tags: string[]; stock: number }> = {};
  for (let i = 0; i < PRODUCTS; i++) {
    const sku = `SKU-${String(i).padStart(6, "0")}`;
    products[sku] = { name: `Product number ${i}`, price: Math.round((i % 997) * 1.37 * 100) / 100, tags: ["catalogue", `shelf-${i % 40}`], stock: i % 13 };
  }
  return products;
}

export default function app(st: St) {
  if (!st.session_state.has("clicks")) st.session_state.clicks = 0;
  st.title("A big session-state value");
  if (st.button("Load catalogue")) st.session_state.catalogue = catalogue();
  if (st.button("Click")) st.session_state.clicks += 1;
  const products = Object.keys(st.session_state.get("catalogue", {})).length;
  st.write(`${products} products, ${st.session_state.clicks} clicks`);
}
