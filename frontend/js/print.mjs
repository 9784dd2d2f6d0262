// Every page prints in full (frontend/scss/print.scss): expandable sections (<details>) are opened
// before printing and closed again afterwards, so the printout has what they hide, and each link's
// full address (https://...) is given to the stylesheet, which writes it after the link.
const opened = [];

window.addEventListener("beforeprint", () => {
  document.querySelectorAll("main a[href]").forEach((link) => {
    link.dataset.printHref = link.href;
  });
  document.querySelectorAll("details:not([open])").forEach((details) => {
    details.open = true;
    opened.push(details);
  });
});

window.addEventListener("afterprint", () => {
  opened.splice(0).forEach((details) => {
    details.open = false;
  });
});
