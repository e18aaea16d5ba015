import { api, header, el, formQuery, setHighlight, showError, date } from './common.js';

const form = document.getElementById('searchForm');
const results = document.getElementById('results');
const summary = document.getElementById('summary');
const more = document.getElementById('more');
const FACET_NAMES = { topic: '主题 Topic', region: '地区 Region', channel: '渠道 Channel', sentiment: '情感 Sentiment' };
// "More" continues after the last hit shown (the answer's 'next'): page numbers stop 10,000 hits deep.
let next = null;

async function search(append) {
  const paging = append && next ? { after: next } : { page: '0' };
  const query = formQuery(form, Object.assign({ size: '20', facets: 'topic,region,channel,sentiment' }, paging));
  updateExportLinks();
  try {
    const result = await api('/api/search?' + query);
    if (!append) results.textContent = '';
    summary.textContent = '共 ' + result.total + ' 条 messages found' + activeFilters();
    result.hits.forEach(hit => results.appendChild(hitCard(hit)));
    next = result.next || null;
    more.hidden = !next || results.querySelectorAll(".hit").length >= result.total;
    drawFacets(result.facets);
    summary.dataset.loaded = 'true';
  } catch (e) {
    showError(summary, e);
  }
}

function activeFilters() {
  const parts = ['topic', 'region', 'channel'].map(n => document.getElementById(n).value).filter(Boolean);
  return parts.length ? '（筛选 filtered: ' + parts.join(', ') + '）' : '';
}

function hitCard(hit) {
  const m = hit.message;
  const title = el('a', null, { href: '/message.html?id=' + encodeURIComponent(m.id), class: 'hit-title' });
  setHighlight(title, hit.titleHighlight || m.title || '(无标题)');
  const text = el('p');
  setHighlight(text, hit.textHighlight || '');
  const meta = el('div', [date(m.createdAt), m.region, m.topic, m.sentiment, m.source].filter(Boolean).join(' · '), { class: 'meta' });
  return el('article', null, { class: 'hit' }, [el('h3', null, {}, [title]), meta, text]);
}

function drawFacets(facets) {
  const aside = document.getElementById('facets');
  aside.textContent = '';
  for (const [field, counts] of Object.entries(facets || {})) {
    const box = el('div', null, { class: 'facet' }, [el('h4', FACET_NAMES[field] || field)]);
    const input = document.getElementById(field);
    for (const c of counts) {
      const link = el('a', c.term + ' (' + c.count + ')', { href: '#', 'data-facet': field, 'data-term': c.term });
      link.addEventListener('click', event => {
        event.preventDefault();
        input.value = input.value === c.term ? '' : c.term;
        search(false);
      });
      box.appendChild(link);
    }
    aside.appendChild(box);
  }
}

function updateExportLinks() {
  const query = formQuery(form);
  query.delete('order');
  document.getElementById('exportCsv').href = '/api/export?format=csv&' + query;
  document.getElementById('exportXlsx').href = '/api/export?format=xlsx&' + query;
}

form.addEventListener('submit', event => { event.preventDefault(); search(false); });
more.addEventListener('click', () => search(true));
header().then(() => {
  const q = new URLSearchParams(location.search).get('q');
  if (q) document.getElementById('q').value = q;
  return search(false);
}).catch(e => showError(summary, e));
