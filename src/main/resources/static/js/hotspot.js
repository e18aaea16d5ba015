import { api, header, el, showError, t, time, date, translate } from './common.js';

// One hot issue: why it is hot, how it unfolded (daily counts, first message, peak, replies, latest state), its
// places and departments, and its messages, paged and searchable (the issue's own message endpoint: a large issue
// has more ids than a URL holds).
const PAGE_SIZE = 10;
const id = new URLSearchParams(location.search).get('id');
let page = 0;

async function show() {
  const detail = await api('/api/hotspots/' + encodeURIComponent(id));
  const h = detail.view.hotspot;
  document.title = t('民意 · 热点 · ', 'MinYi · Hot issue · ') + h.label;
  document.getElementById('label').textContent = h.label;
  document.getElementById('meta').textContent = [h.topic, h.messageCount + t(' 条留言', ' messages'),
    date(h.first) + ' – ' + date(h.last), t('热度 ', 'heat ') + h.heat.total.toFixed(1)].join(' · ');
  document.getElementById('why').textContent = detail.view.why;
  document.getElementById('formula').textContent = detail.view.formula;
  const facts = [
    [t('地区', 'Regions'), h.regions.join('、')],
    [t('地点', 'Places'), h.places.slice(0, 12).join('、')],
    [t('涉及部门', 'Departments'), h.departments.slice(0, 12).join('、')],
    [t('主题', 'Topics'), h.topics.join('、')],
    [t('关键词', 'Keywords'), h.keywords.join('、')],
  ];
  const body = document.getElementById('facts');
  body.textContent = '';
  for (const [name, value] of facts) body.appendChild(el('tr', null, {}, [el('th', name), el('td', value || '-')]));
  drawTimeline(detail.timeline);
  document.getElementById('hotspot').dataset.loaded = 'true';
  await members();
}

function drawTimeline(line) {
  echarts.init(document.getElementById('timelineChart')).setOption({
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: line.days.map(d => d.day) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('留言数', 'messages'), data: line.days.map(d => d.messages) }],
  });
  const messageLink = (m) => m ? el('a', time(m.at) + '  ' + (m.title || m.id),
    { href: '/message.html?id=' + encodeURIComponent(m.id) }) : el('span', '-');
  const rows = [
    [t('首条留言', 'First message'), messageLink(line.first)],
    [t('峰值', 'Peak'), el('span', line.peak ? line.peak.day + t('，', ', ') + line.peak.messages + t(' 条', ' messages') : '-')],
    [t('最新留言', 'Latest message'), messageLink(line.latest)],
    [t('已答复', 'Replied so far'), el('span', line.replied + ' / ' + line.members)],
    [t('最新状态', 'Latest state'), el('span', line.latestState)],
  ];
  const body = document.getElementById('timeline');
  body.textContent = '';
  for (const [name, value] of rows) body.appendChild(el('tr', null, {}, [el('th', name), el('td', null, {}, [value])]));
}

async function members() {
  const q = new URLSearchParams({ order: 'newest', page: String(page), size: String(PAGE_SIZE) });
  const text = document.getElementById('memberQuery').value.trim();
  if (text) q.set('q', text);
  const result = await api('/api/hotspots/' + encodeURIComponent(id) + '/messages?' + q);
  const box = document.getElementById('members');
  box.textContent = '';
  for (const hit of result.hits) {
    const m = hit.message;
    box.appendChild(el('article', null, { class: 'hit' }, [
      el('h3', null, {}, [el('a', m.title || t('（无标题）', '(no title)'),
        { href: '/message.html?id=' + encodeURIComponent(m.id), class: 'hit-title' })]),
      el('div', [time(m.createdAt), m.region, m.topic, m.votes ? t('赞 ', 'likes ') + m.votes.likes : null,
        m.reply ? t('已答复', 'replied') : t('未答复', 'no reply')].filter(Boolean).join(' · '), { class: 'meta' }),
      el('p', (m.text || '').substring(0, 160))]));
  }
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  document.getElementById('memberSummary').textContent = t('共 ' + result.total + ' 条，第 ' + (page + 1) + '/' + pages + ' 页',
    result.total + ' messages, page ' + (page + 1) + ' of ' + pages);
  document.getElementById('previous').disabled = page === 0;
  document.getElementById('next').disabled = page + 1 >= pages;
  document.getElementById('members').dataset.loaded = 'true';
}

document.getElementById('memberSearch').addEventListener('submit', (e) => { e.preventDefault(); page = 0; members(); });
document.getElementById('previous').addEventListener('click', () => { page--; members(); });
document.getElementById('next').addEventListener('click', () => { page++; members(); });

header().then(() => { translate(document); return show(); }).catch(e => {
  const error = document.getElementById('error');
  error.hidden = false;
  showError(error, e.status === 404 ? new Error(t('找不到这个热点：它可能已冷却、不在当前时期内，或不在您的辖区内。',
    'No such hot issue: it may have cooled and left the current period, or lie outside your area.')) : e);
  document.getElementById('hotspot').hidden = true;
});
