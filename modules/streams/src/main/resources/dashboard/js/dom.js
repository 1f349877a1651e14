// DOM building without innerHTML: every value reaches the page as a text node or an attribute,
// so nothing the API returns can turn into markup or script.

/** An element with attributes (set with setAttribute) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** A table cell; numbers are right-aligned. */
export function cell(value, className = '') {
  const numeric = typeof value === 'number';
  return el('td', {class: [className, numeric ? 'num' : ''].join(' ').trim() || null}, value ?? '–');
}

export function setText(id, text) {
  document.getElementById(id).textContent = text ?? '';
}

/** Shows a message in the element, or hides it when the message is empty. */
export function showMessage(id, message) {
  const element = document.getElementById(id);
  element.textContent = message || '';
  element.hidden = !message;
}

/** "2026-03-01T12:00:00.250Z" as "2026-03-01 12:00:00Z"; the full value stays in the title. */
export function time(iso) {
  if (!iso) {
    return '–';
  }
  return String(iso).replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/**
 * Brings a table body to the rows given (each with a unique data-key), keeping the rows and cells
 * already there and changing only what differs: a row that stays under the pointer stays clickable,
 * and a busy cluster does not make the page flicker.
 */
export function patchRows(tbody, rows) {
  const existing = new Map([...tbody.children].map(tr => [tr.dataset.key, tr]));
  let previous = null;
  for (const row of rows) {
    let tr = existing.get(row.dataset.key);
    if (tr) {
      existing.delete(row.dataset.key);
      patchRow(tr, row);
    } else {
      tr = row;
    }
    const expected = previous ? previous.nextElementSibling : tbody.firstElementChild;
    if (tr !== expected) {
      tbody.insertBefore(tr, expected);
    }
    previous = tr;
  }
  existing.forEach(tr => tr.remove());
}

function patchRow(target, source) {
  copyAttributes(target, source);
  const cells = [...source.children];
  if (target.children.length !== cells.length) {
    target.replaceChildren(...cells);
    return;
  }
  cells.forEach((cell, i) => {
    const old = target.children[i];
    if (cell.childElementCount === 0 && old.childElementCount === 0) {
      copyAttributes(old, cell);
      if (old.textContent !== cell.textContent) {
        old.textContent = cell.textContent;
      }
    } else if (!old.isEqualNode(cell)) {
      old.replaceWith(cell);
    }
  });
}

function copyAttributes(target, source) {
  for (const {name} of [...target.attributes]) {
    if (!source.hasAttribute(name)) {
      target.removeAttribute(name);
    }
  }
  for (const {name, value} of [...source.attributes]) {
    if (target.getAttribute(name) !== value) {
      target.setAttribute(name, value);
    }
  }
}
