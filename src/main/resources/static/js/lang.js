// Chinese first, English as a switch. The choice is a cookie (minyi-lang=en), so the service answers API errors in
// the same language. Elements carry their English wording in data-en (data-en-placeholder, data-en-title for
// attributes); the Chinese stays in the markup and is kept in data-zh when English is shown.
(function () {
  const english = document.cookie.split('; ').includes('minyi-lang=en');

  function apply(root) {
    if (!english) return;
    root.querySelectorAll('[data-en]').forEach(node => {
      if (node.dataset.zh === undefined) node.dataset.zh = node.textContent;
      node.textContent = node.dataset.en;
    });
    root.querySelectorAll('[data-en-placeholder]').forEach(node => { node.placeholder = node.dataset.enPlaceholder; });
    root.querySelectorAll('[data-en-title]').forEach(node => { node.title = node.dataset.enTitle; });
  }

  function toggle() {
    document.cookie = 'minyi-lang=' + (english ? 'zh' : 'en') + '; path=/; max-age=31536000; SameSite=Lax';
    location.reload();
  }

  /** A switch button: shows the other language's name. */
  function switchButton() {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lang-switch';
    button.id = 'langSwitch';
    button.textContent = english ? '中文' : 'English';
    button.addEventListener('click', toggle);
    return button;
  }

  window.minyiLang = { english, apply, toggle, switchButton, t: (zh, en) => (english ? en : zh) };

  document.addEventListener('DOMContentLoaded', () => {
    if (english) {
      document.documentElement.lang = 'en';
      const title = document.querySelector('title');
      if (title && title.dataset.en) document.title = title.dataset.en;
    }
    apply(document);
    document.querySelectorAll('[data-lang-switch]').forEach(slot => slot.replaceWith(switchButton()));
  });
})();
