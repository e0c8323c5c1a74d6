// The component's frontend, as Streamlit mounts a CCv2 component: called on every rerun with the
// instance's element, its `data` and the setters that send values back to the script.
/** @param {{ parentElement: HTMLElement, data: { label: string }, setStateValue: (name: string, value: unknown) => void }} component */
export default function counter({ parentElement, data, setStateValue }) {
  const button = parentElement.querySelector("button");
  let count = Number(button.dataset.count ?? 0);
  button.textContent = `${data.label}: ${count}`;
  button.onclick = () => {
    count += 1;
    button.dataset.count = String(count);
    button.textContent = `${data.label}: ${count}`;
    setStateValue("count", count);
  };
}
