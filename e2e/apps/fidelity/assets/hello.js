// Loaded by assets.ts through a one-line path (`js: "./assets/hello.js"`).
export default function ({ parentElement, name }) {
  parentElement.querySelector(".out").textContent = `Loaded from hello.js for ${name}`;
}
