// 균형 "PDF로 저장": opens the browser's print dialog (window.print()), where "Save as PDF" writes the page
// as laid out for paper (app.py BASE_CSS and ui/briefsheet.py: no sidebar, no widgets, A4). Drawn in the
// page by st.components.v2 (no iframe), so the whole app window is what prints. Sends nothing to Python.
export default function (component) {
  const { data, parentElement } = component;
  if (!data) return;
  let button = parentElement.querySelector("button.bal-print-btn");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "bal-print-btn";
    parentElement.appendChild(button);
  }
  button.textContent = data.label;
  button.title = data.help;
  button.onclick = () => window.print();
}
