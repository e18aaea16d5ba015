import { api, header, el, showError } from './common.js';

const form = document.getElementById('ruleForm');
const formStatus = document.getElementById('formStatus');
let me;

const list = value => String(value || '').split(/[,，、\s]+/).map(s => s.trim()).filter(Boolean);

async function refresh() {
  const rules = await api('/api/subscriptions');
  const body = document.querySelector('#rules tbody');
  body.textContent = '';
  for (const rule of rules) {
    const conditions = [
      rule.topics.length ? '主题 ' + rule.topics.join('、') : '',
      rule.regions.length ? '地区 ' + rule.regions.join('、') : '',
      rule.keywords.length ? '关键词 ' + rule.keywords.join('、') : '',
      rule.maxSentiment != null ? '情感 ≤ ' + rule.maxSentiment : '',
      rule.minHeat != null ? '热度 ≥ ' + rule.minHeat : '',
    ].filter(Boolean).join('；') || '全部 everything';
    const remove = el('button', '删除', { type: 'button', 'data-rule': rule.id });
    remove.addEventListener('click', async () => {
      await api('/api/subscriptions/' + encodeURIComponent(rule.id), { method: 'DELETE' });
      refresh();
    });
    body.appendChild(el('tr', null, { 'data-rule': rule.id }, [el('td', rule.id), el('td', rule.name), el('td', rule.subscriber),
      el('td', conditions), el('td', rule.destination.type.toLowerCase()), el('td', null, {}, [remove])]));
  }
  const history = await api('/api/alerts?limit=50');
  const hbody = document.querySelector('#history tbody');
  hbody.textContent = '';
  for (const entry of history) {
    const alert = entry.alert || {};
    hbody.appendChild(el('tr', null, {}, [el('td', entry.at), el('td', entry.status + (entry.reason ? ' (' + entry.reason + ')' : '')),
      el('td', alert.ruleId || ''), el('td', alert.title || alert.summary || '')]));
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const data = new FormData(form);
  const type = data.get('type');
  const target = String(data.get('target')).trim();
  const number = name => String(data.get(name)).trim() === '' ? null : Number(data.get(name));
  const rule = {
    id: String(data.get('id')).trim(),
    subscriber: me.name,
    name: String(data.get('name')).trim(),
    topics: list(data.get('topics')),
    regions: list(data.get('regions')),
    keywords: list(data.get('keywords')),
    maxSentiment: number('maxSentiment'),
    minHeat: number('minHeat'),
    destination: type === 'email' ? { type: 'EMAIL', recipients: list(target) } : { type: type.toUpperCase(), url: target, secret: String(data.get('secret')).trim() || null },
  };
  try {
    await api('/api/subscriptions/' + encodeURIComponent(rule.id), { method: 'PUT', body: rule });
    formStatus.textContent = '已保存 saved: ' + rule.id;
    formStatus.className = 'muted';
    form.reset();
    await refresh();
  } catch (e) {
    showError(formStatus, e);
  }
});

header().then(user => { me = user; return refresh(); }).catch(e => showError(formStatus, e));
