// The console's shell: sign in with an API key, a top bar (pages for the key's roles, language, sign out),
// and the page the location's hash names.
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, lang, setLanguage, useLabels} from './i18n.js';
import {rulesPage} from './rules.js';
import {reviewPage, pendingRequests} from './review.js';
import {baseDashboardsPage, dashboardsPage} from './dashboards.js';
import {customersPage} from './customers.js';
import {dataPage} from './data.js';
import {callsPage} from './calls.js';
import {failure} from './ui.js';

const PAGES = {
  dashboards: {title: 'nav.dashboards', roles: ['ANALYST', 'SERVICE', 'VIEWER'], render: dashboardsPage},
  base: {title: 'nav.base', roles: ['ANALYST', 'SERVICE', 'VIEWER'], render: baseDashboardsPage},
  calls: {title: 'nav.calls', roles: ['ANALYST', 'INTEGRATION', 'SERVICE'], render: callsPage},
  customers: {title: 'nav.customers', roles: ['ANALYST', 'INTEGRATION', 'SERVICE'], render: customersPage},
  rules: {title: 'nav.rules', roles: ['ANALYST'], render: rulesPage},
  review: {title: 'nav.review', roles: ['ANALYST', 'APPROVER'], render: reviewPage},
  data: {title: 'nav.data', roles: ['ANALYST', 'INTEGRATION'], render: dataPage},
};

let caller = null;

function page() {
  return document.getElementById('page');
}

async function whoAmI() {
  if (!api.key()) return null;
  try {
    const me = await api.get('/me');
    // the labels of every value (tiers, churn, tasks …) in both languages: one list, the service's
    useLabels(await api.get('/labels').catch(() => []));
    return me;
  } catch (e) {
    if (e.status === 401) api.signOut();
    return null;
  }
}

function topBar() {
  const header = document.getElementById('top');
  // how many publish requests wait, for those who may decide them: filled in when the service has answered
  const pending = el('a', {href: '#/review', id: 'pending-requests', class: 'pending', hidden: true});
  if (caller) {
    pendingRequests(caller).then(count => {
      if (count) {
        pending.textContent = t('review.pending').replace('{n}', count);
        pending.hidden = false;
      }
    });
  }
  const allowed = Object.entries(PAGES).filter(([, p]) => caller && p.roles.some(r => caller.roles.includes(r)));
  show(header,
    el('span', {class: 'brand'}, t('app.title')),
    el('nav', {}, allowed.map(([name, p]) => el('a', {href: '#/' + name, id: 'nav-' + name}, t(p.title)))),
    pending,
    el('span', {class: 'spacer'}),
    storeChoice(),
    caller ? el('span', {class: 'who', id: 'who'}, t('signedInAs') + ': ' + caller.name + ' (' +
      caller.roles.map(r => t('role.' + r)).join(', ') + ')') : null,
    el('button', {id: 'language', class: 'link', onclick: () => { setLanguage(lang() === 'en' ? 'zh' : 'en'); render(); }},
      t('language')),
    caller ? el('button', {id: 'sign-out', class: 'link', onclick: () => { api.signOut(); caller = null; render(); }},
      t('nav.signOut')) : null);
}

/** A group's store picker: every page then shows the chosen store's data (a key of one store has nothing to pick). */
function storeChoice() {
  const stores = caller && caller.stores ? caller.stores : [];
  if (stores.length < 2) return null;
  const select = el('select', {id: 'store-choice', 'aria-label': t('store.choice'), onchange: () => {
    api.chooseStore(select.value);
    render();
  }}, el('option', {value: ''}, caller.group ? t('store.all') : t('store.mine')),
  stores.map(store => el('option', {value: store.code, selected: store.code === api.store()}, store.code + ' ' + store.name)));
  return select;
}

function signInPage() {
  const input = el('input', {id: 'api-key', type: 'password', autocomplete: 'off', required: true});
  const message = el('p', {class: 'error', id: 'sign-in-error', role: 'alert'});
  const form = el('form', {id: 'sign-in', class: 'card narrow', onsubmit: async event => {
    event.preventDefault();
    api.signIn(input.value.trim());
    caller = await whoAmI();
    if (caller) {
      render();
    } else {
      show(message, t('signIn.refused'));
    }
  }},
  el('h1', {}, t('signIn.title')),
  el('label', {for: 'api-key'}, t('signIn.key')), input,
  el('button', {type: 'submit', class: 'primary'}, t('signIn.submit')),
  el('p', {class: 'help'}, t('signIn.help')), message);
  show(page(), form);
  input.focus();
}

async function render() {
  topBar();
  if (!caller) {
    signInPage();
    return;
  }
  const allowed = Object.entries(PAGES).filter(([, p]) => p.roles.some(r => caller.roles.includes(r)));
  // #/page or #/page/argument (a customer id, for instance)
  const [wanted, ...rest] = location.hash.replace(/^#\//, '').split('/');
  const argument = rest.length ? decodeURIComponent(rest.join('/')) : null;
  const [name, definition] = allowed.find(([n]) => n === wanted) || allowed[0] || [];
  document.title = t('app.title');
  if (!definition) {
    show(page(), el('p', {class: 'card', id: 'nothing'}, t('rules.notAllowed')));
    return;
  }
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('current', a.id === 'nav-' + name));
  // each render draws into a container of its own: a page still loading when another is chosen draws into
  // its container, which is no longer shown, instead of over the new page
  const container = el('div', {class: 'page', id: 'page-' + name}, el('p', {class: 'loading'}, '…'));
  show(page(), container);
  try {
    await definition.render(container, caller, argument);
  } catch (error) {
    show(container, failure(error));
  }
}

window.addEventListener('hashchange', render);
caller = await whoAmI();
render();
