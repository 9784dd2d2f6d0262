// 'Add to my shortlist' in place (home/shortlist_views.py). Without this script the form posts and
// the shortlist page says what was added; with it, the same POST goes by fetch, the button
// changes to 'Remove from my shortlist' and the live region beside it says what happened.
// The page itself is cached and the same for everyone, so the script marks what is already on the
// list from the `shortlist` cookie (ids only, like "page-12.contact-3").

const ADD = "/shortlist/add/";
const REMOVE = "/shortlist/remove/";

function savedTokens() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("shortlist="));
  return cookie ? decodeURIComponent(cookie.slice("shortlist=".length)).replace(/"/g, "").split(".") : [];
}

function show(form, added) {
  form.action = added ? REMOVE : ADD;
  form.querySelector("button").textContent = added ? "Remove from my shortlist" : "Add to my shortlist";
}

function enhance(form) {
  const status = form.parentElement.querySelector("[data-shortlist-status]");
  show(form, savedTokens().includes(form.dataset.token));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const adding = new URL(form.action, location.href).pathname === ADD;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const answer = await response.json();
      if (!response.ok) {
        status.textContent = answer.error || "Sorry, your shortlist was not changed.";
        return;
      }
      show(form, adding);
      status.textContent = adding
        ? answer.message
        : `‘${form.dataset.title}’ has been removed from your shortlist.`;
    } catch {
      form.submit(); // no network answer we can use: post the form the ordinary way
    }
  });
}

document.querySelectorAll("form[data-shortlist-form]").forEach(enhance);

// The shortlist page's 'Print this list' button: only with JavaScript, which can open the print dialog.
document.querySelectorAll("[data-print-button]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
