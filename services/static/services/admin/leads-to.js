/*
 * The eligibility check's editor: 'Leads to' is a list of the check's questions and results.
 *
 * Each answer's 'Leads to' text field (data-controller="lo-leads-to", services/blocks.py) gets a
 * <select> beside it listing every question and result in the form as it is now; the field
 * itself is hidden and keeps the chosen short name, which is what is saved and checked on the
 * server (CheckerPage.clean). The list is rebuilt whenever the editor opens it and whenever a
 * question or heading changes, so new questions and results appear at once.
 *
 * Short names are filled in from the words: a question's from the question, a result's from its
 * heading, an answer's from its label, while the short name is empty or was filled in here.
 */
(() => {
  const slugify = (text) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9\s-]/g, '')
      .trim()
      .replace(/[\s-]+/g, '-')
      .slice(0, 40)
      .replace(/-+$/, '');

  // name suffix of the words -> name suffix of the short name filled from them
  const SOURCES = { '-value-question': '-value-slug', '-value-heading': '-value-slug', '-value-label': '-value-value' };

  const isDeleted = (input) => {
    // A StreamField or list item removed in the editor keeps its inputs, marked deleted.
    const match = input.name.match(/^(.*?-\d+)-value-/);
    const deleted = match && document.querySelector(`input[name="${match[1]}-deleted"]`);
    return Boolean(deleted && deleted.value === '1');
  };

  const targets = () => {
    const options = [];
    for (const [stream, kind, wordsField] of [
      ['questions', 'Question', 'question'],
      ['results', 'Result', 'heading'],
    ]) {
      document.querySelectorAll(`input[name^="${stream}-"][name$="-value-slug"]`).forEach((input) => {
        if (!/^\w+-\d+-value-slug$/.test(input.name) || isDeleted(input)) return;
        const words = document.querySelector(`[name="${input.name.replace(/-value-slug$/, `-value-${wordsField}`)}"]`);
        const value = input.value.trim();
        if (value) options.push({ value, text: `${kind}: ${(words && words.value.trim()) || value} (${value})` });
      });
    }
    return options;
  };

  const fill = (select, input) => {
    const current = input.value.trim();
    const options = targets();
    select.replaceChildren();
    select.append(new Option('Choose a question or result', ''));
    let found = false;
    for (const { value, text } of options) {
      const option = new Option(text, value, false, value === current);
      found = found || value === current;
      select.append(option);
    }
    if (current && !found) {
      // Kept so nothing is lost; saving is refused until it names a question or result.
      select.append(new Option(`Not in this check: ${current}`, current, false, true));
    }
    select.value = current;
  };

  const refreshAll = () => {
    document.querySelectorAll('select[data-lo-leads-to-list]').forEach((select) => {
      const input = document.getElementById(select.dataset.loLeadsToList);
      if (input) fill(select, input);
    });
  };

  const enhance = (input) => {
    if (input.dataset.loLeadsToReady) return;
    input.dataset.loLeadsToReady = 'true';
    const select = document.createElement('select');
    select.id = `${input.id}-list`;
    select.dataset.loLeadsToList = input.id;
    const label = input.id && document.querySelector(`label[for="${input.id}"]`);
    if (label) label.htmlFor = select.id;
    const describedBy = input.getAttribute('aria-describedby');
    if (describedBy) select.setAttribute('aria-describedby', describedBy);
    input.type = 'hidden';
    input.after(select);
    fill(select, input);
    select.addEventListener('focus', () => fill(select, input));
    select.addEventListener('mousedown', () => fill(select, input));
    select.addEventListener('change', () => {
      input.value = select.value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };

  // Short names from the words, while empty or filled in by us.
  document.addEventListener('input', (event) => {
    const source = event.target;
    if (!(source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement) || !source.name) return;
    for (const [from, to] of Object.entries(SOURCES)) {
      if (!source.name.endsWith(from)) continue;
      const target = document.querySelector(`input[name="${source.name.slice(0, -from.length)}${to}"]`);
      if (target && (!target.value || target.dataset.loAutoFilled === 'true')) {
        target.value = slugify(source.value);
        target.dataset.loAutoFilled = 'true';
      }
    }
    if (/-value-(slug|value)$/.test(source.name)) source.dataset.loAutoFilled = 'false';
    if (/-value-(question|heading|slug)$/.test(source.name)) refreshAll();
  });

  const scan = (root) => {
    root.querySelectorAll('input[data-controller~="lo-leads-to"]').forEach(enhance);
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        if (node.matches('input[data-controller~="lo-leads-to"]')) enhance(node);
        else scan(node);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => scan(document));
  scan(document);
})();
