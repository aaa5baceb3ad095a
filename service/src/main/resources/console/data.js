// Data: upload a DMS export (CSV; the encoding, UTF-8 or GBK, is detected) with a progress bar, its rejected
// rows with line, column and reason, the import history; classification runs: start one, watch it, the history.
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, label, number, dateTime} from './i18n.js';
import {failure, table} from './ui.js';

const KINDS = ['customers', 'vehicles', 'repair-orders', 'leads', 'complaints', 'surveys', 'events', 'referrals'];

function upload(file, kind, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    // the file is the chosen store's (else the key's own store, else the group's first)
    request.open('POST', '/api/v1/imports?kind=' + encodeURIComponent(kind) + '&name=' + encodeURIComponent(file.name)
      + (api.store() ? '&store=' + encodeURIComponent(api.store()) : ''));
    request.setRequestHeader('X-Api-Key', api.key());
    request.setRequestHeader('Content-Type', /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', event => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body = request.responseText ? JSON.parse(request.responseText) : null;
      if (request.status >= 200 && request.status < 300) resolve(body); else reject(new api.Problem(request.status, body));
    });
    request.addEventListener('error', () => reject(new Error('the upload failed')));
    request.send(file);
  });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function jobView(job) {
  const r = job.report;
  const done = r.status !== 'QUEUED' && r.status !== 'RUNNING';
  return el('div', {class: 'card ' + (r.status === 'DONE' && r.rejected === 0 ? 'ok' : done ? 'bad' : ''), id: 'import-job',
    dataset: {status: r.status}},
    el('h2', {}, job.file + ' · ' + label(r.status)),
    el('progress', {max: 1, value: done ? 1 : undefined, id: 'import-progress'}),
    el('p', {id: 'import-counts'}, t('data.rowsRead') + ' ' + number(r.rowsRead) + ' · ' + t('data.imported') + ' '
      + number(r.imported) + ' (' + t('data.created') + ' ' + number(r.created) + ', ' + t('data.updated') + ' '
      + number(r.updated) + ', ' + t('data.unchanged') + ' ' + number(r.unchanged) + ') · ' + t('data.rejected') + ' '
      + number(r.rejected) + (r.encoding ? ' · ' + r.encoding : '')
      + (r.titleRows ? ' · ' + t('data.titleRows') + ' ' + number(r.titleRows) : '')),
    r.failure ? el('p', {class: 'error'}, r.failure) : null,
    columnsView(r.columns),
    done && r.rejected > 0 ? el('p', {}, el('button', {id: 'rejected-download', onclick: () =>
      api.download('/imports/' + job.id + '/rejected', 'rejected.' + (r.format || 'csv'))
        .catch(error => alert(error.message))}, t('data.rejectedFile')), ' ', el('span', {class: 'help'}, t('data.rejectedHelp'))) : null,
    r.errors && r.errors.length ? table([
      {title: t('data.line'), value: e => e.cell || String(e.line)},
      {title: t('data.column'), value: e => e.column || ''},
      {title: t('data.reason'), value: e => e.reason},
    ], r.errors, {id: 'rejected-rows'}) : null);
}

// The headers the import did not understand (with the nearest known one) and the fields it found no column for:
// a column that was not read is said, never dropped silently.
function columnsView(columns) {
  if (!columns || (!columns.unknownHeaders.length && !columns.missingFields.length)) {
    return null;
  }
  return el('div', {id: 'import-columns', class: 'warning'},
    columns.unknownHeaders.length ? el('p', {}, t('data.unknownHeaders') + ' ',
      columns.unknownHeaders.map((h, i) => el('span', {class: 'unknown-header'}, (i ? '；' : '') + '“' + h.header + '”'
        + (h.field ? ' → ' + h.field + ' (' + t('data.knownAs') + ' “' + h.knownHeader + '”)' : '')))) : null,
    columns.missingFields.length ? el('p', {id: 'missing-fields'}, t('data.missingFields') + ' '
      + columns.missingFields.join(', ')) : null,
    columns.unknownHeaders.length ? el('p', {class: 'help'}, t('data.headersHelp')) : null);
}

export async function dataPage(root) {
  // webhook deliveries are the analyst's to see: an integration key gets none (null: the section is left out)
  const [imports, runs, deliveries, nightly] = await Promise.all([api.get('/imports'), api.get('/classification-runs'),
    api.get('/webhooks/deliveries').catch(() => null), api.get('/nightly').catch(() => null)]);
  const status = el('div', {id: 'import-status'});
  const history = el('div', {}, importTable(imports));
  const kind = el('select', {id: 'import-kind'}, KINDS.map(k => el('option', {value: k}, t('data.kind.' + k))));
  const file = el('input', {type: 'file', id: 'import-file', accept: '.csv,.xlsx,text/csv'});
  const uploadBar = el('progress', {max: 1, value: 0, id: 'upload-progress'});
  const form = el('form', {class: 'card actions', id: 'import-form', onsubmit: async event => {
    event.preventDefault();
    if (!file.files.length) return;
    try {
      let job = await upload(file.files[0], kind.value, share => { uploadBar.value = share; });
      uploadBar.value = 1;
      show(status, jobView(job));
      while (job.report.status === 'QUEUED' || job.report.status === 'RUNNING') {
        await sleep(300);
        job = await api.get('/imports/' + job.id);
        show(status, jobView(job));
      }
      show(history, importTable(await api.get('/imports')));
    } catch (error) {
      show(status, failure(error));
    }
  }}, el('label', {for: 'import-kind'}, t('data.kind')), kind, file, uploadBar,
  el('button', {type: 'submit', class: 'primary', id: 'import-start'}, t('data.upload')));

  const runStatus = el('div', {id: 'run-status'});
  const asOf = el('input', {type: 'date', id: 'run-as-of', value: runs.length ? runs[0].asOf : new Date().toISOString().substring(0, 10)});
  const runForm = el('form', {class: 'card actions', id: 'run-form', onsubmit: async event => {
    event.preventDefault();
    try {
      let run = await api.post('/classification-runs', api.store() ? {asOf: asOf.value, store: api.store()}
        : {asOf: asOf.value});
      while (run.status === 'RUNNING') {
        show(runStatus, el('div', {class: 'card'}, el('progress', {max: run.customersTotal || 1, value: run.customersDone}),
          ' ' + number(run.customersDone) + ' / ' + number(run.customersTotal)));
        await sleep(300);
        run = await api.get('/classification-runs/' + run.id);
      }
      show(runStatus, el('div', {class: 'card ' + (run.status === 'DONE' ? 'ok' : 'bad'), id: 'run-result'},
        t('data.run') + ' ' + run.id + ' · ' + label(run.status) + ' · ' + number(run.customersDone) + ' / '
        + number(run.customersTotal) + (run.error ? ' · ' + run.error : '')));
    } catch (error) {
      show(runStatus, failure(error));
    }
  }}, el('label', {for: 'run-as-of'}, t('impact.asOf')), asOf,
  el('button', {type: 'submit', class: 'primary', id: 'run-start'}, t('data.startRun')));

  show(root, el('h1', {}, t('data.title')),
    el('h2', {}, t('data.imports')), form, status,
    el('section', {class: 'card'}, el('h2', {}, t('data.history')), history),
    el('h2', {}, t('data.runs')), runForm, runStatus,
    el('section', {class: 'card'}, table([
      {title: '#', value: r => String(r.id)}, {title: t('impact.asOf'), value: r => r.asOf},
      {title: t('data.store'), value: r => r.store || t('store.all')},
      {title: t('customers.status'), value: r => label(r.status)},
      {title: t('dashboard.customers'), value: r => number(r.customersDone) + ' / ' + number(r.customersTotal)},
      {title: t('rules.live'), value: r => el('code', {}, r.rulesetVersion)},
      {title: t('versions.at'), value: r => dateTime(r.startedAt)},
    ], runs, {id: 'run-history'})),
    nightly ? el('section', {class: 'card', id: 'nightly'}, el('h2', {}, t('data.nightly')),
      el('p', {class: 'help', id: 'nightly-schedule'}, nightly.cron
        ? t('data.nightlySchedule') + ': ' + nightly.cron + ' (' + nightly.timeZone + ')' : t('data.nightlyOff')),
      nightly.nights.length === 0 ? el('p', {class: 'help', id: 'no-nights'}, t('data.noNights')) : table([
        {title: t('data.night'), value: n => n.night}, {title: t('data.store'), value: n => n.store},
        {title: t('customers.status'), value: n => label(n.state)},
        {title: t('data.files'), value: n => number(n.files)},
        {title: t('data.failedFiles'), value: n => number(n.failedFiles)},
        {title: t('data.run'), value: n => n.runId == null ? '' : String(n.runId)},
        {title: t('data.lastStep'), value: n => el('span', {title: n.steps.join('\n')},
          n.error || n.steps[n.steps.length - 1] || '')},
      ], nightly.nights, {id: 'nightly-nights'})) : null,
    deliveries ? el('section', {class: 'card', id: 'webhooks'}, el('h2', {}, t('data.webhooks')),
      deliveries.length === 0 ? el('p', {class: 'help', id: 'no-webhooks'}, t('data.noWebhooks')) : table([
        {title: '#', value: d => String(d.id)}, {title: t('data.webhookEvent'), value: d => d.event},
        {title: t('data.webhookEndpoint'), value: d => d.endpoint},
        {title: t('customers.status'), value: d => t('webhook.' + d.state)},
        {title: t('data.webhookAttempts'), value: d => number(d.attempts)},
        {title: t('data.webhookAnswer'), value: d => (d.lastStatus == null ? '' : 'HTTP ' + d.lastStatus + ' ')
          + (d.lastAnswer || '')},
        {title: t('versions.at'), value: d => dateTime(d.createdAt)},
      ], deliveries, {id: 'webhook-deliveries'})) : null);
}

function importTable(imports) {
  return table([
    {title: '#', value: j => String(j.id)}, {title: t('data.file'), value: j => j.file},
    {title: t('data.kind'), value: j => t('data.kind.' + j.report.kind)},
    {title: t('customers.status'), value: j => label(j.report.status)},
    {title: t('data.imported'), value: j => number(j.report.imported)},
    {title: t('data.rejected'), value: j => number(j.report.rejected)},
    {title: t('versions.at'), value: j => dateTime(j.startedAt)},
  ], imports, {id: 'import-history'});
}
