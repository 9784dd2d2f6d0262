// Copies GOV.UK Frontend's JavaScript and our own scripts into static_build/, which Django's
// collectstatic picks up. GOV.UK's fonts, crown, crest and icons are not copied: they belong
// to GOV.UK alone.
import { cpSync, mkdirSync } from "node:fs";

mkdirSync("static_build/js", { recursive: true });
cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "static_build/js/govuk-frontend.min.js");
for (const script of ["app.mjs", "shortlist.mjs", "print.mjs"]) {
  cpSync(`frontend/js/${script}`, `static_build/js/${script}`);
}
