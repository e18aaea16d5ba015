import { api, header, el, showError } from './common.js';

const form = document.getElementById('ruleForm');
const formStatus = document.getElementById('formStatus');
const testStatus = document.getElementById('testStatus');
let me;

const list = value => String(value || '').split(/[,，、\s]+/).map(s => s.trim()).filter(Boolean);

const STATUS = { QUEUED: '排队', HELD: '暂缓', SENT: '已发送', FAILED: '失败', DIGESTED: '已汇总', SUPPRESSED: '未发送（旧记录）' };
const LEVEL = { red: '红色', orange: '橙色', yellow: '黄色' };
/** Rows without a level: what they are instead. */
const KIND = { report: '周报' };

/** An instant as Beijing time to the minute, e.g. 2026-03-02 10:05. */
function minute(instant) {
  if (!instant) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = type => (parts.find(p => p.type === type) || {}).value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

async function showLimits() {
  const limits = await api('/api/alerts/limits');
  const window = limits.windowMinutes % 60 === 0 ? (limits.windowMinutes / 60) + ' 小时' : limits.windowMinutes + ' 分钟';
  document.getElementById('limits').textContent = `每 ${window}最多发给你 ${limits.maxPerWindow} 条预警，超出的在时段结束时汇总成一条发送；`
    + `只对 ${limits.freshnessHours} 小时内的新留言和仍在活跃的热点预警；每人最多 ${limits.maxRulesPerSubscriber} 条订阅。`;
  // the weekly report is offered to those who may read briefings
  document.getElementById('ruleWeeklyLabel').hidden = !limits.weeklyReport;
  document.getElementById('ruleWeeklyHint').hidden = !limits.weeklyReport;
  document.getElementById('ruleWeeklyHint').textContent = `（${limits.weeklyReportAt}发送上一周的周报，按本订阅的地区和主题，各最多一个；`
    + '邮件附 PDF，企业微信、钉钉和 Webhook 发报告链接）';
}

/** Saved searches the user may watch, id → name; the choice is hidden from users who may not read them. */
const savedSearchNames = {};

async function showSavedSearches() {
  let list;
  try {
    list = await api('/api/saved-searches');
  } catch (e) {
    if (e.status === 403) {
      document.getElementById('ruleSavedSearchLabel').hidden = true;
      return;
    }
    throw e;
  }
  const select = document.getElementById('ruleSavedSearch');
  for (const s of list) {
    const search = s.search || s;
    savedSearchNames[search.id] = search.name;
    select.append(el('option', search.name, { value: search.id }));
  }
}

function conditions(rule) {
  return [
    rule.topics.length ? '主题 ' + rule.topics.join('、') : '',
    rule.regions.length ? '地区 ' + rule.regions.join('、') : '',
    rule.keywords.length ? '关键词 ' + rule.keywords.join('、') : '',
    rule.maxSentiment != null ? '情感 ≤ ' + rule.maxSentiment : '',
    rule.savedSearch ? '专题 ' + (savedSearchNames[rule.savedSearch] || rule.savedSearch) : '',
    rule.minHeat != null ? '热点 热度 ≥ ' + rule.minHeat : '',
    rule.weeklyReport ? '每周周报' : '',
    rule.quietHours ? '免打扰 ' + String(rule.quietHours.start).substring(0, 5) + '–' + String(rule.quietHours.end).substring(0, 5) : '',
  ].filter(Boolean).join('；') || '全部 everything';
}

function edit(rule) {
  document.getElementById('ruleId').value = rule.id;
  document.getElementById('ruleName').value = rule.name;
  document.getElementById('ruleTopics').value = rule.topics.join(',');
  document.getElementById('ruleRegions').value = rule.regions.join(',');
  document.getElementById('ruleKeywords').value = rule.keywords.join(',');
  document.getElementById('ruleSentiment').value = rule.maxSentiment ?? '';
  document.getElementById('ruleHeat').value = rule.minHeat ?? '';
  document.getElementById('ruleSavedSearch').value = rule.savedSearch || '';
  document.getElementById('ruleWeekly').checked = Boolean(rule.weeklyReport);
  document.getElementById('ruleQuietStart').value = rule.quietHours ? String(rule.quietHours.start).substring(0, 5) : '';
  document.getElementById('ruleQuietEnd').value = rule.quietHours ? String(rule.quietHours.end).substring(0, 5) : '';
  document.getElementById('ruleType').value = rule.destination.type.toLowerCase();
  document.getElementById('ruleTarget').value = rule.destination.type.toLowerCase() === 'email'
    ? rule.destination.recipients.join(',') : rule.destination.url;
  document.getElementById('ruleSecret').value = '';
  form.dataset.subscriber = rule.subscriber;
  form.dataset.editing = rule.id;
  formStatus.textContent = '正在修改 ' + rule.id + '：地址中的 *** 和留空的密钥会保留原值';
  formStatus.className = 'muted';
}

async function test(rule) {
  testStatus.textContent = '正在发送测试预警 ' + rule.id + ' …';
  testStatus.className = 'muted';
  try {
    const row = await api('/api/subscriptions/' + encodeURIComponent(rule.id) + '/test', { method: 'POST' });
    const last = row.states[row.states.length - 1];
    testStatus.textContent = (row.status === 'SENT' ? '测试预警已发送：' : '测试预警发送失败：') + (last.reason || '');
    testStatus.className = row.status === 'SENT' ? 'muted' : 'error';
  } catch (e) {
    showError(testStatus, e);
  }
  await showHistory();
}

async function showRules() {
  const rules = await api('/api/subscriptions');
  const body = document.querySelector('#rules tbody');
  body.textContent = '';
  for (const rule of rules) {
    const remove = el('button', '删除', { type: 'button', 'data-rule': rule.id, class: 'remove' });
    remove.addEventListener('click', async () => {
      await api('/api/subscriptions/' + encodeURIComponent(rule.id), { method: 'DELETE' });
      refresh();
    });
    const change = el('button', '修改', { type: 'button', class: 'edit' });
    change.addEventListener('click', () => edit(rule));
    const send = el('button', '发送测试', { type: 'button', class: 'test', 'data-rule': rule.id });
    send.addEventListener('click', () => test(rule));
    const channel = rule.destination.type.toLowerCase() + ' ' + (rule.destination.url || rule.destination.recipients.join('、'))
      + (rule.destination.hasSecret ? '（已设密钥）' : '');
    const what = el('td', conditions(rule));
    if (rule.reachNote) what.appendChild(el('div', rule.reachNote, { class: 'note' }));
    body.appendChild(el('tr', null, { 'data-rule': rule.id }, [el('td', rule.id), el('td', rule.name),
      el('td', rule.subscriber), what, el('td', channel), el('td', null, {}, [send, change, remove])]));
  }
}

async function showHistory() {
  const rows = await api('/api/alerts?limit=50');
  const body = document.querySelector('#history tbody');
  body.textContent = '';
  for (const row of rows) {
    const alert = row.alert || {};
    const title = alert.link ? el('a', alert.title, { href: alert.link, target: '_blank', rel: 'noopener' }) : el('span', alert.title);
    const steps = el('div', row.states.map(s => STATUS[s.status] + ' ' + minute(s.at).substring(11)
      + (s.reason ? '（' + s.reason + '）' : '')).join(' → '), { class: 'steps' });
    body.appendChild(el('tr', null, { 'data-alert': alert.id }, [
      el('td', minute(alert.createdAt)),
      el('td', null, {}, [el('span', LEVEL[alert.level] || KIND[alert.kind] || '', { class: 'level level-' + alert.level })]),
      el('td', null, {}, [title]),
      el('td', (alert.ruleNames || []).join('、')),
      el('td', null, {}, [el('span', STATUS[row.status] || row.status, { class: 'status-' + row.status }), steps])]));
  }
  const table = document.getElementById('history');
  table.dataset.loaded = 'true';
}

async function refresh() {
  await showRules();
  await showHistory();
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const data = new FormData(form);
  const type = data.get('type');
  const target = String(data.get('target')).trim();
  const number = name => String(data.get(name)).trim() === '' ? null : Number(data.get(name));
  const quietStart = String(data.get('quietStart') || '').trim();
  const quietEnd = String(data.get('quietEnd') || '').trim();
  const id = String(data.get('id')).trim();
  const rule = {
    id,
    subscriber: form.dataset.subscriber && form.dataset.editing === id ? form.dataset.subscriber : me.name,
    name: String(data.get('name')).trim(),
    topics: list(data.get('topics')),
    regions: list(data.get('regions')),
    keywords: list(data.get('keywords')),
    maxSentiment: number('maxSentiment'),
    minHeat: number('minHeat'),
    savedSearch: String(data.get('savedSearch') || '').trim() || null,
    weeklyReport: data.get('weeklyReport') === 'on',
    quietHours: quietStart || quietEnd ? { start: quietStart, end: quietEnd } : null,
    destination: type === 'email' ? { type: 'EMAIL', recipients: list(target) } : { type: type.toUpperCase(), url: target, secret: String(data.get('secret')).trim() || null },
  };
  try {
    const saved = await api('/api/subscriptions/' + encodeURIComponent(rule.id), { method: 'PUT', body: rule });
    formStatus.textContent = '已保存 saved: ' + rule.id + (saved.reachNote ? '。注意：' + saved.reachNote : '');
    formStatus.className = saved.reachNote ? 'note' : 'muted';
    form.reset();
    delete form.dataset.subscriber;
    delete form.dataset.editing;
    await refresh();
  } catch (e) {
    showError(formStatus, e);
  }
});

header().then(user => { me = user; return showSavedSearches().then(() => Promise.all([showLimits(), refresh()])); }).catch(e => showError(formStatus, e));
