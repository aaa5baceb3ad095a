// Rules: the live version, the settings form (every threshold of the rule files, changed without writing
// DRL), validate / run the fixtures / impact / publish, and the versions with rollback.
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, label, number, dateTime, lang} from './i18n.js';
import {failure, table} from './ui.js';
import {loadEditor, markProblems} from './editor.js';

const OUTPUTS = ['tier', 'churn', 'baseGrade', 'loyaltyLevel'];

export async function rulesPage(root) {
  const [status, settings, versions, runs, activations, fixtureSet, me] = await Promise.all([api.get('/rules/status'),
    api.get('/rules/settings'), api.get('/rules/versions'), api.get('/classification-runs').catch(() => []),
    api.get('/rules/activations'), api.get('/rules/fixtures'), api.get('/me')]);
  // fixtures changed in the fixture editor: they go with every test and publish of this page
  const pending = {};
  const fixtureBox = el('div', {id: 'fixture-editor'});
  const pendingNote = el('p', {class: 'help', id: 'pending-fixtures'});
  const withFixtures = body => Object.keys(pending).length ? Object.assign(body, {fixtures: {...pending}}) : body;
  const editFixture = path => openFixture(fixtureBox, path, pending[path] ?? fixtureSet.files[path], text => {
    pending[path] = text;
    show(pendingNote, t('fixtures.pending') + ': ' + Object.keys(pending).join(', '));
    document.querySelectorAll('button.fixture-button').forEach(b => b.classList.toggle('changed', b.dataset.path in pending));
  });
  const result = el('div', {id: 'result', 'aria-live': 'polite'});
  const editorBox = el('div', {id: 'editor'});
  const active = versions.find(v => v.active);
  const liveFiles = active ? (await api.get('/rules/versions/' + active.seq)).files : {};
  const inputs = [];
  const group = (me.stores || []).length > 1;
  const byType = new Map();
  for (const setting of settings) {
    if (!byType.has(setting.type)) byType.set(setting.type, []);
    byType.get(setting.type).push(setting);
  }
  const form = el('div', {id: 'settings'}, [...byType.entries()].map(([type, list]) => el('fieldset', {class: 'settings-group'},
    el('legend', {}, type, el('span', {class: 'file'}, ' · ' + list[0].file)),
    table([
      {title: t('settings.setting'), value: s => el('label', {for: 'setting-' + s.type + '-' + s.name}, s.name)},
      {title: t('settings.value'), value: s => {
        const input = el('input', {type: 'number', id: 'setting-' + s.type + '-' + s.name, value: s.value,
          step: s.valueType === 'int' || s.valueType === 'long' ? '1' : 'any', class: 'setting',
          dataset: {file: s.file, type: s.type, name: s.name, original: s.value},
          oninput: event => event.target.classList.toggle('changed', event.target.value !== event.target.dataset.original)});
        inputs.push(input);
        return input;
      }},
      {title: t('settings.meaning'), value: s => s.comment || ''},
      // a group of stores: each store's own value beside the group's
      group ? {title: t('settings.storeValues'), value: s => el('span', {class: 'store-values',
        id: 'stores-' + s.type + '-' + s.name}, Object.entries(s.stores || {}).map(([code, value]) => code + ' = ' + value)
        .join(', '))} : null,
    ].filter(Boolean), list, {class: 'settings'}))));

  // a group of stores: the form sets the group's values, or (a store chosen) that store's own values
  const byName = new Map(settings.map(s => [s.type + '.' + s.name, s]));
  const storeSelect = el('select', {id: 'settings-store', onchange: () => inputs.forEach(i => {
    const setting = byName.get(i.dataset.type + '.' + i.dataset.name);
    const value = storeSelect.value ? (setting.stores || {})[storeSelect.value] ?? setting.value : setting.value;
    i.value = value;
    i.dataset.original = value;
    i.classList.remove('changed');
  })}, el('option', {value: ''}, t('settings.group')),
    (me.stores || []).map(store => el('option', {value: store.code}, store.code + ' ' + store.name)));
  const storeChoice = group ? el('p', {class: 'help'},
    el('label', {for: 'settings-store', class: 'inline'}, t('settings.store')), storeSelect, ' ', t('settings.storeHelp'))
    : null;

  const changes = () => inputs.filter(i => i.value !== i.dataset.original).map(i => Object.assign({
    file: i.dataset.file, type: i.dataset.type, name: i.dataset.name, value: i.value},
  storeSelect.value ? {store: storeSelect.value} : {}));

  async function candidate() {
    const list = changes();
    if (list.length === 0) {
      show(result, el('p', {class: 'card', id: 'no-change'}, t('settings.noChange')));
      return null;
    }
    return (await api.post('/rules/settings/changes', {changes: list})).files;
  }

  async function run(action) {
    show(result, el('p', {class: 'loading'}, '…'));
    try {
      const files = await candidate();
      if (files) await action(files);
    } catch (error) {
      show(result, failure(error));
    }
  }

  const asOf = el('input', {type: 'date', id: 'impact-as-of',
    value: runs.length ? runs[0].asOf : new Date().toISOString().substring(0, 10)});
  const comment = el('input', {type: 'text', id: 'publish-comment', maxlength: 1000, placeholder: t('publish.comment')});
  const rollbackReason = el('input', {type: 'text', id: 'rollback-reason', maxlength: 1000,
    placeholder: t('versions.rollbackReasonHelp')});
  const horizon = el('select', {id: 'backtest-horizon'}, [3, 6, 12].map(months =>
    el('option', {value: String(months), selected: months === 6}, months + ' ' + t('backtest.months'))));

  const actions = el('div', {class: 'actions'},
    el('button', {id: 'validate', onclick: () => run(async files => {
      const outcome = await api.post('/rules/validate', {files});
      show(result, el('div', {class: 'card ok', id: 'validate-result'}, t('result.valid') + ' ' + outcome.version,
        outcome.warnings.length ? el('ul', {}, outcome.warnings.map(w => el('li', {}, w))) : null));
    })}, t('action.validate')),
    el('button', {id: 'test', onclick: () => run(async files =>
      show(result, testReport(await api.post('/rules/test', withFixtures({files})), editFixture)))}, t('action.test')),
    el('label', {for: 'impact-as-of', class: 'inline'}, t('impact.asOf')), asOf,
    el('button', {id: 'impact', onclick: () => run(async files =>
      show(result, impactReport(await api.post('/rules/impact', {files, asOf: asOf.value}))))}, t('action.impact')),
    el('label', {for: 'backtest-horizon', class: 'inline'}, t('backtest.horizon')), horizon,
    el('button', {id: 'backtest', onclick: async () => {
      // with no setting changed, the live rules alone are tested
      show(result, el('p', {class: 'loading'}, t('backtest.running')));
      try {
        const list = changes();
        const body = {horizonMonths: Number(horizon.value)};
        if (list.length) body.files = (await api.post('/rules/settings/changes', {changes: list})).files;
        show(result, backtestReport(await api.post('/rules/backtests', body)));
      } catch (error) {
        show(result, failure(error));
      }
    }}, t('action.backtest')),
    comment,
    el('button', {id: 'publish', class: 'primary', onclick: () => run(async files => {
      const outcome = await api.post('/rules/publish', withFixtures({files, comment: comment.value || null}));
      await rulesPage(root);
      show(document.getElementById('result'), published(outcome));
    })}, t('action.publish')),
    el('button', {id: 'reset', class: 'link', onclick: () => inputs.forEach(i => {
      i.value = i.dataset.original;
      i.classList.remove('changed');
    })}, t('action.reset')));

  show(root,
    el('h1', {}, t('rules.title')),
    el('p', {class: 'help'}, el('a', {id: 'rules-guide', target: '_blank', rel: 'noopener',
      href: lang() === 'en' ? '/console/docs/rules.md' : '/console/docs/rules.zh-CN.md'}, t('rules.guide')),
      ' · ', el('a', {id: 'glossary', target: '_blank', rel: 'noopener', href: '/console/docs/glossary.md'},
        t('rules.glossary'))),
    el('section', {class: 'card', id: 'rules-status'},
      el('dl', {class: 'facts'},
        el('dt', {}, t('rules.live')), el('dd', {id: 'live-version'}, status.liveVersion),
        el('dt', {}, t('rules.since')), el('dd', {}, dateTime(status.liveSince)),
        el('dt', {}, t('rules.count')), el('dd', {}, number(status.rules)),
        el('dt', {}, t('rules.approval')), el('dd', {id: 'approval-mode'}, t('approval.' + status.approval)))),
    el('section', {class: 'card'},
      el('h2', {}, t('settings.title')), el('p', {class: 'help'}, t('settings.help')), storeChoice, form, actions),
    result,
    el('section', {class: 'card', id: 'rule-files'}, el('h2', {}, t('rules.files')),
      el('div', {class: 'actions'}, Object.keys(liveFiles).map(name => el('button', {class: 'file-button', dataset: {file: name},
        onclick: () => (name.endsWith('.drl.xlsx') ? openTable(editorBox, name, active.seq, root, withFixtures, editFixture)
          : openFile(editorBox, name, liveFiles[name], root, withFixtures, editFixture))}, name))), editorBox),
    el('section', {class: 'card', id: 'fixtures'}, el('h2', {}, t('fixtures.title')), el('p', {class: 'help'}, t('fixtures.help')),
      el('div', {class: 'actions'}, Object.keys(fixtureSet.files).map(path => el('button', {class: 'fixture-button',
        dataset: {path}, onclick: () => editFixture(path)}, path))), pendingNote, fixtureBox),
    el('section', {class: 'card', id: 'versions'}, el('h2', {}, t('versions.title')),
      el('label', {for: 'rollback-reason', class: 'inline'}, t('versions.rollbackReason')), rollbackReason, table([
      {title: t('versions.seq'), value: v => String(v.seq)},
      {title: 'hash', value: v => el('code', {}, v.hash)},
      {title: t('versions.author'), value: v => v.author || ''},
      {title: t('versions.comment'), value: v => v.comment || ''},
      {title: t('versions.at'), value: v => dateTime(v.createdAt)},
      {title: '', value: v => v.active ? el('span', {class: 'badge'}, t('versions.active'))
        : el('span', {}, el('button', {class: 'rollback', dataset: {seq: v.seq}, onclick: async () => {
          try {
            const answer = await api.post('/rules/versions/' + v.seq + '/activate',
              {reason: rollbackReason.value || null});
            await rulesPage(root);
            if (answer && answer.state) show(document.getElementById('result'), published(answer));
          } catch (error) {
            show(result, failure(error));
          }
        }}, t(status.approval === 'required' ? 'action.requestRollback' : 'action.rollback')),
        status.approval === 'required' ? el('button', {class: 'emergency-rollback link', dataset: {seq: v.seq},
          onclick: async () => {
            try {
              await api.post('/rules/versions/' + v.seq + '/activate', {emergency: true, reason: rollbackReason.value || null});
              await rulesPage(root);
            } catch (error) {
              show(result, failure(error));
            }
          }}, t('action.emergencyRollback')) : null)},
    ], versions, {id: 'versions-table'}),
      versions.length > 1 ? diffPicker(versions) : null),
    el('section', {class: 'card', id: 'activations'}, el('h2', {}, t('versions.activations')), table([
      {title: t('versions.at'), value: a => dateTime(a.at)},
      {title: t('versions.how'), value: a => t('how.' + a.how)},
      {title: t('versions.seq'), value: a => a.version == null ? '' : String(a.version)},
      {title: t('review.request'), value: a => a.request == null ? ''
        : el('a', {href: '#/review/' + a.request}, '#' + a.request)},
      {title: 'hash', value: a => el('code', {}, a.hash)},
      {title: t('versions.from'), value: a => a.from ? el('code', {}, a.from) : ''},
      {title: t('versions.author'), value: a => a.author || ''},
      {title: t('versions.comment'), value: a => a.comment || ''},
    ], activations, {id: 'activations-table'})));
}

/** Two versions side by side: each changed file with its lines only in the first (-) and only in the second (+). */
function diffPicker(versions) {
  const options = () => versions.map(v => el('option', {value: v.seq}, String(v.seq) + ' · ' + v.hash));
  const from = el('select', {id: 'diff-from'}, options());
  const to = el('select', {id: 'diff-to'}, options());
  from.value = String(versions[1].seq);
  to.value = String(versions[0].seq);
  const output = el('div', {id: 'diff'});
  return el('div', {class: 'diff-picker'},
    el('div', {class: 'actions'}, t('versions.compare'), from, '→', to,
      el('button', {id: 'diff-show', onclick: async () => {
        try {
          const diffs = await api.get('/rules/versions/' + from.value + '/diff/' + to.value);
          show(output, diffs.length === 0 ? el('p', {}, t('versions.same')) : fileDiffs(diffs));
        } catch (error) {
          show(output, failure(error));
        }
      }}, t('versions.diff'))),
    output);
}

/** Changed files side by side: lines only in the first (-) on the left, only in the second (+) on the right. */
export function fileDiffs(diffs) {
  const sides = lines => el('div', {class: 'side-by-side'},
    el('pre', {class: 'removed'}, lines.filter(l => l.startsWith('-')).map(l => l.substring(2)).join('\n')),
    el('pre', {class: 'added'}, lines.filter(l => l.startsWith('+')).map(l => l.substring(2)).join('\n')));
  // a decision table: its cells, then the DRL it generates
  return diffs.map(d => el('div', {class: 'file-diff'},
    el('h3', {}, d.file + ' · ' + t('change.' + d.change)), sides(d.lines),
    d.drlLines ? [el('h4', {}, t('table.drl')), sides(d.drlLines)] : null));
}

/** What publishing answered: live now, or (approval required) a publish request waiting for another person. */
function published(answer) {
  return answer && answer.state
    ? el('div', {class: 'card ok', id: 'publish-result'}, t('review.submitted').replace('{id}', answer.id) + ' ',
      el('a', {href: '#/review/' + answer.id, id: 'request-link'}, t('review.open')))
    : el('div', {class: 'card ok', id: 'publish-result'}, t('result.published') + ' ' + answer.version);
}

function testReport(report, editFixture) {
  return el('div', {class: 'card ' + (report.failed ? 'bad' : 'ok'), id: 'test-result'},
    el('h2', {}, t('result.tests') + ': ' + report.passed + ' ' + t('result.passed') + ', ' + report.failed + ' ' + t('result.failed')),
    el('ul', {class: 'fixtures'}, report.fixtures.filter(f => !f.passed).map(f => el('li', {class: 'failed'},
      el('strong', {}, f.name), editFixture ? [' ', el('button', {class: 'link edit-fixture', dataset: {path: f.name},
        onclick: () => editFixture(f.name)}, t('fixtures.edit'))] : null,
      el('ul', {}, f.differences.map(d => el('li', {}, d)))))),
    report.neverFired.length ? el('p', {class: 'help'}, t('result.neverFired') + ': '
      + (report.neverFiredNames || report.neverFired).join(', ')) : null);
}

export function impactReport(report) {
  const examples = el('div', {id: 'impact-examples'});
  return el('div', {class: 'card', id: 'impact-result'},
    el('p', {}, t('impact.customers') + ': ' + number(report.customers) + ' · ' + report.liveVersion + ' → ' + report.candidateVersion),
    OUTPUTS.filter(output => report.migrations[output]).map(output => matrix(output, report.migrations[output], examples)),
    examples);
}

const percent = share => share == null ? '—' : (Number(share) * 100).toFixed(1) + ' %';

/**
 * A backtest: the live rules and the candidate side by side — who came back per churn state and tier, the
 * "will not come back" prediction's precision, recall and lift, per task kind, and the customers the candidate moves.
 */
export function backtestReport(report) {
  const r = report.result;
  const both = r.candidate ? [r.live, r.candidate] : [r.live];
  const heads = [t('backtest.live') + ' ' + report.liveVersion]
    .concat(r.candidate ? [t('backtest.candidate') + ' ' + report.candidateVersion] : []);
  const side = (title, rows) => el('table', {class: 'backtest'},
    el('caption', {}, title),
    el('thead', {}, el('tr', {}, el('th', {}, ''), heads.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(([name, values]) => el('tr', {}, el('th', {}, name), values.map(v => el('td', {}, v))))));
  const cells = (pick, key) => [...new Set(both.flatMap(score => pick(score).map(key)))].map(value =>
    [label(value), both.map(score => {
      const cell = pick(score).find(c => key(c) === value);
      return cell ? number(cell.customers) + ' · ' + percent(cell.cameBackShare) : '—';
    })]);
  const prediction = [['precision', 'backtest.precision'], ['recall', 'backtest.recall'], ['lift', 'backtest.lift']]
    .map(([field, key]) => [t(key), both.map(score => field === 'lift'
      ? (score.willNotComeBack.lift ?? '—') : percent(score.willNotComeBack[field]))]);
  const kinds = [...new Set(both.flatMap(score => score.byFollowUp.map(c => c.kind)))];
  const tasks = kinds.map(kind => [label(kind), both.map(score => {
    const task = score.byFollowUp.find(c => c.kind === kind);
    return task ? number(task.customers) + ' · ' + percent(task.cameBackShare) + ' · '
      + (task.medianDaysToReturn ?? '—') + ' ' + t('backtest.days') : '—';
  })]);
  return el('div', {class: 'card', id: 'backtest-result'},
    el('p', {}, t('backtest.summary').replace('{id}', report.id).replace('{asOf}', r.asOf)
      .replace('{end}', r.horizonEnd).replace('{customers}', number(r.customers))),
    el('p', {class: 'help'}, t('backtest.help')),
    side(t('backtest.byChurn'), cells(score => score.byChurn, c => c.churn)),
    side(t('backtest.byTier'), cells(score => score.byTier, c => c.tier)),
    side(t('backtest.prediction') + ' · ' + t('backtest.baseRate') + ' ' + percent(r.live.willNotComeBack.baseRate),
      prediction),
    side(t('backtest.byTask'), tasks),
    r.candidate && !r.changed ? el('p', {id: 'backtest-changed'}, t('backtest.unchanged')) : null,
    r.candidate && r.changed ? el('p', {id: 'backtest-changed'}, t('backtest.changed').replace('{n}', number(r.changed)) + ' '
      + r.moves.map(m => t('impact.' + m.output) + ' ' + label(m.from) + ' → ' + label(m.to) + ': '
        + number(m.customers) + ' · ' + percent(m.cameBackShare)).join('; ')) : null);
}

/** A migration matrix as a heat map: rows the live answer, columns the candidate's; a cell opens its examples. */
function matrix(output, cells, examples) {
  const values = [...new Set(cells.flatMap(c => [c.from, c.to]))].sort();
  const total = cells.reduce((sum, c) => sum + c.customers, 0) || 1;
  const find = (from, to) => cells.find(c => c.from === from && c.to === to);
  return el('table', {class: 'heat', id: 'impact-' + output},
    el('caption', {}, t('impact.' + output)),
    el('thead', {}, el('tr', {}, el('th', {}, t('impact.from') + ' \\ ' + t('impact.to')),
      values.map(v => el('th', {}, label(v))))),
    el('tbody', {}, values.map(from => el('tr', {}, el('th', {}, label(from)), values.map(to => {
      const cell = find(from, to);
      if (!cell) return el('td', {class: 'heat-0'}, '');
      const level = Math.min(5, Math.ceil(cell.customers / total * 5));
      return el('td', {class: 'heat-' + level + (from !== to ? ' moved' : ''), dataset: {from, to},
        onclick: () => show(examples, el('p', {}, t('impact.' + output) + ' ' + label(from) + ' → ' + label(to) + ' · '
          + t('impact.examples') + ': ', cell.examples.map((id, i) => [i ? ', ' : '',
            el('a', {class: 'example', href: '#/customers/' + encodeURIComponent(id)}, id)])))}, number(cell.customers));
    })))));
}

/** A rule file in the editor: validate it (each problem marked on its line), run the fixtures, publish it. */
async function openFile(box, name, text, root, withFixtures, editFixture) {
  const CodeMirror = await loadEditor();
  const problems = el('ul', {class: 'problems', id: 'editor-problems'});
  const outcome = el('div', {id: 'editor-result'});
  const comment = el('input', {type: 'text', id: 'editor-comment', maxlength: 1000, placeholder: t('publish.comment')});
  const area = el('div', {class: 'editor-area'});
  show(box, el('h3', {id: 'editor-file'}, name), area, el('div', {class: 'actions'},
    el('button', {id: 'editor-validate', onclick: () => check('/rules/validate')}, t('action.validate')),
    el('button', {id: 'editor-test', onclick: () => check('/rules/test')}, t('action.test')),
    comment,
    el('button', {id: 'editor-publish', class: 'primary', onclick: () => check('/rules/publish')}, t('action.publish'))),
    problems, outcome);
  // a fixed height (console.css) and CodeMirror's default viewport: only the lines in view are drawn
  const editor = CodeMirror(area, {value: text, mode: 'drl', lineNumbers: true, indentUnit: 4});
  area.CodeMirrorEditor = editor;

  async function check(path) {
    show(problems);
    const errors = await sendFile(path, name, editor.getValue(), comment, outcome, root, withFixtures, editFixture);
    const marked = markProblems(editor, name, errors || []);
    show(problems, marked.map(p => el('li', {class: 'problem', dataset: {line: p.line}, onclick: () => {
      editor.focus();
      editor.setCursor({line: p.line - 1, ch: Math.max(0, p.column - 1)});
    }}, el('code', {}, name + ':' + p.line + ':' + p.column), ' ', p.message)));
  }
}

/**
 * Sends one changed rule file to validate, test or publish and shows the answer in {@code outcome}; answers
 * the refusal's problems ([{path, message}]) for the caller to show, or null when it was accepted.
 */
async function sendFile(path, name, text, comment, outcome, root, withFixtures, editFixture) {
  show(outcome, el('p', {class: 'loading'}, '…'));
  const body = {files: {[name]: text}};
  if (path.endsWith('publish')) body.comment = comment.value || null;
  if (!path.endsWith('validate')) withFixtures(body);
  try {
    const answer = await api.post(path, body);
    if (path.endsWith('test')) {
      show(outcome, testReport(answer, editFixture));
    } else if (path.endsWith('publish')) {
      await rulesPage(root);
      show(document.getElementById('result'), published(answer));
    } else {
      show(outcome, el('div', {class: 'card ok', id: 'editor-valid'}, t('result.valid') + ' ' + answer.version));
    }
    return null;
  } catch (error) {
    show(outcome, failure(error));
    return (error.body && error.body.errors) || [];
  }
}

/**
 * A decision table (.drl.xlsx): downloaded to be edited in Excel, uploaded back, then validated (each problem at
 * its sheet!cell), tested against the fixtures and published like a DRL file. Beside it the DRL it generates.
 */
async function openTable(box, name, seq, root, withFixtures, editFixture) {
  let uploaded = null;
  const problems = el('ul', {class: 'problems', id: 'editor-problems'});
  const outcome = el('div', {id: 'editor-result'});
  const chosen = el('span', {class: 'help', id: 'table-chosen'}, t('table.none'));
  const drl = el('pre', {class: 'generated-drl', id: 'table-drl'}, '…');
  const comment = el('input', {type: 'text', id: 'editor-comment', maxlength: 1000, placeholder: t('publish.comment')});
  const file = el('input', {type: 'file', id: 'table-upload', accept: '.xlsx', onchange: async () => {
    const picked = file.files[0];
    if (!picked) return;
    uploaded = await base64(picked);
    show(chosen, t('table.chosen') + ': ' + picked.name + ' (' + number(picked.size) + ' B)');
    show(problems);
    show(outcome);
  }});
  show(box, el('h3', {id: 'editor-file'}, name), el('p', {class: 'help'}, t('table.help')),
    el('div', {class: 'actions'},
      el('button', {id: 'table-download', onclick: () => api.download('/rules/versions/' + seq + '/files/'
        + encodeURIComponent(name), name).catch(error => show(outcome, failure(error)))}, t('table.download')),
      el('label', {for: 'table-upload', class: 'inline'}, t('table.upload')), file, chosen),
    el('div', {class: 'actions'},
      el('button', {id: 'editor-validate', onclick: () => check('/rules/validate')}, t('action.validate')),
      el('button', {id: 'editor-test', onclick: () => check('/rules/test')}, t('action.test')),
      comment,
      el('button', {id: 'editor-publish', class: 'primary', onclick: () => check('/rules/publish')}, t('action.publish'))),
    problems, outcome, el('h4', {}, t('table.drl')), drl);
  api.text('/rules/versions/' + seq + '/files/' + encodeURIComponent(name) + '/drl')
    .then(text => show(drl, text), error => show(drl, failure(error)));

  async function check(path) {
    if (uploaded === null) {
      show(outcome, el('p', {class: 'card', id: 'no-change'}, t('table.uploadFirst')));
      return;
    }
    show(problems);
    const errors = await sendFile(path, name, uploaded, comment, outcome, root, withFixtures, editFixture);
    show(problems, (errors || []).map(p => el('li', {class: 'problem'}, el('code', {}, p.path || name), ' ', p.message)));
  }
}

/** A file's bytes as Base64 (how a rule set carries a workbook). */
function base64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A fixture in an editor: its YAML as text; every change is kept for the next test and publish. */
async function openFixture(box, path, text, changed) {
  const CodeMirror = await loadEditor();
  const area = el('div', {class: 'editor-area', id: 'fixture-area'});
  show(box, el('h3', {id: 'fixture-file'}, path), area);
  const editor = CodeMirror(area, {value: text, mode: null, lineNumbers: true, indentUnit: 2});
  area.CodeMirrorEditor = editor;
  editor.on('change', () => changed(editor.getValue()));
  box.scrollIntoView();
}
