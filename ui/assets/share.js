// 균형 "링크 복사": copies the page's full address (location.href: path and every view parameter) to the
// clipboard. Drawn in the page by st.components.v2 (no iframe), so location is the app's own address.
// The Clipboard API needs a secure context (https or localhost); elsewhere a selected, off-screen
// textarea and document.execCommand("copy") do it. The label says "복사됨"/"Copied" for a while after.
const SHOW_MS = 2500;
const NS = "http://www.w3.org/2000/svg";
const LINK = "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2";
const CHECK = "M5 12.5l4.5 4.5L19 7.5";

function icon(d) {
  // drawn, not an emoji: the same on every system, whatever its fonts
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "bal-share-icon");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", d);
  svg.appendChild(path);
  return svg;
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise((resolve, reject) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (ok) resolve(); else reject(new Error("copy refused"));
  });
}

export default function (component) {
  const { data, parentElement } = component;
  if (!data) return;
  let box = parentElement.querySelector(".bal-share");
  if (!box) {
    box = document.createElement("div");
    box.className = "bal-share";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "bal-share-btn";
    const status = document.createElement("span");
    status.className = "bal-share-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.append(button, status);
    parentElement.appendChild(box);
  }
  const button = box.querySelector("button");
  const status = box.querySelector(".bal-share-status");
  const say = (text, state) => {
    button.replaceChildren(icon(state === "copied" ? CHECK : LINK), document.createTextNode(text));
    button.dataset.state = state;
    status.textContent = state === "idle" ? "" : text;
  };
  const idle = () => say(data.label, "idle");
  button.title = data.help;
  if (button.dataset.state !== "copied") idle();
  button.onclick = () => {
    copyText(window.location.href).then(() => say(data.copied, "copied"), () => say(data.failed, "failed"));
    clearTimeout(box.__timer);
    box.__timer = setTimeout(idle, SHOW_MS);
  };
}
