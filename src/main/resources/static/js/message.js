import { api, header, el, showError, t, time, valueName } from './common.js';

async function show() {
  const id = new URLSearchParams(location.search).get('id');
  const m = await api('/api/messages/' + encodeURIComponent(id));
  document.title = t('民意 · ', 'MinYi · ') + (m.title || m.id);
  document.getElementById('title').textContent = m.title || t('（无标题）', '(no title)');
  document.getElementById('meta').textContent = [m.id, time(m.createdAt), m.source, valueName('channel', m.channel),
    m.region, m.url].filter(Boolean).join(' · ');
  document.getElementById('text').textContent = m.text;
  const rows = [
    [t('主题', 'Topic'), m.topic + ' (' + m.topicScore.toFixed(2) + ')'],
    [t('情感', 'Sentiment'), valueName('sentiment', m.sentiment) + ' (' + m.sentimentScore.toFixed(2) + ')'],
    [t('地点', 'Places'), (m.places || []).join('、')],
    [t('部门', 'Departments'), (m.departments || []).join('、')],
    [t('关键词', 'Keywords'), (m.keywords || []).join('、')],
    [t('诉求', 'Demand'), m.demand || ''],
    [t('点赞 / 反对', 'Likes / against'), m.votes ? m.votes.likes + ' / ' + m.votes.against : ''],
    [t('服务领域', 'Service domains'), ((m.profile || {}).domains || []).join('、')],
    [t('群体（依据）', 'Groups (evidence)'), evidence((m.profile || {}).groups)],
    [t('生命阶段（依据）', 'Life stages (evidence)'), evidence((m.profile || {}).stages)],
    [t('城乡', 'Urban / rural'), (m.profile || {}).area || t('未判断', 'not told')],
  ];
  const body = document.getElementById('analysis');
  body.textContent = '';
  for (const [name, value] of rows) body.appendChild(el('tr', null, {}, [el('th', name), el('td', value)]));
  const reply = document.getElementById('reply');
  reply.textContent = m.reply ? [m.reply.agency, time(m.reply.time), m.reply.text].filter(Boolean).join('\n')
    : t('尚无答复', 'No reply yet');
  document.getElementById('message').dataset.loaded = 'true';
  await Promise.all([showSimilar(id), showCorrections(id)]);
}

/** Each group or stage with the words of the text that are its evidence: 老年人（“七十多岁”）. */
function evidence(list) {
  return (list || []).map(e => e.label + '（“' + e.cue + '”）').join('、');
}

const TOPICS = ['城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生计生', '其他'];
const ATTITUDES = { negative: '负面 negative', neutral: '中性 neutral', positive: '正面 positive' };

function fillValues() {
  const field = document.getElementById('correction-field').value;
  const select = document.getElementById('correction-value');
  select.textContent = '';
  const values = field === 'topic' ? TOPICS.map(t => [t, t]) : Object.entries(ATTITUDES);
  for (const [value, label] of values) select.appendChild(el('option', label, { value }));
}

async function showCorrections(id) {
  let list;
  try {
    list = await api('/api/messages/' + encodeURIComponent(id) + '/corrections');
  } catch (e) {
    if (e.status === 403) { // leaders read messages; managers and admins correct them
      document.getElementById('correct').hidden = true;
      return;
    }
    throw e;
  }
  const body = document.getElementById('corrections');
  body.textContent = '';
  for (const c of list) {
    body.appendChild(el('tr', null, {}, [
      el('td', new Date(c.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3)),
      el('td', c.by), el('td', c.field === 'topic' ? '主题' : '态度'), el('td', (c.before || '—') + ' → ' + c.after)]));
  }
}

async function showSimilar(id) {
  const answer = await api('/api/messages/' + encodeURIComponent(id) + '/similar?limit=5');
  const list = document.getElementById('similar-list');
  list.textContent = '';
  if (!answer.vectorKnown) {
    list.appendChild(el('li', '这条留言入库时未启用语义编码，无法查找相似留言。 Indexed without the sentence encoder.'));
  } else if (answer.similar.length === 0) {
    list.appendChild(el('li', '没有更早的相似留言。 No earlier message is similar.'));
  }
  for (const s of answer.similar) {
    const m = s.message;
    const link = el('a', m.title || m.id, { href: '/message.html?id=' + encodeURIComponent(m.id) });
    const meta = el('span', ' · 相似度 ' + Math.round(s.similarity * 100) + '% · ' + (m.createdAt || '').slice(0, 10)
      + (m.region ? ' · ' + m.region : ''), { class: 'muted' });
    const reply = m.reply && m.reply.text
      ? el('div', '答复' + (m.reply.agency ? '（' + m.reply.agency + '）' : '') + '：' + m.reply.text.slice(0, 160)
        + (m.reply.text.length > 160 ? '…' : ''), { class: 'text' })
      : el('div', '尚无答复 No reply yet', { class: 'muted' });
    list.appendChild(el('li', null, { class: 'similar' }, [link, meta, reply]));
  }
  document.getElementById('similar').dataset.loaded = 'true';
}

document.getElementById('correction-field').addEventListener('change', fillValues);
document.getElementById('correction-form').addEventListener('submit', async event => {
  event.preventDefault();
  const id = new URLSearchParams(location.search).get('id');
  const status = document.getElementById('correction-status');
  try {
    await api('/api/messages/' + encodeURIComponent(id) + '/corrections', { method: 'POST', body: {
      field: document.getElementById('correction-field').value,
      value: document.getElementById('correction-value').value } });
    status.textContent = '已保存 Saved';
    await show();
  } catch (e) {
    status.textContent = String(e.message);
  }
});
fillValues();

header().then(show).catch(e => {
  const error = document.getElementById('error');
  showError(error, e.status === 404 ? new Error(t('找不到这条留言，或它不在您的辖区内。',
    'No such message, or it lies outside your area.')) : e);
  document.getElementById('message').hidden = true;
});
