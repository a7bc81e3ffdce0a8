// Studio progressive enhancement: everything here also works without JavaScript, through the forms'
// own buttons. With it: live preview while typing, jump to an error's line, insert an image at the
// cursor, suggested addresses, and a warning before leaving unsaved text.
import { slugify } from './slugify.js';

(() => {
  // Suggested address: follows the title until the person types an address of their own.
  for (const form of document.querySelectorAll('form[data-slug-from]')) {
    const title = form.querySelector('[name="title"]');
    const slug = form.querySelector('[name="slug"]');
    if (!title || !slug) continue;
    let touched = slug.value !== '' && slug.value !== slugify(title.value);
    slug.addEventListener('input', () => {
      touched = slug.value !== '';
    });
    title.addEventListener('input', () => {
      if (!touched) slug.value = slugify(title.value);
    });
  }

  const form = document.querySelector('form.studio-editor');
  const source = document.getElementById('source');
  if (!form || !source) return;
  const csrf = form.querySelector('[name="_csrf"]').value;
  const position = document.getElementById('source-position');
  // After a preview or a refused save the text on screen is not the saved one: warn from the start.
  const saved = form.dataset.unsaved === 'true' ? null : source.value;
  let submitting = false;

  const lineStart = (text, line) => {
    let offset = 0;
    for (let i = 1; i < line; i++) {
      const next = text.indexOf('\n', offset);
      if (next === -1) return text.length;
      offset = next + 1;
    }
    return offset;
  };

  const showPosition = () => {
    if (!position) return;
    const line = source.value.slice(0, source.selectionStart).split('\n').length;
    position.textContent = `Curseur : ligne ${line}`;
  };
  source.addEventListener('keyup', showPosition);
  source.addEventListener('click', showPosition);

  // An error's "Ligne N" link selects that line in the text.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-line]');
    if (!link) return;
    event.preventDefault();
    const line = Number(link.dataset.line);
    const start = lineStart(source.value, line);
    const end = source.value.indexOf('\n', start);
    source.focus();
    source.setSelectionRange(start, end === -1 ? source.value.length : end);
    // Bring the selected line into view: roughly, by its share of the text.
    const lines = source.value.split('\n').length;
    source.scrollTop = Math.max(0, ((line - 3) / lines) * source.scrollHeight);
    showPosition();
  });

  let sequence = 0;
  let timer;
  const refresh = async () => {
    const mine = ++sequence;
    const body = new URLSearchParams({ _csrf: csrf, source: source.value });
    try {
      const response = await fetch(form.dataset.previewUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
        body,
        credentials: 'same-origin',
      });
      if (!response.ok || mine !== sequence) return;
      const template = document.createElement('template');
      template.innerHTML = await response.text();
      for (const id of ['studio-issues', 'studio-preview']) {
        const fresh = template.content.getElementById(id);
        const current = document.getElementById(id);
        if (fresh && current) current.replaceWith(fresh);
      }
    } catch {
      // Offline or server restarting: the "Prévisualiser" button still works.
    }
  };
  source.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  });

  // Insert the image where the cursor is, instead of at the end (the server's behaviour without JS).
  const insert = form.querySelector('button[value="insert-image"]');
  if (insert) {
    insert.addEventListener('click', (event) => {
      const image = form.querySelector('[name="image"]');
      const alt = form.querySelector('[name="alt"]');
      const description = alt.value.trim().replace(/[[\]\n]/g, ' ');
      if (!image || !description) return;
      event.preventDefault();
      const markdown = `![${description}](${image.value})`;
      const start = source.selectionStart;
      const before = source.value.slice(0, start);
      const after = source.value.slice(source.selectionEnd);
      const prefix = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
      source.value = `${before}${prefix}${markdown}\n\n${after.replace(/^\n+/, '')}`;
      const caret = before.length + prefix.length + markdown.length;
      source.focus();
      source.setSelectionRange(caret, caret);
      alt.value = '';
      refresh();
    });
  }

  form.addEventListener('submit', () => {
    submitting = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (!submitting && source.value !== saved) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
