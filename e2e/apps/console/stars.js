// A component whose click handler logs and then throws: the Log attributes both to the instance.
export default function ({ parentElement, data }) {
  console.log("stars mounted with", data.stars);
  const button = parentElement.querySelector("button");
  button.onclick = () => {
    console.warn("clicked", data.stars);
    throw new Error("stars broke on click");
  };
}
