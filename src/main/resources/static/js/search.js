import { api, header, el, formQuery, setHighlight, showError, time, t, valueName, translate } from './common.js';

const form = document.getElementById('searchForm');
const results = document.getElementById('results');
const summary = document.getElementById('summary');
const more = document.getElementById('more');
const queryError = document.getElementById('queryError');
const FACETS = ['topic', 'region', 'channel', 'sentiment'];
const FACET_NAMES = { topic: ['主题', 'Topic'], region: ['地区', 'Region'], channel: ['渠道', 'Channel'],
  sentiment: ['情感', 'Sentiment'] };
/** Filters set by clicking (facets, dashboard drill-down), shown as chips that can be cleared. */
const CHIPS = { topic: ['主题', 'topic'], region: ['地区', 'region'], channel: ['渠道', 'channel'],
  sentiment: ['情感', 'sentiment'], source: ['来源', 'source'], agency: ['答复单位', 'replied by'],
  demand: ['诉求', 'demand'], id: ['指定留言', 'chosen messages'], from: ['从', 'from'], to: ['到', 'to'],
  domain: ['服务领域', 'service domain'], group: ['群体', 'group'], stage: ['生命阶段', 'life stage'],
  area: ['城乡', 'urban/rural'] };
const PAGE_SIZE = 20;
// "More" continues after the last hit shown (the answer's 'next' cursor): page numbers stop 10,000 hits deep.
let next = null;
let shown = 0;
let hotspotLabel = null;

async function search(append) {
  const continuing = append && next;
  const filter = formQuery(form);
  const query = new URLSearchParams(filter);
  if (continuing) query.set('after', next); else query.set('page', '0');
  query.set('size', String(PAGE_SIZE));
  query.set('facets', FACETS.join(','));
  updateExportLinks(filter);
  history.replaceState(null, '', '?' + filter + (hotspotLabel ? '&hotspot=' + encodeURIComponent(hotspotLabel) : ''));
  drawChips(filter);
  queryError.hidden = true;
  try {
    const result = await api('/api/search?' + query);
    if (!append) results.textContent = '';
    summary.className = 'muted';
    summary.textContent = (hotspotLabel ? t('热点“', 'Hot issue "') + hotspotLabel + t('”：', '": ') : '')
      + t('共 ' + result.total + ' 条留言', result.total + ' messages');
    result.hits.forEach(hit => results.appendChild(hitCard(hit)));
    next = result.next || null;
    shown = (continuing ? shown : 0) + result.hits.length;
    more.hidden = !next || shown >= result.total;
    if (!append) await drawFacets(filter, result.facets);
    document.getElementById('facets').hidden = false;
  } catch (e) {
    results.textContent = '';
    document.getElementById('facets').hidden = true;
    showError(summary, e);
    if (e.position !== undefined && e.position !== null) showQueryError(document.getElementById('q').value, e.position);
  }
  summary.dataset.loaded = 'true';
}

/**
 * The query with a caret under the character the service found wrong. The caret follows an invisible copy of the
 * text before the spot, so it lines up under wide Chinese characters too.
 */
function showQueryError(query, position) {
  queryError.textContent = query + '\n';
  queryError.appendChild(el('span', query.substring(0, position), { class: 'invisible' }));
  queryError.appendChild(document.createTextNode('^'));
  queryError.hidden = false;
}

function hitCard(hit) {
  const m = hit.message;
  const title = el('a', null, { href: '/message.html?id=' + encodeURIComponent(m.id), class: 'hit-title' });
  setHighlight(title, hit.titleHighlight || m.title || t('（无标题）', '(no title)'));
  const text = el('p');
  setHighlight(text, hit.textHighlight || (m.text || '').substring(0, 160));
  const likes = m.votes ? t('赞 ', 'likes ') + m.votes.likes : null;
  const meta = el('div', [time(m.createdAt), m.region, m.topic, valueName('sentiment', m.sentiment),
    valueName('channel', m.channel), m.source, likes].filter(Boolean).join(' · '), { class: 'meta' });
  return el('article', null, { class: 'hit' }, [el('h3', null, {}, [title]), meta, text]);
}

/**
 * Facets stay listed when one of their values is chosen: a chosen field's counts are asked for without its own
 * filter, so the other values remain to switch to; the chosen one is marked and each facet has a clear control.
 */
async function drawFacets(filter, facets) {
  const counts = Object.assign({}, facets);
  await Promise.all(FACETS.filter(field => filter.get(field)).map(async field => {
    const without = new URLSearchParams(filter);
    without.delete(field);
    without.set('size', '0');
    without.set('facets', field);
    const result = await api('/api/search?' + without);
    counts[field] = result.facets[field] || [];
  }));
  const aside = document.getElementById('facets');
  aside.textContent = '';
  for (const field of FACETS) {
    const chosen = (filter.get(field) || '').split(',').filter(Boolean);
    const heading = el('h4', t(FACET_NAMES[field][0], FACET_NAMES[field][1]));
    if (chosen.length) {
      const clear = el('a', t('清除', 'clear'), { href: '#', class: 'clear', 'data-clear': field });
      clear.addEventListener('click', event => { event.preventDefault(); setFilter(field, ''); });
      heading.appendChild(clear);
    }
    const box = el('div', null, { class: 'facet', 'data-facet-box': field }, [heading]);
    const values = counts[field] || [];
    for (const c of values) {
      const isChosen = chosen.includes(c.term);
      const link = el('a', (isChosen ? '✓ ' : '') + valueName(field, c.term) + ' (' + c.count + ')',
        { href: '#', 'data-facet': field, 'data-term': c.term, class: isChosen ? 'chosen' : '' });
      link.addEventListener('click', event => { event.preventDefault(); setFilter(field, isChosen ? '' : c.term); });
      box.appendChild(link);
    }
    for (const term of chosen.filter(term => !values.some(c => c.term === term))) {
      box.appendChild(el('a', '✓ ' + valueName(field, term) + ' (0)', { href: '#', class: 'chosen', 'data-term': term }));
    }
    if (!values.length && !chosen.length) box.appendChild(el('span', t('无', 'none'), { class: 'muted' }));
    aside.appendChild(box);
  }
}

function setFilter(field, value) {
  document.getElementById(field).value = value;
  if (field === 'id') hotspotLabel = null;
  search(false);
}

function drawChips(filter) {
  const bar = document.getElementById('active');
  bar.textContent = '';
  let any = false;
  for (const [field, names] of Object.entries(CHIPS)) {
    const value = filter.get(field);
    if (!value) continue;
    any = true;
    const shown = field === 'id' ? (hotspotLabel || t(value.split(',').length + ' 条', value.split(',').length + ''))
      : value.split(',').map(v => valueName(field, v)).join('、');
    const close = el('button', '×', { type: 'button', title: t('清除', 'clear'), 'data-clear': field });
    close.addEventListener('click', () => setFilter(field, ''));
    bar.appendChild(el('span', t(names[0], names[1]) + '：' + shown + ' ', { class: 'chip' }, [close]));
  }
  if (any) {
    const all = el('button', t('清除全部筛选', 'Clear all filters'), { type: 'button', id: 'clearAll' });
    all.addEventListener('click', () => {
      for (const field of Object.keys(CHIPS)) document.getElementById(field).value = '';
      hotspotLabel = null;
      search(false);
    });
    bar.appendChild(all);
  }
}

function updateExportLinks(filter) {
  const query = new URLSearchParams(filter);
  query.delete('order');
  document.getElementById('exportCsv').href = '/api/export?format=csv&' + query;
  document.getElementById('exportXlsx').href = '/api/export?format=xlsx&' + query;
}

/** Fills the form from the address: a dashboard chart, a saved search or a shared link. */
function fillFrom(params) {
  for (const name of ['q', 'from', 'to', 'sentiment', 'order', 'topic', 'region', 'channel', 'source', 'id', 'agency',
    'demand', 'domain', 'group', 'stage', 'area']) {
    const field = document.getElementById(name);
    if (field && params.has(name)) field.value = params.getAll(name).join(',');
  }
  hotspotLabel = params.get('hotspot');
}

async function loadSaved(id) {
  const saved = await api('/api/saved-searches/' + encodeURIComponent(id));
  for (const name of ['topic', 'region', 'channel', 'source', 'id', 'agency', 'demand', 'sentiment']) {
    document.getElementById(name).value = '';
  }
  document.getElementById('q').value = saved.query || '';
  document.getElementById('topic').value = (saved.topics || []).join(',');
  document.getElementById('region').value = (saved.regions || []).join(',');
  document.getElementById('channel').value = (saved.channels || []).join(',');
  document.getElementById('source').value = (saved.sources || []).join(',');
  document.getElementById('sentiment').value = (saved.sentiments || []).length === 1 ? saved.sentiments[0] : '';
  hotspotLabel = null;
}

async function listSaved(selected) {
  const select = document.getElementById('savedSearches');
  const searches = await api('/api/saved-searches');
  while (select.options.length > 1) select.remove(1);
  for (const s of searches) select.appendChild(el('option', s.name, { value: s.id }));
  if (selected) select.value = selected;
}

function saveForm() {
  const saveFormNode = document.getElementById('saveForm');
  document.getElementById('saveSearch').addEventListener('click', () => { saveFormNode.hidden = !saveFormNode.hidden; });
  saveFormNode.addEventListener('submit', async event => {
    event.preventDefault();
    const filter = formQuery(form);
    const list = name => (filter.get(name) || '').split(',').filter(Boolean);
    const status = document.getElementById('saveStatus');
    try {
      const saved = await api('/api/saved-searches', { method: 'POST', body: {
        name: document.getElementById('savedName').value, query: filter.get('q') || '', topics: list('topic'),
        sentiments: list('sentiment'), regions: list('region'), channels: list('channel'), sources: list('source'),
        sharedWith: [...saveFormNode.querySelectorAll('input[name=share]:checked')].map(box => box.value) } });
      status.className = 'muted';
      status.textContent = t('已保存专题：', 'Saved: ') + saved.name;
      status.dataset.saved = saved.id;
      await listSaved(saved.id);
    } catch (e) {
      showError(status, e);
    }
  });
}

form.addEventListener('submit', event => { event.preventDefault(); search(false); });
more.addEventListener('click', () => search(true));
document.getElementById('savedSearches').addEventListener('change', async event => {
  if (!event.target.value) return;
  try {
    await loadSaved(event.target.value);
    await search(false);
  } catch (e) {
    showError(summary, e);
  }
});
header().then(async me => {
  if (!me.roles.some(r => r === 'ADMIN' || r === 'MANAGER')) document.getElementById('exports').hidden = true;
  translate(document);
  saveForm();
  const params = new URLSearchParams(location.search);
  fillFrom(params);
  await listSaved(params.get('saved'));
  if (params.get('saved')) await loadSaved(params.get('saved'));
  return search(false);
}).catch(e => { showError(summary, e); summary.dataset.loaded = 'true'; });
