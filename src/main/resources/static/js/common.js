// Shared by every page: calls to the API (session cookie + CSRF token), the navigation bar and safe DOM building.
// Nothing received from the server is ever inserted as HTML: text goes through textContent, and the <em> marks of
// search highlights are rebuilt as elements around text nodes. Wording is Chinese first; lang.js (loaded before
// the page's module) switches to English.

const lang = window.minyiLang || { english: false, t: zh => zh, apply: () => {}, switchButton: () => document.createElement('span') };

/** The Chinese or the English wording, as the user chose. */
export const t = (zh, en) => lang.t(zh, en);
export const english = lang.english;
export const translate = root => lang.apply(root);

/** An API error: the service's {code, message} (and position, for a query syntax error). */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || String(status));
    this.status = status;
    this.code = body && body.code;
    this.position = body && body.position;
  }
}

export async function api(path, options = {}) {
  const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' },
    options.headers || {});
  const method = (options.method || 'GET').toUpperCase();
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
    if (options.body !== undefined && typeof options.body !== 'string') {
      headers['Content-Type'] = 'application/json';
      options = Object.assign({}, options, { body: JSON.stringify(options.body) });
    }
  }
  const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  if (response.status === 401) {
    location.href = '/login';
    throw new ApiError(401, { message: t('请先登录', 'Please log in') });
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, body || { message: response.status + ' ' + response.statusText });
  }
  return response.status === 204 ? null : response.json();
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** Creates an element with text content (never HTML) and optional attributes and children. */
export function el(tag, text, attributes = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.appendChild(child);
  return node;
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#x2F;': '/' };

/**
 * Fills node with a highlight from the API: "<em>" marks around words, everything else HTML-escaped by the server.
 * The escaped text is decoded to plain text and inserted as text nodes, so markup in a message stays text.
 */
export function setHighlight(node, highlight) {
  node.textContent = '';
  const parts = String(highlight || '').split(/<\/?em>/);
  parts.forEach((part, i) => {
    const text = part.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, m => ENTITIES[m]);
    if (i % 2 === 1) {
      node.appendChild(el('em', text));
    } else if (text) {
      node.appendChild(document.createTextNode(text));
    }
  });
}

const PAGES = [
  { href: '/dashboard.html', zh: '仪表盘', en: 'Dashboard', roles: ['ADMIN', 'MANAGER', 'LEADER'] },
  { href: '/search.html', zh: '检索', en: 'Search', roles: ['ADMIN', 'MANAGER', 'LEADER'] },
  { href: '/report.html', zh: '简报', en: 'Briefings', roles: ['ADMIN', 'MANAGER', 'LEADER'] },
  { href: '/demand-map.html', zh: '需求地图', en: 'Demand map', roles: ['ADMIN', 'MANAGER', 'LEADER'] },
  { href: '/subscriptions.html', zh: '订阅', en: 'Subscriptions', roles: ['ADMIN', 'MANAGER', 'LEADER', 'SUBSCRIBER'] },
  { href: '/admin.html', zh: '管理', en: 'Admin', roles: ['ADMIN'] },
];

const ROLE_NAMES = { ADMIN: ['管理员', 'admin'], MANAGER: ['业务人员', 'manager'], LEADER: ['领导', 'leader'],
  SUBSCRIBER: ['订阅者', 'subscriber'] };

export function roleName(role) {
  const names = ROLE_NAMES[String(role).toUpperCase()];
  return names ? t(names[0], names[1]) : String(role);
}

/** Draws the header for the logged-in user and returns who they are ({name, roles, regions}). */
export async function header() {
  const me = await api('/api/me');
  const nav = el('nav');
  for (const page of PAGES.filter(p => p.roles.some(r => me.roles.includes(r)))) {
    const link = el('a', t(page.zh, page.en), { href: page.href });
    if (location.pathname === page.href) link.className = 'current';
    nav.appendChild(link);
  }
  const logout = el('button', t('退出', 'Log out'), { type: 'button', id: 'logout' });
  logout.addEventListener('click', async () => {
    await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() }, credentials: 'same-origin' });
    location.href = '/login?logout';
  });
  const scope = me.regions && me.regions.length ? ' · ' + t('辖区 ', 'area ') + me.regions.join('、') : '';
  const who = el('span', me.name + '（' + me.roles.map(roleName).join('、') + scope + '） ',
    { class: 'who', id: 'who' }, [lang.switchButton(), logout]);
  const bar = el('header', null, {}, [el('span', t('民意', 'MinYi'), { class: 'brand' }), nav, who]);
  document.body.prepend(bar);
  translate(document);
  return me;
}

/** The values of a filter form as query parameters, empty fields left out. */
export function formQuery(form, extra = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    if (String(value).trim() !== '') params.append(name, String(value).trim());
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params;
}

export function showError(node, error) {
  node.textContent = t('出错了：', 'Error: ') + error.message;
  node.className = 'error';
}

export function fillSelect(select, values) {
  const current = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const value of values) select.appendChild(el('option', value, { value }));
  select.value = current;
}

const SHANGHAI_MINUTES = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric',
  month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as Asia/Shanghai local time to the minute: 2019-03-04 10:00. */
export function time(instant) {
  if (!instant) return '';
  const parts = Object.fromEntries(SHANGHAI_MINUTES.formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
}

/** The Asia/Shanghai date of an instant: 2019-03-04. */
export function date(instant) {
  return time(instant).substring(0, 10);
}

const SENTIMENTS = { negative: ['负面', 'negative'], neutral: ['中性', 'neutral'], positive: ['正面', 'positive'] };
const CHANNELS = { board: ['留言板', 'board'], hotline: ['热线', 'hotline'], news: ['新闻', 'news'], forum: ['论坛', 'forum'] };

/** A facet or field value as people read it: sentiments and channels by name, everything else as it is. */
export function valueName(field, value) {
  const names = field === 'sentiment' ? SENTIMENTS[value] : field === 'channel' ? CHANNELS[value] : null;
  return names ? t(names[0], names[1]) : value;
}
