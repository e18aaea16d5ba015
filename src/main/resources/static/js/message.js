import { api, header, el, showError } from './common.js';

async function show() {
  const id = new URLSearchParams(location.search).get('id');
  const m = await api('/api/messages/' + encodeURIComponent(id));
  document.title = '民意 MinYi · ' + (m.title || m.id);
  document.getElementById('title').textContent = m.title || '(无标题)';
  document.getElementById('meta').textContent = [m.id, m.createdAt, m.source, m.channel, m.region, m.url]
    .filter(Boolean).join(' · ');
  document.getElementById('text').textContent = m.text;
  const rows = [
    ['主题 Topic', m.topic + ' (' + m.topicScore.toFixed(2) + ')'],
    ['情感 Sentiment', m.sentiment + ' (' + m.sentimentScore.toFixed(2) + ')'],
    ['地点 Places', (m.places || []).join('、')],
    ['部门 Departments', (m.departments || []).join('、')],
    ['关键词 Keywords', (m.keywords || []).join('、')],
    ['诉求 Demand', m.demand || ''],
    ['赞/踩 Votes', m.votes ? m.votes.likes + ' / ' + m.votes.against : ''],
  ];
  const body = document.getElementById('analysis');
  for (const [name, value] of rows) body.appendChild(el('tr', null, {}, [el('th', name), el('td', value)]));
  const reply = document.getElementById('reply');
  reply.textContent = m.reply ? [m.reply.agency, m.reply.time, m.reply.text].filter(Boolean).join('\n') : '尚无答复 No reply yet';
  document.getElementById('message').dataset.loaded = 'true';
}

header().then(show).catch(e => showError(document.getElementById('error'), e));
