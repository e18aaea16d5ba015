import { api, header, el, showError, t } from './common.js';

const form = document.getElementById('reportForm');
const kind = document.getElementById('kind');
const status = document.getElementById('status');
const hotspot = document.getElementById('hotspot');

/** The report's address for a format, from the form; null while something required is missing. */
function reportUrl(format) {
  const params = new URLSearchParams({ kind: kind.value, format });
  const value = id => document.getElementById(id).value.trim();
  if (kind.value === 'special') {
    if (!value('from') || !value('to') || !hotspot.value) return null;
    params.set('from', value('from'));
    params.set('to', value('to'));
    params.set('hotspot', hotspot.value);
  } else {
    if (!value('date')) return null;
    params.set('date', value('date'));
    if (value('region')) params.set('region', value('region'));
    if (value('topic')) params.set('topic', value('topic'));
  }
  return '/api/reports?' + params;
}

function refresh() {
  const special = kind.value === 'special';
  // display: contents keeps the labels in the form's row; 'hidden' would lose to the inline display
  document.getElementById('periodFields').style.display = special ? 'none' : 'contents';
  document.getElementById('specialFields').style.display = special ? 'contents' : 'none';
  let missing = false;
  for (const format of ['preview', 'pdf', 'docx', 'html']) {
    const url = reportUrl(format === 'preview' ? 'html' : format);
    const link = document.getElementById(format);
    if (url) {
      link.href = url;
      link.removeAttribute('aria-disabled');
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      missing = true;
    }
  }
  status.className = 'hint';
  status.textContent = missing
    ? (special ? t('请选择时段并查找、选择一个热点。', 'Choose a period, then find and choose a hot issue.')
               : t('请选择期内任一天。', 'Choose a day within the period.'))
    : t('PDF 和 Word 生成需要几秒钟。', 'PDF and Word take a few seconds to make.');
}

async function findHotspots() {
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  if (!from || !to) {
    refresh();
    return;
  }
  try {
    const answer = await api('/api/hotspots?' + new URLSearchParams({ from, to, limit: 100 }));
    while (hotspot.options.length > 1) hotspot.remove(1);
    for (const view of answer.hotspots) {
      const h = view.hotspot;
      hotspot.appendChild(el('option', `${h.label}（${h.messageCount} 条）`, { value: h.id }));
    }
    refresh();
  } catch (error) {
    showError(status, error);
  }
}

(async () => {
  await header();
  // the newest message's day (Beijing time), so that the first report offered has something in it
  const latest = await api('/api/search?' + new URLSearchParams({ order: 'newest', size: 1, facets: '' })).catch(() => null);
  const hit = latest && latest.hits.length ? latest.hits[0].message : null;
  const newest = hit && hit.createdAt
    ? new Date(new Date(hit.createdAt).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10) : null;
  document.getElementById('date').value = newest || new Date().toISOString().slice(0, 10);
  // a link from a weekly-report delivery names the period and scope: report.html?kind=weekly&date=…&region=…&topic=…
  const asked = new URLSearchParams(location.search);
  if (['daily', 'weekly', 'monthly'].includes(asked.get('kind'))) kind.value = asked.get('kind');
  if (/^\d{4}-\d{2}-\d{2}$/.test(asked.get('date') || '')) document.getElementById('date').value = asked.get('date');
  for (const id of ['region', 'topic']) {
    if (asked.get(id)) document.getElementById(id).value = asked.get(id);
  }
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  document.getElementById('findHotspots').addEventListener('click', findHotspots);
  refresh();
  status.dataset.loaded = 'true';
})();
