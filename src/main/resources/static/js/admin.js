import { api, header, el, showError, formQuery, roleName, t, time } from './common.js';

async function refresh() {
  const words = await api('/api/dictionary/words');
  const wbody = document.querySelector('#words tbody');
  wbody.textContent = '';
  words.forEach(w => wbody.appendChild(el('tr', null, {}, [el('td', w.word), el('td', w.kind.toLowerCase())])));
  const users = await api('/api/users');
  const ubody = document.querySelector('#users tbody');
  ubody.textContent = '';
  users.forEach(u => ubody.appendChild(el('tr', null, { 'data-user': u.name }, [el('td', u.name),
    el('td', u.roles.map(roleName).join('、')), el('td', (u.regions || []).join('、') || t('全部', 'all'))])));
  const imports = await api('/api/imports');
  const ibody = document.querySelector('#imports tbody');
  ibody.textContent = '';
  (Array.isArray(imports) ? imports : []).forEach(job => ibody.appendChild(el('tr', null, {}, [
    el('td', job.file), el('td', job.state), el('td', job.indexed)])));
}

function onSubmit(formId, statusId, send) {
  const form = document.getElementById(formId);
  const status = document.getElementById(statusId);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const text = await send(new FormData(form));
      status.textContent = text;
      status.className = 'muted';
      form.reset();
      await refresh();
    } catch (e) {
      showError(status, e);
    }
  });
}

onSubmit('wordForm', 'wordStatus', async data => {
  const word = await api('/api/dictionary/words', { method: 'POST', body: { word: data.get('word'), kind: data.get('kind') } });
  return t('已添加：', 'added: ') + word.word;
});
onSubmit('userForm', 'userStatus', async data => {
  const regions = String(data.get('regions') || '').split(/[,，、\s]+/).map(s => s.trim()).filter(Boolean);
  const user = await api('/api/users/' + encodeURIComponent(data.get('name')),
    { method: 'PUT', body: { password: data.get('password') || null, roles: [data.get('role')], regions } });
  return t('已保存：', 'saved: ') + user.name;
});

// The audit log: who read, exported and changed what, newest first.
const auditForm = document.getElementById('auditForm');
async function showAudit() {
  const query = formQuery(auditForm);
  document.getElementById('auditExport').href = '/api/audit/export?' + query;
  const page = await api('/api/audit?size=50&' + query);
  const body = document.querySelector('#audit tbody');
  body.textContent = '';
  for (const e of page.events) {
    body.appendChild(el('tr', null, { class: e.status >= 400 ? 'refused' : '' }, [el('td', time(e.time)), el('td', e.user),
      el('td', e.action), el('td', e.target || ''), el('td', e.detail || '', { class: 'meta' }), el('td', e.status),
      el('td', e.rows == null ? '' : e.rows)]));
  }
  const summary = document.getElementById('auditSummary');
  summary.textContent = t('共 ' + page.total + ' 条记录，显示最新 ' + page.events.length + ' 条',
    page.total + ' events, the newest ' + page.events.length + ' shown');
  summary.dataset.loaded = 'true';
}
auditForm.addEventListener('submit', event => {
  event.preventDefault();
  showAudit().catch(e => showError(document.getElementById('auditSummary'), e));
});

header().then(refresh).then(showAudit).catch(e => showError(document.getElementById('wordStatus'), e));
