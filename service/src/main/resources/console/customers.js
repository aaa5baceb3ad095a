// Customers: search by id, name, phone or VIN; a customer's vehicles, visit timeline and leads; the
// classification as of any date, its reasons grouped by topic (not in firing order).
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, label, number} from './i18n.js';
import {failure, table} from './ui.js';

/** The topics reasons are grouped under, in this order; a rule file's name is its topic. */
const TOPICS = ['followups', 'tiers', 'churn', 'loyalty', 'grade', 'lifecycle', 'defeat', 'window'];

export async function customersPage(root, caller, id) {
  const results = el('div', {id: 'customer-results'});
  const detail = el('div', {id: 'customer-detail'});
  const input = el('input', {type: 'search', id: 'customer-query', maxlength: 64, placeholder: t('customers.search')});
  const form = el('form', {class: 'card actions', id: 'customer-search', onsubmit: async event => {
    event.preventDefault();
    if (!input.value.trim()) return;
    show(detail);
    try {
      const found = await api.get('/customers?q=' + encodeURIComponent(input.value.trim()));
      show(results, found.length === 0 ? el('p', {class: 'card', id: 'no-customer'}, t('customers.none'))
        : el('div', {class: 'card'}, table([
          {title: t('customers.id'), value: c => el('a', {href: '#/customers', class: 'customer-link', dataset: {id: c.id},
            onclick: event => { event.preventDefault(); open(detail, c.id); }}, c.id)},
          {title: t('customers.name'), value: c => c.name || ''},
          {title: t('customers.phone'), value: c => c.phone || ''},
          {title: t('customers.region'), value: c => c.region || ''},
        ], found, {id: 'customer-table'})));
    } catch (error) {
      show(results, failure(error));
    }
  }}, input, el('button', {type: 'submit', class: 'primary'}, t('customers.find')));
  show(root, el('h1', {}, t('customers.title')), form, results, detail);
  if (id) {
    await open(detail, id);
  } else {
    input.focus();
  }
}

async function open(detail, id) {
  show(detail, el('p', {class: 'loading'}, '…'));
  const path = '/customers/' + encodeURIComponent(id);
  let customer;
  let runs = [];
  try {
    [customer, runs] = await Promise.all([api.get(path), api.get('/classification-runs').catch(() => [])]);
  } catch (error) {
    show(detail, failure(error));
    return;
  }
  const asOf = el('input', {type: 'date', id: 'classify-as-of',
    value: runs.length ? runs[0].asOf : new Date().toISOString().substring(0, 10)});
  const classification = el('div', {id: 'classification'});
  const classify = async () => {
    try {
      const answer = await api.get(path + '/classification?asOf=' + encodeURIComponent(asOf.value));
      show(classification, result(answer.results[0]));
    } catch (error) {
      show(classification, failure(error));
    }
  };
  const visits = [...customer.visits].sort((a, b) => b.date.localeCompare(a.date));
  show(detail,
    el('section', {class: 'card'},
      el('h2', {id: 'customer-name'}, customer.name || customer.id),
      el('dl', {class: 'facts'},
        el('dt', {}, t('customers.id')), el('dd', {id: 'customer-id'}, customer.id),
        el('dt', {}, t('customers.phone')), el('dd', {}, customer.phone || ''),
        el('dt', {}, t('customers.region')), el('dd', {}, customer.region || ''),
        el('dt', {}, t('customers.industry')), el('dd', {}, customer.industry || ''))),
    el('section', {class: 'card'}, el('h2', {}, t('customers.classification')),
      el('div', {class: 'actions'}, el('label', {for: 'classify-as-of'}, t('impact.asOf')), asOf,
        el('button', {id: 'classify', class: 'primary', onclick: classify}, t('customers.classify'))),
      classification),
    el('section', {class: 'card'}, el('h2', {}, t('customers.vehicles')), table([
      {title: 'VIN', value: v => v.vin}, {title: t('customers.model'), value: v => v.model || ''},
      {title: t('customers.purchased'), value: v => v.purchaseDate || ''},
      {title: t('customers.warrantyEnd'), value: v => v.warrantyEnd || ''},
    ], customer.vehicles, {id: 'vehicles'})),
    el('section', {class: 'card'}, el('h2', {}, t('customers.visits') + ' (' + visits.length + ')'), table([
      {title: t('customers.date'), value: v => v.date}, {title: t('customers.ro'), value: v => v.roNumber},
      {title: 'VIN', value: v => v.vin}, {title: t('customers.payType'), value: v => label(v.payType)},
      {title: t('customers.serviceType'), value: v => label(v.serviceType)},
      {title: t('customers.amount'), value: v => number(v.amount)},
      {title: t('customers.mileage'), value: v => number(v.mileage)},
    ], visits, {id: 'visits'})),
    el('section', {class: 'card'}, el('h2', {}, t('customers.leads')), table([
      {title: t('customers.lead'), value: l => l.leadId}, {title: t('customers.status'), value: l => label(l.status)},
      {title: t('customers.model'), value: l => l.model || ''}, {title: t('customers.defeatReason'), value: l => label(l.defeatReason)},
    ], customer.leads, {id: 'leads'})));
  await classify();
}

function result(r) {
  const loyalty = r.loyalty || {};
  const groups = new Map();
  for (const reason of r.reasons) {
    const topic = TOPICS.includes(reason.topic) ? reason.topic : 'other';
    if (!groups.has(topic)) groups.set(topic, []);
    groups.get(topic).push(reason);
  }
  const ordered = [...TOPICS, 'other'].filter(topic => groups.has(topic));
  return el('div', {},
    el('dl', {class: 'facts', id: 'classification-facts'},
      el('dt', {}, t('impact.tier')), el('dd', {id: 'result-tier'}, label(r.tier)),
      el('dt', {}, t('impact.churn')), el('dd', {id: 'result-churn'}, label(r.churn)),
      r.observed ? [el('dt', {}, t('customers.observed')), el('dd', {id: 'result-observed'}, r.observed.text)] : null,
      el('dt', {}, t('customers.loyalty')), el('dd', {}, loyalty.score === undefined ? '' : loyalty.score + ' / 10 · '
        + label(loyalty.level)),
      el('dt', {}, t('impact.baseGrade')), el('dd', {}, label(r.baseGrade)),
      el('dt', {}, t('customers.lifecycle')), el('dd', {}, r.vehicles.map(v => v.vin + ' ' + label(v.lifecycle)).join('; '))),
    r.followUps && r.followUps.length ? el('section', {class: 'card', id: 'follow-ups'}, el('h3', {}, t('customers.followUps')),
      table([
        {title: t('followUp.kind'), value: f => f.heldOut ? [label(f.kind), ' · ',
          el('span', {class: 'held-out', title: t('followUp.heldOutHelp')}, t('followUp.heldOut'))] : label(f.kind)},
        {title: t('followUp.subject'), value: f => f.subject},
        {title: t('followUp.due'), value: f => f.due}, {title: t('followUp.priority'), value: f => String(f.priority)},
        {title: t('followUp.assignee'), value: f => f.person ? f.person + ' · ' + label(f.assignee) : label(f.assignee)},
        {title: t('data.reason'), value: f => f.reason},
      ], r.followUps)) : null,
    ordered.map(topic => el('section', {class: 'reasons', dataset: {topic}},
      el('h3', {}, t('topic.' + topic)),
      el('ul', {}, groups.get(topic).map(reason => el('li', {},
        el('strong', {title: reason.rule}, reason.name || reason.rule), ': ', reason.message))))));
}
