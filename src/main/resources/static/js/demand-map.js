import { api, header, el, formQuery, showError, t } from './common.js';

const form = document.getElementById('filters');
const status = document.getElementById('status');

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
  head.appendChild(el('tr', null, {}, [el('th', t('领域', 'Domain')), el('th', t('合计', 'Total')),
    ...answer.columnValues.map(v => el('th', v))]));
  const byKey = new Map(answer.cells.map(c => [c.domain + '\u0000' + c.column, c]));
  for (const domain of answer.domains) {
    const total = answer.cells.filter(c => c.domain === domain).reduce((s, c) => s + c.count, 0);
    const row = el('tr', null, {}, [el('th', domain), el('td', String(total))]);
    for (const value of answer.columnValues) {
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
    document.querySelector('main').dataset.loaded = 'true';
  } catch (e) {
    status.textContent = '';
    showError(document.getElementById('error'), e);
  }
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
