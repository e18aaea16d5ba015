import { api, header, el, formQuery, showError, t } from './common.js';

const form = document.getElementById('filters');
const status = document.getElementById('status');
const MAX_COLUMNS = 16;

/** A number for display, or a dash for none (the API writes NaN where a figure does not exist). */
function num(value, digits) {
  const n = Number(value);
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

function percent(value) {
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 100) + '%' : '—';
}

function searchLink(drill) {
  return '/search.html?' + new URLSearchParams(drill);
}

/** A table row that opens the messages behind it. */
function linkedRow(cells, drill) {
  const row = el('tr', null, { class: 'clickable', title: t('查看留言', 'open the messages') },
    cells.map(c => el('td', String(c))));
  row.addEventListener('click', () => { location.href = searchLink(drill); });
  return row;
}

function drawHeat(answer) {
  const head = document.querySelector('#heat thead');
  const body = document.querySelector('#heat tbody');
  head.textContent = '';
  body.textContent = '';
  // the largest columns only (months keep their order): a map of 60 districts reads as noise
  const totals = new Map();
  for (const c of answer.cells) totals.set(c.column, (totals.get(c.column) || 0) + c.count);
  const columns = answer.columns === 'MONTH' ? answer.columnValues
    : [...answer.columnValues].sort((a, b) => totals.get(b) - totals.get(a)).slice(0, MAX_COLUMNS);
  const hidden = answer.columnValues.length - columns.length;
  document.getElementById('heatNote').textContent = hidden > 0
    ? t('另有 ' + hidden + ' 个较小的列未显示（见下方明细与盲区）。', hidden + ' smaller columns not shown.') : '';
  head.appendChild(el('tr', null, {}, [el('th', t('领域', 'Domain')), el('th', t('合计', 'Total')),
    ...columns.map(v => el('th', v))]));
  const byKey = new Map(answer.cells.map(c => [c.domain + '\u0000' + c.column, c]));
  for (const domain of answer.domains) {
    const total = answer.cells.filter(c => c.domain === domain).reduce((s, c) => s + c.count, 0);
    const row = el('tr', null, {}, [el('th', domain), el('td', String(total))]);
    for (const value of columns) {
      const cell = byKey.get(domain + '\u0000' + value);
      const td = el('td', cell ? String(cell.count) : '', { class: 'heat' });
      if (cell) {
        // "not stated" holds most messages of every domain: grey, so the stated columns carry the colour
        const hue = value === '未提及' ? '120, 120, 120, ' : '192, 57, 43, ';
        td.style.background = 'rgba(' + hue + Math.min(0.85, 0.08 + cell.share * 1.2).toFixed(2) + ')';
        if (cell.share > 0.45) td.style.color = '#fff';
        td.title = domain + ' · ' + value + '\n' + t('占比 ', 'share ') + percent(cell.share)
          + t('，答复率 ', ', replied ') + percent(cell.replyRate) + t('，答复中位 ', ', median ')
          + num(cell.medianReplyDays, 1) + t(' 天，态度 ', ' days, attitude ') + num(cell.meanAttitude, 2)
          + (cell.rated > 0 ? t('，满意率 ', ', satisfied ') + percent(cell.satisfaction) : '');
        td.addEventListener('click', () => { location.href = searchLink(cell.drill); });
        td.classList.add('clickable');
      }
      row.appendChild(td);
    }
    body.appendChild(row);
  }
}

function drawGap(answer) {
  const body = document.querySelector('#gap tbody');
  body.textContent = '';
  for (const g of answer.urbanRural) {
    const r = g.rural;
    const ci = Number.isFinite(Number(r.ratio))
      ? num(r.ratio, 2) + ' [' + num(r.low, 2) + ', ' + num(r.high, 2) + ']'
        + (Number(r.low) > 1 || Number(r.high) < 1 ? ' *' : '')
      : '—';
    body.appendChild(linkedRow([g.domain, num(r.rateA, 1) + ' (' + g.ruralCount + ')',
      num(r.rateB, 1) + ' (' + g.urbanCount + ')', ci], { domain: g.domain }));
  }
  document.getElementById('gapMethod').textContent = t('方法：', 'Method: ') + answer.methods.urbanRural
    + t('。* 表示区间不含 1。', '. * the interval leaves out 1.');
}

function drawBlind(answer) {
  const body = document.querySelector('#blind tbody');
  body.textContent = '';
  for (const b of answer.blindSpots.slice(0, 20)) {
    body.appendChild(linkedRow([b.domain, b.column, b.observed, num(b.expected, 1), Number(b.p).toExponential(1),
      num(b.z, 1)], b.drill));
  }
  if (answer.blindSpots.length === 0) body.appendChild(el('tr', null, {}, [el('td', t('未发现', 'none found'))]));
  document.getElementById('blindMethod').textContent = t('检验：', 'Test: ') + answer.methods.blindSpots;
}

function drawSlow(answer) {
  const body = document.querySelector('#slow tbody');
  body.textContent = '';
  for (const s of answer.slowReplies.slice(0, 20)) {
    body.appendChild(linkedRow([s.domain, s.column, s.count, s.why], s.drill));
  }
  if (answer.slowReplies.length === 0) body.appendChild(el('tr', null, {}, [el('td', t('未发现', 'none found'))]));
  document.getElementById('slowMethod').textContent = t('规则：', 'Rule: ') + answer.methods.slowReplies;
}

function drawCells(answer) {
  const body = document.querySelector('#cells tbody');
  body.textContent = '';
  const largest = [...answer.cells].sort((a, b) => b.count - a.count).slice(0, 25);
  for (const c of largest) {
    body.appendChild(linkedRow([c.domain, c.column, c.count, percent(c.share), num(c.meanAttitude, 2),
      percent(c.replyRate), num(c.medianReplyDays, 1), c.rated > 0 ? percent(c.satisfaction) : '—'], c.drill));
  }
}

async function load() {
  const query = formQuery(form);
  history.replaceState(null, '', '?' + query);
  status.textContent = t('计算中…', 'working…');
  try {
    const answer = await api('/api/demand-map?' + query);
    status.textContent = t('共 ' + answer.messages + ' 条有领域的留言', answer.messages + ' messages with a domain');
    drawHeat(answer);
    drawGap(answer);
    drawBlind(answer);
    drawSlow(answer);
    drawCells(answer);
    await Promise.all([loadSatisfaction(), loadForecast()]);
    document.querySelector('main').dataset.loaded = 'true';
  } catch (e) {
    status.textContent = '';
    showError(document.getElementById('error'), e);
  }
}

let forecast = null;

/** Says inside the chart's frame why it is empty rather than leaving a blank frame. */
function showNoForecast(frame) {
  echarts.getInstanceByDom(frame)?.dispose();
  frame.textContent = '';
  const byRegion = document.getElementById('forecastBy').value === 'region';
  frame.appendChild(el('p', byRegion
    ? t('没有哪个地区的留言多到足以预测，请按服务领域查看，或放宽时间范围。',
      'No region has enough messages to forecast: look by service domain, or widen the period.')
    : t('所选范围内留言太少，无法预测。', 'Too few messages in the chosen range to forecast.'),
  { class: 'muted chart-empty' }));
  frame.dataset.loaded = 'true';
}

/** History solid, forecast dashed from the last count on, the 95 % and 80 % bands as stacked areas. */
function drawForecast() {
  const select = document.getElementById('forecastDomain');
  const chosen = forecast.series.find(s => s.domain === select.value) || forecast.series[0];
  const frame = document.getElementById('forecastChart');
  if (!chosen) {
    showNoForecast(frame);
    return;
  }
  frame.querySelector('.chart-empty')?.remove();
  const chart = echarts.getInstanceByDom(frame) || echarts.init(frame);
  const axis = [...forecast.periods, ...chosen.ahead];
  const past = forecast.periods.length;
  const pad = n => new Array(n).fill(null);
  const last = chosen.actual[past - 1];
  const band = (low, high) => [pad(past - 1).concat([last], low), pad(past - 1).concat([0], high.map((h, i) => h - low[i]))];
  const [low95, width95] = band(chosen.low95, chosen.high95);
  const [low80, width80] = band(chosen.low80, chosen.high80);
  const name95 = t('95% 区间', '95% band');
  const name80 = t('80% 区间', '80% band');
  const fill95 = 'rgba(192, 57, 43, 0.15)';
  const fill80 = 'rgba(192, 57, 43, 0.35)';
  // the recent past and the forecast in view; the slider reaches back to the first period
  const recent = forecast.interval === 'month' ? 24 : 52;
  const zoom = { startValue: Math.max(0, axis.length - recent - chosen.ahead.length), endValue: axis.length - 1 };
  const count = v => Math.round(v * 10) / 10;
  const tip = items => {
    const i = items[0].dataIndex;
    const k = i - past;
    const lines = [axis[i]];
    if (k < 0) lines.push(t('实际 ', 'actual ') + chosen.actual[i]);
    else {
      lines.push(t('预测 ', 'forecast ') + count(chosen.point[k]));
      lines.push(name80 + ' ' + chosen.low80[k] + '–' + chosen.high80[k]);
      lines.push(name95 + ' ' + chosen.low95[k] + '–' + chosen.high95[k]);
    }
    return lines.join('<br>');
  };
  chart.setOption({
    tooltip: { trigger: 'axis', formatter: tip },
    legend: { top: 0, data: [t('实际', 'actual'), t('预测', 'forecast'), name95, name80] },
    grid: { top: 40, bottom: 70 },
    dataZoom: [{ type: 'inside', ...zoom }, { type: 'slider', bottom: 10, ...zoom }],
    xAxis: { type: 'category', data: axis },
    yAxis: { type: 'value', min: 0 },
    series: [
      { name: t('实际', 'actual'), type: 'line', data: chosen.actual, showSymbol: false,
        itemStyle: { color: '#1f4e79' }, lineStyle: { color: '#1f4e79' } },
      { name: t('预测', 'forecast'), type: 'line', data: pad(past - 1).concat([last], chosen.point),
        itemStyle: { color: '#c0392b' }, lineStyle: { type: 'dashed', color: '#c0392b' }, showSymbol: false },
      { name: '95% low', type: 'line', data: low95, stack: 'b95', lineStyle: { opacity: 0 }, showSymbol: false,
        tooltip: { show: false } },
      { name: name95, type: 'line', data: width95, stack: 'b95', lineStyle: { opacity: 0 }, showSymbol: false,
        itemStyle: { color: fill95 }, areaStyle: { color: fill95 }, tooltip: { show: false } },
      { name: '80% low', type: 'line', data: low80, stack: 'b80', lineStyle: { opacity: 0 }, showSymbol: false,
        tooltip: { show: false } },
      { name: name80, type: 'line', data: width80, stack: 'b80', lineStyle: { opacity: 0 }, showSymbol: false,
        itemStyle: { color: fill80 }, areaStyle: { color: fill80 }, tooltip: { show: false } },
    ],
  }, true);
  document.getElementById('forecastChart').dataset.loaded = 'true';
}

async function loadForecast() {
  const query = formQuery(form);
  query.delete('columns');
  query.delete('level');
  query.set('interval', document.getElementById('forecastInterval').value);
  query.set('by', document.getElementById('forecastBy').value);
  query.set('domains', '12');
  forecast = await api('/api/demand-map/forecast?' + query);
  const select = document.getElementById('forecastDomain');
  const keep = select.value;
  select.textContent = '';
  for (const s of forecast.series) select.appendChild(el('option', s.domain + ' (' + s.total + ')', { value: s.domain }));
  if (forecast.series.some(s => s.domain === keep)) select.value = keep;
  select.disabled = forecast.series.length === 0; // nothing to choose: the chart's frame says why
  document.getElementById('forecastMethod').textContent = t('方法：', 'Method: ') + forecast.method;
  const notes = [];
  if (forecast.partial) {
    notes.push(t(forecast.partial + ' 起的周期不完整（尚未结束，或数据止于其中途），不计入历史，预测从它开始。',
      'The period from ' + forecast.partial + ' is incomplete (not over, or the data stop within it): left out of'
      + ' the history, the forecast starts with it.'));
  }
  if (forecast.left > 0) {
    notes.push(t('另有 ' + forecast.left + ' 个地区留言太少，不做预测。', forecast.left + ' regions have too few messages to forecast.'));
  }
  document.getElementById('forecastNote').textContent = notes.join(' ');
  drawForecast();
}

async function loadSatisfaction() {
  const query = formQuery(form);
  query.delete('columns');
  query.delete('level');
  query.set('by', document.getElementById('satisfactionBy').value);
  const answer = await api('/api/demand-map/satisfaction?' + query);
  const body = document.querySelector('#satisfaction tbody');
  body.textContent = '';
  if (answer.rows.length === 0) {
    // say why the table is empty rather than leave a bare header
    body.appendChild(el('tr', null, {}, [el('td', answer.by === 'domain'
      ? t('所选范围内没有哪个领域的留言达到 10 条，无法排名；请放宽时间或地区范围。',
        'No domain has 10 messages in this selection to rank; widen the period or region.')
      : t('所选范围内没有哪个部门的留言达到 10 条（部门取自工单承办部门或答复单位），无法排名；请放宽时间或地区范围。',
        'No department has 10 messages in this selection (departments come from work orders or replying agencies); widen the period or region.'),
      {colspan: '8', class: 'table-empty'})]));
  }
  answer.rows.slice(0, 20).forEach((r, i) => body.appendChild(el('tr', null, {}, [el('td', String(i + 1)),
    el('td', r.name), el('td', String(r.messages)), el('td', num(r.index, 1)), el('td', percent(r.replyRate)),
    el('td', percent(r.timely)), el('td', r.rated > 0 ? percent(r.satisfied) + ' (' + r.rated + ')' : '—'),
    el('td', percent(r.repeatShare))])));
  document.getElementById('satisfactionMethod').textContent = t('公式：', 'Formula: ') + answer.formula;
}

document.getElementById('satisfactionBy').addEventListener('change', () => loadSatisfaction()
  .catch(e => showError(document.getElementById('error'), e)));
document.getElementById('forecastDomain').addEventListener('change', drawForecast);
for (const id of ['forecastInterval', 'forecastBy']) {
  document.getElementById(id).addEventListener('change', () => loadForecast()
    .catch(e => showError(document.getElementById('error'), e)));
}

form.addEventListener('submit', event => {
  event.preventDefault();
  load();
});

const params = new URLSearchParams(location.search);
for (const name of ['from', 'to', 'columns', 'level', 'channel']) {
  if (params.has(name)) document.getElementById(name).value = params.get(name);
}
header().then(load).catch(e => showError(document.getElementById('error'), e));
