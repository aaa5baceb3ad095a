// Pieces several pages use.
import {el} from './dom.js';
import {t} from './i18n.js';

/** An error answer (an RFC 9457 problem) as a card: what went wrong, and each problem with its path. */
export function failure(error) {
  const body = error && error.body ? error.body : {};
  return el('div', {class: 'card error-card', role: 'alert'},
    el('h2', {}, t('error.title') + (error && error.status ? ' (' + error.status + ')' : '')),
    el('p', {}, body.detail || String(error && error.message ? error.message : error)),
    body.errors ? el('ul', {class: 'problems'}, body.errors.map(e => el('li', {},
      e.path ? el('code', {class: 'path'}, e.path) : null, e.path ? ' ' : null, e.message))) : null);
}

/** A table from rows: columns [{title, value: row => text or node}]. */
export function table(columns, rows, attributes = {}) {
  return el('table', attributes,
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, c.title)))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => el('td', {}, c.value(row)))))));
}
