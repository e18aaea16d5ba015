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
  ];
  const body = document.getElementById('analysis');
  for (const [name, value] of rows) body.appendChild(el('tr', null, {}, [el('th', name), el('td', value)]));
  const reply = document.getElementById('reply');
  reply.textContent = m.reply ? [m.reply.agency, time(m.reply.time), m.reply.text].filter(Boolean).join('\n')
    : t('尚无答复', 'No reply yet');
  document.getElementById('message').dataset.loaded = 'true';
}

header().then(show).catch(e => {
  const error = document.getElementById('error');
  showError(error, e.status === 404 ? new Error(t('找不到这条留言，或它不在您的辖区内。',
    'No such message, or it lies outside your area.')) : e);
  document.getElementById('message').hidden = true;
});
