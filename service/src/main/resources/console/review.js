// Review (审批): publish requests — a rule change waiting for a second person. The list, then one request with its
// change side by side, its evidence (fixtures, coverage, impact, backtest) and history, and what the caller may do:
// approve (now or at a set time) or reject with a comment; the author withdraws or brings it up to date.
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, number, dateTime} from './i18n.js';
import {failure, table} from './ui.js';
import {fileDiffs, impactReport, backtestReport} from './rules.js';

export async function reviewPage(root, caller, argument) {
  if (argument) {
    await requestPage(root, Number(argument));
    return;
  }
  const state = el('select', {id: 'request-state', onchange: () => load()},
    ['pending', 'scheduled', '', 'live', 'rejected', 'withdrawn'].map(value =>
      el('option', {value}, value ? t('request.' + value) : t('review.all'))));
  const list = el('div', {id: 'requests'});
  async function load() {
    try {
      const requests = await api.get('/rules/requests' + (state.value ? '?state=' + state.value : ''));
      show(list, requests.length === 0 ? el('p', {class: 'help', id: 'no-requests'}, t('review.none')) : table([
        {title: t('review.request'), value: r => el('a', {href: '#/review/' + r.id, class: 'request-link'}, '#' + r.id)},
        {title: t('review.state'), value: r => el('span', {class: 'state state-' + r.state}, t('request.' + r.state))},
        {title: t('versions.author'), value: r => r.author},
        {title: t('versions.comment'), value: r => r.comment || ''},
        {title: t('review.files'), value: r => r.changedFiles.concat(r.deletedFiles).join(', ')},
        {title: t('versions.at'), value: r => dateTime(r.createdAt)},
        {title: '', value: r => r.upToDate ? '' : el('span', {class: 'warning'}, t('review.stale'))},
      ], requests, {id: 'requests-table'}));
    } catch (error) {
      show(list, failure(error));
    }
  }
  show(root, el('h1', {}, t('review.title')), el('p', {class: 'help'}, t('review.help')),
    el('div', {class: 'actions'}, el('label', {for: 'request-state', class: 'inline'}, t('review.state')), state), list);
  await load();
}

async function requestPage(root, id) {
  const r = await api.get('/rules/requests/' + id);
  const e = r.evidence || {};
  const outcome = el('div', {id: 'decision-result', 'aria-live': 'polite'});
  const comment = el('input', {type: 'text', id: 'decision-comment', maxlength: 1000, placeholder: t('review.comment')});
  const effective = el('input', {type: 'datetime-local', id: 'effective-at'});
  const act = (path, body) => async () => {
    try {
      await api.post('/rules/requests/' + id + '/' + path, body ? body() : undefined);
      await requestPage(root, id);
    } catch (error) {
      show(outcome, failure(error));
    }
  };
  const decision = () => ({comment: comment.value || null,
    effectiveAt: effective.value ? new Date(effective.value).toISOString() : null});
  const fixtures = e.fixtures;
  show(root,
    el('p', {}, el('a', {href: '#/review', id: 'back-to-requests'}, '← ' + t('review.title'))),
    el('h1', {id: 'request-title'}, t('review.request') + ' #' + r.id + ' · ' + t('request.' + r.state)),
    el('section', {class: 'card', id: 'request-facts'}, el('dl', {class: 'facts'},
      el('dt', {}, t('versions.author')), el('dd', {id: 'request-author'}, r.author),
      el('dt', {}, t('versions.comment')), el('dd', {}, r.comment || ''),
      el('dt', {}, t('review.base')), el('dd', {}, el('code', {}, r.base)),
      el('dt', {}, t('review.candidate')), el('dd', {}, el('code', {}, r.candidate)),
      el('dt', {}, t('versions.at')), el('dd', {}, dateTime(r.createdAt)),
      r.effectiveAt ? [el('dt', {}, t('review.effectiveAt')), el('dd', {id: 'request-effective'}, dateTime(r.effectiveAt))] : null,
      r.decidedBy ? [el('dt', {}, t('review.decidedBy')), el('dd', {id: 'request-decided-by'},
        r.decidedBy + (r.decisionComment ? ' · ' + r.decisionComment : ''))] : null),
      r.upToDate ? null : el('p', {class: 'warning', id: 'request-stale'}, t('review.staleHelp'))),
    el('section', {class: 'card', id: 'request-actions'},
      // a scheduled request is approved already: it can still be rejected before its time
      r.mayDecide ? el('div', {class: 'actions'}, comment,
        r.state === 'pending' ? [el('label', {for: 'effective-at', class: 'inline'}, t('review.effectiveAt')), effective,
          el('button', {id: 'approve', class: 'primary', onclick: act('approve', decision)}, t('review.approve'))] : null,
        el('button', {id: 'reject', onclick: act('reject', decision)}, t('review.reject')))
        : el('p', {class: 'help', id: 'why-not'}, r.whyNot || ''),
      r.mayWithdraw ? el('div', {class: 'actions'},
        r.upToDate ? null : el('button', {id: 'update-request', class: 'primary', onclick: act('update')}, t('review.update')),
        el('button', {id: 'withdraw', onclick: act('withdraw')}, t('review.withdraw'))) : null,
      outcome),
    el('section', {class: 'card', id: 'request-diff'}, el('h2', {}, t('review.change')), fileDiffs(r.diff || []),
      r.fixtureDiff && r.fixtureDiff.length ? [el('h2', {}, t('fixtures.title')), fileDiffs(r.fixtureDiff)] : null),
    el('section', {class: 'card', id: 'request-evidence'}, el('h2', {}, t('review.evidence')),
      el('p', {class: 'help'}, t('review.evidenceHelp') + ' ' + dateTime(e.computedAt)),
      fixtures ? el('p', {id: 'evidence-fixtures'}, t('result.tests') + ': ' + fixtures.passed + ' ' + t('result.passed')
        + ', ' + fixtures.failed + ' ' + t('result.failed') + ' · ' + t('review.coverage') + ' ' + e.coveragePercent + ' %'
        + ' (' + number(fixtures.rules) + ' ' + t('review.rules') + ')') : null,
      e.warnings && e.warnings.length ? el('ul', {class: 'warnings'}, e.warnings.map(w => el('li', {}, w))) : null,
      e.impact ? impactReport(e.impact) : null,
      e.backtest ? backtestReport(e.backtest)
        : el('p', {class: 'help', id: 'evidence-no-backtest'}, t('review.noBacktest') + ' ' + (e.backtestUnavailable || ''))),
    el('section', {class: 'card', id: 'request-history'}, el('h2', {}, t('review.history')), table([
      {title: t('versions.at'), value: a => dateTime(a.at)},
      {title: t('versions.how'), value: a => t('how.' + a.how)},
      {title: t('review.who'), value: a => a.author || ''},
      {title: t('versions.comment'), value: a => a.comment || ''},
      {title: t('versions.seq'), value: a => a.version == null ? '' : String(a.version)},
    ], r.history || [], {id: 'history-table'})));
}

/** The pending requests for the top bar, or null when the caller may not see them. */
export async function pendingRequests(caller) {
  if (!caller.roles.some(role => role === 'ANALYST' || role === 'APPROVER')) return null;
  try {
    return (await api.get('/rules/status')).pendingRequests;
  } catch (error) {
    return null;
  }
}
