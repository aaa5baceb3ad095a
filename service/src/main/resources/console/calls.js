// The call list as a work queue: today's follow-ups of the latest classification run, with filters, pages and
// downloads as CSV and as an Excel workbook.
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, lang, label, number} from './i18n.js';
import {failure, table} from './ui.js';

const KINDS = ['RETENTION_CALL', 'WIN_BACK', 'RHYTHM_LAPSE_CALL', 'CARE_CALL', 'REFERRAL_ASK', 'VISIT_CALLBACK',
  'DELIVERY_CALL', 'FIRST_MAINTENANCE_REMINDER', 'FIRST_MAINTENANCE_CHASE', 'WARRANTY_ENDING_OFFER',
  'COMPLAINT_RESPONSE', 'COMPLAINT_ESCALATION', 'STALLED_LEAD', 'MANAGER_CALL', 'PRICE_REOFFER',
  'POSTPONED_RECONTACT', 'AFTER_SALES_INVITATION', 'FINANCE_OFFER', 'LAUNCH_INVITATION', 'DEFEAT_REASON_RECORD'];
/** The calls whose outcome may say why the customer left. */
const ASKS_WHY = ['RETENTION_CALL', 'WIN_BACK'];
const CHURN_REASONS = ['PRICE', 'MOVED_AWAY', 'QUALITY', 'SERVICE_ATTITUDE', 'SOLD_VEHICLE', 'OTHER'];
const ASSIGNEES = ['SERVICE_ADVISOR', 'SALES', 'MANAGER'];
const STATES = ['open', 'handled', 'all'];
/** By due date, or by the observed return rate of customers like this one, lowest first. */
const ORDERS = ['due', 'observed'];
const OUTCOMES = ['DONE', 'UNREACHABLE', 'DECLINED'];
const SIZE = 50;

export async function callsPage(root) {
  const kind = el('select', {id: 'calls-kind'}, el('option', {value: ''}, t('calls.any')),
    KINDS.map(k => el('option', {value: k}, label(k))));
  const assignee = el('select', {id: 'calls-assignee'}, el('option', {value: ''}, t('calls.any')),
    ASSIGNEES.map(a => el('option', {value: a}, label(a))));
  const person = el('input', {type: 'text', id: 'calls-person', maxlength: 200});
  const dueBy = el('input', {type: 'date', id: 'calls-due-by'});
  const state = el('select', {id: 'calls-state'}, STATES.map(s => el('option', {value: s}, t('calls.state.' + s))));
  const order = el('select', {id: 'calls-order'}, ORDERS.map(o => el('option', {value: o}, t('calls.order.' + o))));
  const list = el('div', {id: 'calls'});
  let page = 1;
  const filters = () => ({kind: kind.value, assignee: assignee.value, person: person.value.trim(),
    dueBy: dueBy.value, state: state.value, order: order.value});

  // What became of a task: its outcome once recorded, else a note field and one button per outcome.
  function outcomeCell(runId, item) {
    if (item.outcome) {
      return el('span', {class: 'outcome'}, label(item.outcome)
        + (item.churnReason ? ' · ' + label(item.churnReason) : '')
        + (item.satisfaction ? ' · ' + t('calls.satisfaction') + ' ' + item.satisfaction : '')
        + (item.note ? ' · ' + item.note : '') + ' · ' + item.handledBy);
    }
    const note = el('input', {type: 'text', maxlength: 1000, class: 'outcome-note', placeholder: t('calls.note')});
    const why = ASKS_WHY.includes(item.kind) ? el('select', {class: 'outcome-churn-reason', title: t('calls.churnReason')},
      el('option', {value: ''}, t('calls.churnReason')), CHURN_REASONS.map(r => el('option', {value: r}, label(r)))) : null;
    const satisfaction = el('select', {class: 'outcome-satisfaction', title: t('calls.satisfaction')},
      el('option', {value: ''}, t('calls.satisfaction')), [5, 4, 3, 2, 1].map(n => el('option', {value: n}, String(n))));
    return el('span', {class: 'outcome-form'}, note, why, satisfaction, OUTCOMES.map(outcome => el('button', {type: 'button',
      class: 'outcome-' + outcome, onclick: async () => {
        try {
          await api.post('/call-lists/outcomes', {run: runId, customerId: item.customerId, kind: item.kind,
            subject: item.subject, outcome, note: note.value || null,
            churnReason: why && why.value ? why.value : null,
            satisfaction: outcome === 'DONE' && satisfaction.value ? Number(satisfaction.value) : null});
          await load();
        } catch (error) {
          show(list, failure(error));
        }
      }}, label(outcome))));
  }

  async function load() {
    try {
      const answer = await api.get('/call-lists?' + api.query({...filters(), page, size: SIZE}));
      const pages = Math.max(1, Math.ceil(answer.total / SIZE));
      show(list, el('p', {id: 'calls-summary'}, t('data.run') + ' ' + answer.runId + ' · ' + t('impact.asOf') + ' '
          + answer.asOf + ' · ' + number(answer.total) + ' ' + t('calls.tasks')
          + (answer.observedFrom ? ' · ' + t('calls.observedFrom').replace('{id}', answer.observedFrom.backtestId)
            .replace('{months}', answer.observedFrom.horizonMonths) : '')),
        table([
          {title: t('followUp.due'), value: i => i.due || ''},
          {title: t('followUp.priority'), value: i => String(i.priority)},
          {title: t('followUp.kind'), value: i => label(i.kind)},
          {title: t('customers.name'), value: i => el('a', {href: '#/customers/' + encodeURIComponent(i.customerId)},
            i.name || i.customerId)},
          {title: t('customers.phone'), value: i => i.phone || ''},
          {title: t('followUp.subject'), value: i => i.subject + (i.model ? ' · ' + i.model : '')},
          {title: t('followUp.assignee'), value: i => i.person ? i.person + ' · ' + label(i.assignee) : label(i.assignee)},
          // the churn state beside the tier, unless it reads the same (a prospect is 潜在客户 in both)
          {title: t('impact.tier'), value: i => label(i.tier) + (i.churnStatus && label(i.churnStatus) !== label(i.tier)
            ? ' · ' + label(i.churnStatus) : '')},
          {title: t('calls.observed'), value: i => i.observedReturnRate == null ? ''
            : (Number(i.observedReturnRate) * 100).toFixed(0) + ' %'},
          {title: t('calls.lastVisit'), value: i => i.lastVisit || ''},
          {title: t('data.reason'), value: i => i.reason},
          {title: t('calls.outcome'), value: i => outcomeCell(answer.runId, i)},
        ], answer.items, {id: 'calls-table'}),
        el('div', {class: 'actions'},
          el('button', {id: 'calls-previous', disabled: page <= 1, onclick: () => { page--; load(); }}, '‹'),
          el('span', {id: 'calls-page'}, page + ' / ' + pages),
          el('button', {id: 'calls-next', disabled: page >= pages, onclick: () => { page++; load(); }}, '›')));
    } catch (error) {
      show(list, failure(error));
    }
  }

  async function download(format) {
    try {
      await api.download('/call-lists?' + api.query({...filters(), format, lang: lang()}),
        'call-list.' + format);
    } catch (error) {
      show(list, failure(error));
    }
  }

  show(root, el('h1', {}, t('calls.title')),
    el('form', {class: 'card actions', id: 'calls-filters', onsubmit: event => { event.preventDefault(); page = 1; load(); }},
      el('label', {for: 'calls-kind'}, t('followUp.kind')), kind,
      el('label', {for: 'calls-assignee'}, t('followUp.assignee')), assignee,
      el('label', {for: 'calls-person'}, t('calls.person')), person,
      el('label', {for: 'calls-due-by'}, t('calls.dueBy')), dueBy,
      el('label', {for: 'calls-state'}, t('calls.state')), state,
      el('label', {for: 'calls-order'}, t('calls.order')), order,
      el('button', {type: 'submit', class: 'primary', id: 'calls-apply'}, t('dashboard.apply')),
      el('button', {type: 'button', id: 'calls-download', onclick: () => download('csv')}, t('dashboard.download.csv')),
      el('button', {type: 'button', id: 'calls-download-xlsx', onclick: () => download('xlsx')},
        t('dashboard.download.xlsx'))),
    el('section', {class: 'card'}, list));
  await load();
}
