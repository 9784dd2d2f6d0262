// Progressive enhancement only: every page works without this file.
// GOV.UK Frontend's components look for these classes on <body>. Its templates set them with
// an inline script, which our Content-Security-Policy forbids, so this module sets them: a
// browser that runs a module script supports GOV.UK Frontend.
import { initAll } from "./govuk-frontend.min.js";
import "./shortlist.mjs";
import "./print.mjs";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
