import { api, header, el, formQuery, fillSelect, showError, t, translate } from './common.js';

const charts = {};
function chart(id) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id));
  return charts[id];
}
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

const form = document.getElementById('filters');
const status = document.getElementById('status');
/** The name of the first timeliness row, the total over every agency (ReplyDelays.ALL). */
const ALL_AGENCIES = '全部';

// Each load gets a number; an answer that arrives after a newer load began is dropped, so quick filter changes
// never leave an older period's hotspots or charts on screen.
let latestLoad = 0;
const current = (load, draw) => (value) => { if (load === latestLoad) draw(value); };

async function load() {
  const loadNumber = ++latestLoad;
  const started = performance.now();
  status.textContent = t('加载中…', 'loading…');
  status.className = 'muted';
  const filter = formQuery(form);
  filter.delete('interval');
  const interval = document.getElementById('interval').value;
  const trendQuery = (split) => { const q = new URLSearchParams(filter); q.set('interval', interval); q.set('split', split); return q; };
  try {
    // hotspots of a period nobody asked for before are computed on request (about a second at 100k messages
    // for seven months): they draw when ready
    showHotspotsPending();
    api('/api/hotspots?limit=8' + hotspotPeriod(filter)).then(current(loadNumber, drawHotspots))
      .catch(current(loadNumber, e => showError(document.querySelector('#hotspots tbody'), e)));
    const [overall, byTopic, matrix, demands] = await Promise.all([
      api('/api/trends?' + trendQuery('none')),
      api('/api/trends?' + trendQuery('topic') + '&maxSeries=8'),
      api('/api/insight/matrix?' + filter),
      api('/api/demands?limit=10&' + filter),
    ]);
    if (loadNumber !== latestLoad) return;
    drawSentiment(overall, filter);
    drawTopics(byTopic, filter);
    drawRegions(matrix, filter);
    // the choices come from the first, unfiltered load: a filtered matrix would only offer the chosen value again
    for (const [id, values] of [['topic', matrix.topics], ['region', matrix.regions]]) {
      const select = document.getElementById(id);
      if (select.options.length === 1) fillSelect(select, values);
    }
    drawDemands(demands, filter);
    status.textContent = t('已加载，用时 ', 'loaded in ') + Math.round(performance.now() - started) + ' ms';
    status.dataset.loaded = 'true';
  } catch (e) {
    if (loadNumber === latestLoad) showError(status, e);
  }
  api('/api/timeliness?' + filter).then(current(loadNumber, report => drawTimeliness(report, filter)))
    .catch(current(loadNumber, e => showError(document.getElementById('timelinessNote'), e)));
  const savedQuery = new URLSearchParams({ interval });
  if (filter.get('from')) savedQuery.set('from', filter.get('from'));
  if (filter.get('to')) savedQuery.set('to', filter.get('to'));
  api('/api/saved-searches/overview?' + savedQuery).then(current(loadNumber, list => drawSaved(list, filter)))
    .catch(current(loadNumber, e => showError(document.getElementById('savedSearches'), e)));
}

/** The period and the topic, region and channel filters, as the hotspot API reads them. */
function hotspotPeriod(filter) {
  const q = new URLSearchParams();
  for (const name of ['from', 'to', 'topic', 'region', 'channel']) {
    if (filter.get(name)) q.set(name, filter.get(name));
  }
  const s = q.toString();
  return s ? '&' + s : '';
}

// ---- drill-down: every bar, point and row opens the search for its messages

/** The search page for the dashboard's filters plus {@code extra} (a period, a topic, a region…). */
function searchLink(filter, extra) {
  const q = new URLSearchParams(filter);
  for (const [name, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === '') q.delete(name); else q.set(name, value);
  }
  return '/search.html?' + q;
}

function openSearch(filter, extra) {
  location.href = searchLink(filter, extra);
}

/** The days a trend bucket covers, within the dashboard's own period. */
function bucket(start, filter) {
  const interval = document.getElementById('interval').value;
  const first = new Date(start + 'T00:00:00Z');
  const last = new Date(first);
  if (interval === 'month') { last.setUTCMonth(last.getUTCMonth() + 1); last.setUTCDate(0); }
  if (interval === 'week') last.setUTCDate(last.getUTCDate() + 6);
  let from = start;
  let to = last.toISOString().substring(0, 10);
  if (filter.get('from') && filter.get('from') > from) from = filter.get('from');
  if (filter.get('to') && filter.get('to') < to) to = filter.get('to');
  return { from, to };
}

function drawSentiment(trend, filter) {
  const points = trend.series.length ? trend.series[0].points : [];
  const count = t('留言量', 'count');
  const mean = t('平均情感', 'mean sentiment');
  const c = chart('sentimentChart');
  c.setOption({ animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [count, mean] },
    grid: { containLabel: true, left: 10, right: 10 },
    xAxis: { type: 'category', data: points.map(p => p.start) },
    yAxis: [{ type: 'value', name: count }, { type: 'value', name: t('情感', 'sentiment'), min: -1, max: 1 }],
    series: [
      { name: count, type: 'bar', data: points.map(p => p.count), itemStyle: { color: '#90caf9' }, cursor: 'pointer' },
      { name: mean, type: 'line', yAxisIndex: 1, smooth: true, cursor: 'pointer',
        data: points.map(p => p.count ? Number(p.meanSentiment.toFixed(3)) : null), itemStyle: { color: '#d84315' } },
    ],
  }, true);
  c.off('click');
  c.on('click', params => openSearch(filter, bucket(params.name, filter)));
}

function drawTopics(trend, filter) {
  const starts = trend.series.length ? trend.series[0].points.map(p => p.start) : [];
  const c = chart('topicChart');
  c.setOption({ animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', data: trend.series.map(s => s.key) },
    grid: { containLabel: true, left: 10, right: 10 },
    xAxis: { type: 'category', data: starts },
    yAxis: { type: 'value' },
    series: trend.series.map(s => ({ name: s.key, type: 'line', stack: 'total', areaStyle: {}, cursor: 'pointer',
      symbolSize: 7, data: s.points.map(p => p.count) })),
  }, true);
  c.off('click');
  c.on('click', params => openSearch(filter, Object.assign({ topic: params.seriesName }, bucket(params.name, filter))));
}

/** A category axis with one label per row, never thinned out, long names cut with an ellipsis. */
function rowAxis(names, width) {
  return { type: 'category', inverse: true, data: names,
    axisLabel: { interval: 0, width, overflow: 'truncate', ellipsis: '…' } };
}

/** Tall enough for every row to have its label. */
function fitHeight(id, rows) {
  const node = document.getElementById(id);
  node.style.height = Math.max(300, 60 + rows * 24) + 'px';
  chart(id).resize();
}

function drawRegions(matrix, filter) {
  const totals = matrix.regions.map(r => [r, Object.values(matrix.counts[r] || {}).reduce((a, b) => a + b, 0)])
    .sort((a, b) => b[1] - a[1]).slice(0, 20);
  fitHeight('regionChart', totals.length);
  const c = chart('regionChart');
  c.setOption({ animation: false,
    tooltip: {},
    grid: { containLabel: true, left: 10, right: 20 },
    xAxis: { type: 'value' },
    yAxis: rowAxis(totals.map(r => r[0]), 110),
    series: [{ type: 'bar', data: totals.map(r => r[1]), itemStyle: { color: '#1565c0' }, cursor: 'pointer' }],
  }, true);
  c.off('click');
  c.on('click', params => openSearch(filter, { region: params.name }));
}

function drawTimeliness(report, filter) {
  const rows = report.agencies || [];
  const pct = v => Math.round(v * 1000) / 10;
  const names = [[t('1 天内', 'within 1 day'), 'within1Day'], [t('7 天内', 'within 7 days'), 'within7Days'],
    [t('30 天内', 'within 30 days'), 'within30Days']];
  fitHeight('timelinessChart', rows.length * 1.6);
  const c = chart('timelinessChart');
  c.setOption({ animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: names.map(n => n[0]) },
    grid: { containLabel: true, left: 10, right: 20 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: rowAxis(rows.map(r => (r.agency === ALL_AGENCIES ? t('全部', 'all') : r.agency) + ' (' + r.replied + ')'), 160),
    series: names.map(([name, key]) => ({ name, type: 'bar', cursor: 'pointer', data: rows.map(r => pct(r[key])) })),
  }, true);
  c.off('click');
  c.on('click', params => {
    const row = rows[params.dataIndex];
    openSearch(filter, { agency: row && row.agency !== ALL_AGENCIES ? row.agency : null });
  });
  document.getElementById('timelinessNote').textContent = t('有答复 ', 'replied: ') + report.replied
    + t(' / 共 ', ' / matching ') + report.matching;
  document.getElementById('timelinessNote').dataset.loaded = 'true';
}

function clickableRow(cells, href) {
  const row = el('tr', null, { class: 'clickable', 'data-href': href }, cells);
  row.addEventListener('click', () => { location.href = href; });
  return row;
}

const TRENDS = { '上升': 'rising', '下降': 'falling', '平稳': 'steady', '新出现': 'new' };

function drawDemands(demands, filter) {
  const body = document.querySelector('#demands tbody');
  body.textContent = '';
  if (demands.length === 0) {
    // a phrase one message alone yields does not rank (see /api/demands minMessages)
    body.appendChild(el('tr', null, {}, [el('td', t('暂无两条及以上留言共有的诉求', 'No demand shared by two or more messages'),
      { colspan: '5', class: 'muted' })]));
  }
  for (const d of demands) {
    const regions = d.regions.map(r => r.term + ' ' + r.count).join('、');
    body.appendChild(clickableRow([el('td', null, {}, [el('strong', d.demandKey)]), el('td', d.count),
      el('td', regions, { class: 'meta' }), el('td', t(d.trend, TRENDS[d.trend] || d.trend)),
      el('td', d.example, { class: 'meta' })], searchLink(filter, { demand: d.demandKey })));
  }
}

function showHotspotsPending() {
  document.getElementById('hotspots').removeAttribute('data-loaded');
  const body = document.querySelector('#hotspots tbody');
  body.textContent = '';
  body.appendChild(el('tr', null, {}, [el('td', t('计算中…', 'computing…'), { colspan: '3', class: 'muted' })]));
}

function drawHotspots(response) {
  const body = document.querySelector('#hotspots tbody');
  body.textContent = '';
  for (const view of response.hotspots) {
    const h = view.hotspot;
    const href = '/hotspot.html?' + new URLSearchParams({ id: h.id });
    // the formula stays one click away: a leader reads the sentence, an analyst opens the details
    const details = el('details', null, {}, [el('summary', t('详情', 'Details')), el('div', view.formula, { class: 'meta' })]);
    details.addEventListener('click', e => e.stopPropagation());
    body.appendChild(clickableRow([
      el('td', null, {}, [el('strong', h.label), el('div', h.topic + ' · ' + h.messageCount + t(' 条 · ', ' messages · ')
        + h.regions.slice(0, 3).join('、'), { class: 'meta' })]),
      el('td', h.heat.total.toFixed(1)),
      el('td', null, {}, [el('div', view.why), details])], href));
  }
  if (!response.hotspots.length) {
    body.appendChild(el('tr', null, {}, [el('td', t('这一时期没有热点', 'No hot issues in this period'),
      { colspan: '3', class: 'muted' })]));
  }
  document.getElementById('hotspots').dataset.loaded = 'true';
}

/** Each saved search: its count in the period, the change against the period before, its trend; a click opens it. */
function drawSaved(list, filter) {
  const box = document.getElementById('savedSearches');
  box.textContent = '';
  if (!list.length) {
    box.appendChild(el('p', t('还没有专题：在检索页输入检索式后点“保存为专题”。',
      'No saved searches yet: search, then "Save as saved search".'), { class: 'muted' }));
  }
  for (const entry of list) {
    const q = new URLSearchParams({ saved: entry.search.id });
    if (filter.get('from')) q.set('from', filter.get('from'));
    if (filter.get('to')) q.set('to', filter.get('to'));
    const link = el('a', entry.search.name, { href: '/search.html?' + q, 'data-saved': entry.search.id });
    const change = entry.previousTotal === undefined || entry.previousTotal === null ? null
      : entry.total - entry.previousTotal;
    const parts = [el('span', t(entry.total + ' 条', entry.total + ' messages'), { class: 'count' }),
      el('span', t('负面 ', 'negative ') + entry.negative, { class: 'muted' })];
    if (change !== null) {
      parts.push(el('span', (change > 0 ? '↑' : change < 0 ? '↓' : '→') + Math.abs(change),
        { class: change > 0 ? 'change-up' : 'change-down', title: t('与上一时期相比', 'against the period before') }));
    }
    const spark = el('div', null, { class: 'spark' });
    box.appendChild(el('div', null, { class: 'saved' }, [link, ...parts, spark]));
    echarts.init(spark).setOption({ animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: entry.points.map(p => p.start) },
      yAxis: { type: 'value', show: false },
      series: [{ type: 'line', data: entry.points.map(p => p.count), symbol: 'none', lineStyle: { color: '#1565c0' },
        areaStyle: { color: '#e3ecf8' } }] });
  }
  box.dataset.loaded = 'true';
}

form.addEventListener('submit', event => { event.preventDefault(); load(); });
header().then(() => { translate(document); return load(); }).catch(e => showError(status, e));
