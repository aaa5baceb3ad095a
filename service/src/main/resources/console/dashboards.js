// Dashboards: each chart is one report of the registry, drawn with Apache ECharts, with the report's rows in a
// table beside it and downloads as CSV and as an Excel workbook (Chinese or English headers, as the console
// speaks).
import {el, show} from './dom.js';
import * as api from './api.js';
import {t, lang, label, number} from './i18n.js';
import {failure} from './ui.js';

let charts = null;

/** ECharts (from the service's jar) is loaded when a dashboard is first shown, not with every page. */
function loadCharts() {
  if (!charts) {
    charts = new Promise((resolve, reject) => {
      const script = el('script', {src: '/console/echarts.js'});
      script.addEventListener('load', () => resolve(window.echarts));
      script.addEventListener('error', () => reject(new Error('ECharts could not be loaded')));
      document.head.append(script);
    });
  }
  return charts;
}

const percent = value => value === null || value === undefined ? null : Math.round(value * 10000) / 100;

/**
 * A card: the chart, the report's rows as a table, and a download of them. The table is filled as soon as the
 * report comes; the chart is drawn once ECharts ({@code charts}, a promise) is loaded too, and then marked
 * {@code data-drawn}.
 */
function card(root, charts, reports, spec, parameters) {
  const report = reports.find(r => r.name === spec.report);
  const path = report.url.replace('/api/v1', '');
  const id = spec.id || spec.report;
  const chart = el('div', {class: 'chart', id: 'chart-' + id, dataset: {report: spec.report}});
  const rowsTable = el('div', {class: 'chart-table'});
  const box = el('section', {class: 'card chart-card', id: 'card-' + id},
    el('h2', {}, (lang() === 'en' ? report.title : report.titleZh) + (spec.subtitle ? ' · ' + t(spec.subtitle) : '')),
    el('div', {class: 'chart-body'}, chart, rowsTable),
    ['csv', 'xlsx'].map(format => el('button', {class: 'download download-' + format, dataset: {report: spec.report},
      onclick: () => api.download(path + '?' + api.query({...parameters, format, lang: lang()}),
        report.name + '.' + format).catch(error => box.append(failure(error)))}, t('dashboard.download.' + format))));
  root.append(box);
  // the card is in place at once; its report is asked for now and drawn when it comes
  return api.get(path + '?' + api.query(parameters))
    .then(rows => {
      rows = Array.isArray(rows) ? rows : [rows];
      fill(report, spec, rowsTable, rows);
      return charts.then(echarts => draw(echarts, spec, chart, rows, box, parameters, reports));
    }, error => show(chart, failure(error)));
}

function fill(report, spec, rowsTable, rows) {
  const columns = report.columns.filter(c => !spec.hide || !spec.hide.includes(c.name));
  show(rowsTable, el('table', {class: 'rows'},
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, lang() === 'en' ? c.name : c.chinese)))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => el('td', {class: c.percent ? 'number' : ''},
      c.percent ? (row[c.name] === null ? '' : number(percent(row[c.name])) + ' %')
        : typeof row[c.name] === 'number' ? number(row[c.name]) : label(row[c.name]))))))));
}

function draw(echarts, spec, chart, rows, box, parameters, reports) {
  const instance = echarts.init(chart);
  instance.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'}, grid: {containLabel: true}},
    spec.option(rows)));
  if (spec.cell) {
    // a bar stands for customers: clicking it lists them under the chart, with a download
    const list = el('div', {class: 'cell-customers', id: 'cell-' + (spec.id || spec.report)});
    box.append(list);
    const open = event => {
      const cell = spec.cell(event, rows, parameters);
      return cell ? showCell(list, cell, reports) : null;
    };
    instance.on('click', open);
    chart.cellOf = open; // for the browser test
  }
  chart.dataset.drawn = 'true';
  performance.mark('chart-drawn:' + chart.id); // for the timing tool: when, since the page was asked for
}

/** The customers behind a chart's cell: a table of the report's rows, with a CSV download. */
function showCell(list, cell, reports) {
  const report = reports.find(r => r.url.replace('/api/v1', '') === cell.path);
  const cellText = value => value === null || value === undefined ? ''
    : typeof value === 'number' ? number(value) : label(value);
  const download = () => api.download(cell.path + '?' + api.query({...cell.query, format: 'csv', lang: lang()}),
    report.name + '.csv').catch(error => list.append(failure(error)));
  const head = el('thead', {}, el('tr', {}, report.columns.map(c => el('th', {}, lang() === 'en' ? c.name : c.chinese))));
  return api.get(cell.path + '?' + api.query(cell.query)).then(rows => {
    const body = el('tbody', {}, rows.slice(0, 200).map(row =>
      el('tr', {}, report.columns.map(c => el('td', {}, cellText(row[c.name]))))));
    show(list, el('h3', {}, cell.title + ' · ' + number(rows.length)),
      el('button', {class: 'download', onclick: download}, t('dashboard.download.csv')),
      el('table', {class: 'rows'}, head, body));
  }, error => show(list, failure(error)));
}

const bars = (categories, series) => ({
  legend: {}, xAxis: {type: 'category', data: categories}, yAxis: {type: 'value'},
  series: series.map(s => Object.assign({type: 'bar'}, s)),
});

/** Customers per group, one bar per period (this period and the same dates a year earlier). */
function yearOverYear(rows) {
  const groups = [...new Set(rows.map(r => r.group))];
  const periods = [...new Set(rows.map(r => r.period))];
  return bars(groups, periods.map(period => ({name: period, data: groups.map(g => rows.filter(r => r.period === period
    && r.group === g).reduce((sum, r) => sum + r.customers, 0))})));
}

const SPECS = [
  {report: 'churn-series', parameters: p => ({to: p.month}), hide: ['formula'], option: rows => ({
    xAxis: {type: 'category', data: rows.map(r => r.month)}, yAxis: {type: 'value', axisLabel: {formatter: '{value} %'}},
    series: [{type: 'line', name: t('dashboard.churn'), data: rows.map(r => percent(r.churn))}]})},
  {report: 'structure', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(rows.map(r => r.bucket), [
    {name: t('dashboard.customerShare'), data: rows.map(r => percent(r.customerShare))},
    {name: t('dashboard.revenueShare'), data: rows.map(r => percent(r.revenueShare))}])},
  ...['region', 'industry'].map(by => ({report: 'structure-yoy', id: 'structure-yoy-' + by, subtitle: 'dashboard.by.' + by,
    parameters: p => ({from: p.from, to: p.to, by}), option: yearOverYear})),
  {report: 'tier-distribution', parameters: () => ({}), option: rows => bars(rows.map(r => label(r.tier)),
    [{name: t('dashboard.customers'), data: rows.map(r => r.customers)}])},
  {report: 'tier-migration', parameters: () => ({}), option: rows => {
    const tiers = [...new Set(rows.flatMap(r => [r.fromTier, r.toTier]))].sort();
    return {tooltip: {}, xAxis: {type: 'category', data: tiers.map(label), name: t('impact.to')},
      yAxis: {type: 'category', data: tiers.map(label), name: t('impact.from')},
      visualMap: {min: 0, max: Math.max(1, ...rows.map(r => r.customers)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0},
      series: [{type: 'heatmap', name: t('dashboard.customers'), label: {show: true},
        data: rows.map(r => [tiers.indexOf(r.toTier), tiers.indexOf(r.fromTier), r.customers])}]};
  }},
  {report: 'recapture', parameters: () => ({}), option: rows => bars(
    rows.map(r => label(r.kind) + ' · ' + (r.person || label(r.assignee)) + ' · ' + label(r.outcome)),
    [{name: t('dashboard.customers'), data: rows.map(r => r.customers)},
      {name: t('dashboard.visited'), data: rows.map(r => r.visited)}])},
  // the call list's own effect: per kind, the listed customers' return rate against the held-out ones'
  {report: 'recapture-holdout', parameters: () => ({}), hide: ['runId'], option: rows => bars(rows.map(r => label(r.kind)),
    [{name: t('dashboard.listedShare'), data: rows.map(r => percent(r.listedShare))},
      {name: t('dashboard.heldOutShare'), data: rows.map(r => percent(r.heldOutShare))}])},
  {report: 'defeat-categories', parameters: () => ({}), option: rows => bars(rows.map(r => r.category),
    [{name: t('dashboard.leads'), data: rows.map(r => r.leads)}])},
  {report: 'defeat-competitors', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => [r.competitorBrand, r.competitorModel].filter(Boolean).join(' ') || '—'),
    [{name: t('dashboard.defeated'), data: rows.map(r => r.defeated)}])},
  {report: 'defeat-monthly', parameters: p => ({from: p.from, to: p.to}), option: rows => ({
    xAxis: {type: 'category', data: rows.map(r => r.month)}, yAxis: {type: 'value', axisLabel: {formatter: '{value} %'}},
    series: [{type: 'line', name: t('dashboard.defeatRate'), data: rows.map(r => percent(r.defeatRate))}]})},
  {report: 'people', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => r.month + ' · ' + r.person),
    [{name: t('dashboard.handled'), data: rows.map(r => r.handled)},
      {name: t('dashboard.visited'), data: rows.map(r => r.cameBack)}])},
  {report: 'churn-reasons', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => r.month + ' · ' + label(r.tier) + ' · ' + label(r.churnReason)),
    [{name: t('dashboard.customers'), data: rows.map(r => r.customers)}])},
];

/** The customer base (基盘, issue 28): a page of its own, so each page asks the service for a dozen reports at most. */
const BASE_SPECS = [
  {report: 'grade-structure', parameters: () => ({by: 'region'}), option: gradeBars, cell: gradeCell,
    hide: ['earlierRunId', 'laterRunId']},
  {report: 'lifecycle-structure', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => label(r.stage)), [{name: t('dashboard.vehicles'), data: rows.map(r => r.vehicles)},
      {name: t('dashboard.visits'), data: rows.map(r => r.visits)}])},
  {report: 'retained', parameters: p => ({to: p.month}), option: rows => ({
    xAxis: {type: 'category', data: rows.map(r => r.month)}, yAxis: {type: 'value', axisLabel: {formatter: '{value} %'}},
    series: [{type: 'line', name: t('dashboard.retainedRate'), data: rows.map(r => percent(r.retainedRate))}]})},
  {report: 'growth-compare', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => label(r.comparison) + ' · ' + label(r.scope)),
    [{name: t('dashboard.revenueGrowth'), data: rows.map(r => percent(r.revenueGrowth))}])},
  {report: 'churn-origin', parameters: p => ({asOf: p.to}), option: rows => bars(rows.map(r => label(r.origin)),
    [{name: t('dashboard.churn'), data: rows.map(r => percent(r.churn))}])},
  {report: 'loyalty', parameters: () => ({by: 'region'}), option: rows => {
    const groups = [...new Set(rows.map(r => r.group))];
    const levels = [...new Set(rows.map(r => r.loyaltyLevel))];
    return Object.assign(bars(groups, levels.map(level => ({name: label(level), stack: 'level',
      data: groups.map(g => rows.filter(r => r.group === g && r.loyaltyLevel === level).reduce((n, r) => n + r.customers, 0))}))));
  }},
  {report: 'defeat-consultants', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => r.consultant || '—'), [{name: t('dashboard.defeatRate'), data: rows.map(r => percent(r.defeatRate))}])},
  {report: 'defeat-segments', parameters: p => ({from: p.from, to: p.to}), option: rows => bars(
    rows.map(r => label(r.segment)), [{name: t('dashboard.winRate'), data: rows.map(r => percent(r.winRate))}])},
  {report: 'data-quality', parameters: () => ({}), option: rows => bars(rows.map(r => label(r.check)),
    [{name: t('dashboard.problems'), data: rows.map(r => r.count)}]), cell: qualityCell},
];

/** A bar of the data-quality chart clicked: the records behind that count. */
function qualityCell(event, rows) {
  const line = rows.find(r => label(r.check) === event.name);
  return line ? {path: '/reports/data-quality/rows', query: {check: line.check}, title: event.name} : null;
}

/** A group as a chart names it: customers without a region (or industry, kind) have the empty group. */
const groupName = group => group === '' ? t('dashboard.noGroup') : group;

/**
 * Customers per region and grade, the two runs side by side: one stacked bar per run in each region (one bar when
 * the two are the same run: the only finished one).
 */
function gradeBars(rows) {
  const lines = rows.filter(r => r.group !== 'TOTAL' && r.baseGrade !== 'TOTAL');
  const groups = [...new Set(lines.map(r => r.group))];
  const grades = [...new Set(lines.map(r => r.baseGrade))];
  const runs = !lines.length ? [] : lines[0].earlierRunId === lines[0].laterRunId ? [[lines[0].laterAsOf, 1]]
    : [[lines[0].earlierAsOf, 0], [lines[0].laterAsOf, 1]];
  return bars(groups.map(groupName), runs.flatMap(([asOf, later]) => grades.map(grade => ({
    name: label(grade) + ' · ' + asOf, stack: asOf,
    data: groups.map(g => lines.filter(r => r.group === g && r.baseGrade === grade)
      .reduce((n, r) => n + (later ? r.laterCustomers : r.earlierCustomers), 0))}))));
}

/** A bar of the grade structure clicked: that region's customers of that grade in that run, listed below the chart. */
function gradeCell(event, rows, parameters) {
  const [gradeLabel, asOf] = event.seriesName.split(' · ');
  const line = rows.find(r => groupName(r.group) === event.name && label(r.baseGrade) === gradeLabel);
  if (!line) return null;
  return {path: '/reports/grade-structure/customers', title: event.name + ' · ' + label(line.baseGrade) + ' · ' + asOf,
    query: {by: parameters.by, group: line.group, grade: line.baseGrade,
      run: asOf === line.laterAsOf ? line.laterRunId : line.earlierRunId}};
}

/** The operations dashboards: churn, structure, tiers, the call lists' effect, defeats. */
export function dashboardsPage(root, caller, chosen) {
  return dashboards(root, chosen, SPECS, 'dashboards', 'dashboard.title');
}

/** The customer-base dashboards: grades, lifecycle, retained base, growth, loyalty, defeats by segment, data quality. */
export function baseDashboardsPage(root, caller, chosen) {
  return dashboards(root, chosen, BASE_SPECS, 'base', 'dashboard.baseTitle');
}

async function dashboards(root, chosen, specs, route, title) {
  // the period: the twelve months up to the latest classification run, or up to today; asked for together with
  // ECharts and the report list. The reports are asked for once ECharts is read: asked for while the browser
  // parses its megabyte, they drew the first chart later, not sooner (docs/performance.md).
  const [echarts, reports, latest] = await Promise.all([loadCharts(), api.get('/reports'),
    api.get('/reports/tier-distribution').catch(() => [])]); // no finished run yet: the charts that need one say so
  const charts = Promise.resolve(echarts);
  // (jipan.console.DashboardWarmUp warms these reports for the same period after the service starts: keep the two
  // in step)
  let end = new Date().toISOString().substring(0, 10);
  if (latest.length) end = latest[0].asOf;
  const start = new Date(end);
  start.setFullYear(start.getFullYear() - 1);
  start.setDate(start.getDate() + 1);
  // a period chosen on the page (#/dashboards/FROM..TO), else the twelve months up to the latest run
  const picked = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(chosen || '');
  const period = picked ? {from: picked[1], to: picked[2], month: picked[2].substring(0, 7)}
    : {from: start.toISOString().substring(0, 10), to: end, month: end.substring(0, 7)};
  const from = el('input', {type: 'date', id: 'period-from', value: period.from});
  const to = el('input', {type: 'date', id: 'period-to', value: period.to});
  const grid = el('div', {class: 'charts'});
  show(root, el('h1', {}, t(title)),
    el('form', {class: 'actions', id: 'period', onsubmit: event => {
      event.preventDefault();
      if (from.value && to.value) location.hash = '#/' + route + '/' + from.value + '..' + to.value;
    }}, el('label', {for: 'period-from'}, t('dashboard.period')), from, '–', to,
    el('button', {type: 'submit', id: 'period-apply'}, t('dashboard.apply'))), grid);
  // every report is asked for at once: each chart is drawn as soon as its report comes
  await Promise.all(specs.map(spec => card(grid, charts, reports, spec, spec.parameters(period))));
}
