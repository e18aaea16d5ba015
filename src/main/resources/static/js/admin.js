import { api, header, el, showError } from './common.js';

async function refresh() {
  const words = await api('/api/dictionary/words');
  const wbody = document.querySelector('#words tbody');
  wbody.textContent = '';
  words.forEach(w => wbody.appendChild(el('tr', null, {}, [el('td', w.word), el('td', w.kind.toLowerCase())])));
  const users = await api('/api/users');
  const ubody = document.querySelector('#users tbody');
  ubody.textContent = '';
  users.forEach(u => ubody.appendChild(el('tr', null, {}, [el('td', u.name), el('td', u.roles.join(', ').toLowerCase())])));
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
  return '已添加 added: ' + word.word;
});
onSubmit('userForm', 'userStatus', async data => {
  const user = await api('/api/users/' + encodeURIComponent(data.get('name')),
    { method: 'PUT', body: { password: data.get('password'), roles: [data.get('role')] } });
  return '已保存 saved: ' + user.name;
});

header().then(refresh).catch(e => showError(document.getElementById('wordStatus'), e));
