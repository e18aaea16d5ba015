// Shared by every page: calls to the API (session cookie + CSRF token), the navigation bar and safe DOM building.
// Nothing received from the server is ever inserted as HTML: text goes through textContent, and the <em> marks of
// search highlights are rebuilt as elements around text nodes.

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
    throw new Error('not logged in');
  }
  if (!response.ok) {
    let reason = response.statusText;
    // API errors carry their reason in "error" (ApiError); Spring's own error pages in "message"
    try { const problem = await response.json(); reason = problem.error || problem.message || reason; } catch (e) { /* not JSON */ }
    throw new Error(response.status + ': ' + reason);
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
  { href: '/dashboard.html', label: '仪表盘 Dashboard', roles: ['ADMIN', 'MANAGER', 'LEADER'] },
  { href: '/search.html', label: '检索 Search', roles: ['ADMIN', 'MANAGER'] },
  { href: '/subscriptions.html', label: '订阅 Subscriptions', roles: ['ADMIN', 'MANAGER', 'LEADER', 'SUBSCRIBER'] },
  { href: '/admin.html', label: '管理 Admin', roles: ['ADMIN'] },
];

/** Draws the header for the logged-in user and returns who they are ({name, roles}). */
export async function header() {
  const me = await api('/api/me');
  const nav = el('nav');
  for (const page of PAGES.filter(p => p.roles.some(r => me.roles.includes(r)))) {
    const link = el('a', page.label, { href: page.href });
    if (location.pathname === page.href) link.className = 'current';
    nav.appendChild(link);
  }
  const logout = el('button', '退出 Log out', { type: 'button', id: 'logout' });
  logout.addEventListener('click', async () => {
    await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() }, credentials: 'same-origin' });
    location.href = '/login?logout';
  });
  const bar = el('header', null, {}, [el('span', '民意 MinYi', { class: 'brand' }), nav,
    el('span', me.name + ' (' + me.roles.join(', ').toLowerCase() + ') ', { class: 'who', id: 'who' }, [logout])]);
  document.body.prepend(bar);
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
  node.textContent = '出错了 Error: ' + error.message;
  node.className = 'error';
}

export function fillSelect(select, values) {
  const current = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const value of values) select.appendChild(el('option', value, { value }));
  select.value = current;
}

export function date(instant) {
  return instant ? String(instant).substring(0, 10) : '';
}
