import { api, header, el, formQuery, fillSelect, showError } from './common.js';

const charts = {};
function chart(id) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id));
  return charts[id];
}
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

const form = document.getElementById('filters');
const status = document.getElementById('status');

// Each load gets a number; an answer that arrives after a newer load began is dropped, so quick filter changes
// never leave an older period's hotspots or charts on screen.
let latestLoad = 0;
const current = (load, draw) => (value) => { if (load === latestLoad) draw(value); };

async function load() {
  const loadNumber = ++latestLoad;
  const started = performance.now();
  status.textContent = '加载中 loading…';
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
    drawSentiment(overall);
    drawTopics(byTopic);
    drawRegions(matrix);
    // the choices come from the first, unfiltered load: a filtered matrix would only offer the chosen value again
    for (const [id, values] of [['topic', matrix.topics], ['region', matrix.regions]]) {
      const select = document.getElementById(id);
      if (select.options.length === 1) fillSelect(select, values);
    }
    drawDemands(demands);
    status.textContent = '已加载 loaded in ' + Math.round(performance.now() - started) + ' ms';
    status.dataset.loaded = 'true';
  } catch (e) {
    if (loadNumber === latestLoad) showError(status, e);
  }
  api('/api/timeliness?' + filter).then(current(loadNumber, drawTimeliness))
    .catch(current(loadNumber, e => showError(document.getElementById('timelinessNote'), e)));
}

function hotspotPeriod(filter) {
  const q = new URLSearchParams();
  if (filter.get('from')) q.set('from', filter.get('from'));
  if (filter.get('to')) q.set('to', filter.get('to'));
  const s = q.toString();
  return s ? '&' + s : '';
}

function drawSentiment(trend) {
  const points = trend.series.length ? trend.series[0].points : [];
  chart('sentimentChart').setOption({ animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['留言量 count', '平均情感 mean sentiment'] },
    xAxis: { type: 'category', data: points.map(p => p.start) },
    yAxis: [{ type: 'value', name: 'count' }, { type: 'value', name: 'sentiment', min: -1, max: 1 }],
    series: [
      { name: '留言量 count', type: 'bar', data: points.map(p => p.count), itemStyle: { color: '#90caf9' } },
      { name: '平均情感 mean sentiment', type: 'line', yAxisIndex: 1, smooth: true,
        data: points.map(p => p.count ? Number(p.meanSentiment.toFixed(3)) : null), itemStyle: { color: '#d84315' } },
    ],
  }, true);
}

function drawTopics(trend) {
  const starts = trend.series.length ? trend.series[0].points.map(p => p.start) : [];
  chart('topicChart').setOption({ animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', data: trend.series.map(s => s.key) },
    xAxis: { type: 'category', data: starts },
    yAxis: { type: 'value' },
    series: trend.series.map(s => ({ name: s.key, type: 'line', stack: 'total', areaStyle: {}, data: s.points.map(p => p.count) })),
  }, true);
}

function drawRegions(matrix) {
  const totals = matrix.regions.map(r => [r, Object.values(matrix.counts[r] || {}).reduce((a, b) => a + b, 0)])
    .sort((a, b) => a[1] - b[1]).slice(-15);
  chart('regionChart').setOption({ animation: false,
    tooltip: {},
    grid: { left: 110 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: totals.map(t => t[0]) },
    series: [{ type: 'bar', data: totals.map(t => t[1]), itemStyle: { color: '#1565c0' } }],
  }, true);
}

function drawTimeliness(report) {
  const rows = report.agencies || [];
  const pct = v => Math.round(v * 1000) / 10;
  chart('timelinessChart').setOption({ animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['≤1 天', '≤7 天', '≤30 天'] },
    grid: { left: 140 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map(r => r.agency + ' (' + r.replied + ')') },
    series: [['≤1 天', 'within1Day'], ['≤7 天', 'within7Days'], ['≤30 天', 'within30Days']]
      .map(([name, key]) => ({ name, type: 'bar', data: rows.map(r => pct(r[key])) })),
  }, true);
  document.getElementById('timelinessNote').textContent = '有答复 replied: ' + report.replied
    + ' / 匹配 matching ' + report.matching;
}

function drawDemands(demands) {
  const body = document.querySelector('#demands tbody');
  body.textContent = '';
  for (const d of demands) body.appendChild(el('tr', null, {}, [el('td', d.demandKey), el('td', d.count), el('td', d.example)]));
}

function showHotspotsPending() {
  const body = document.querySelector('#hotspots tbody');
  body.textContent = '';
  body.appendChild(el('tr', null, {}, [el('td', '计算中 computing…', { colspan: '3', class: 'muted' })]));
}

function drawHotspots(response) {
  const body = document.querySelector('#hotspots tbody');
  body.textContent = '';
  for (const view of response.hotspots) {
    const h = view.hotspot;
    body.appendChild(el('tr', null, {}, [
      el('td', null, {}, [el('strong', h.label), el('div', h.topic + ' · ' + h.messageCount + ' 条 · ' + h.regions.join('、'), { class: 'meta' })]),
      el('td', h.heat.total.toFixed(1)),
      el('td', view.why, { class: 'meta' })]));
  }
  if (!response.hotspots.length) body.appendChild(el('tr', null, {}, [el('td', '这一时期没有热点 No hotspots in this period', { colspan: '3', class: 'muted' })]));
}

form.addEventListener('submit', event => { event.preventDefault(); load(); });
header().then(load).catch(e => showError(status, e));
