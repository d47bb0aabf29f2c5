// Picking a language and looking up words, for the web client and the admin page (each brings its own words).

/** { lang, setLang, t, applyTo } over a dictionary { en: {...}, zh: {...} }; the choice is kept in the browser. */
export function translator(TEXTS) {
  let language = pick();

  function pick() {
    const saved = localStorage.getItem('chatroom.lang');
    if (saved && TEXTS[saved]) return saved;
    return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  /** The text for a key in the current language, with {name} placeholders filled in. */
  function t(key, args = {}) {
    const text = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(args[name] ?? ''));
  }

  /** Fills every element marked data-i18n (text) or data-i18n-placeholder / data-i18n-label (attributes). */
  function applyTo(root) {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
  }

  function setLang(value) {
    if (!TEXTS[value]) return;
    language = value;
    localStorage.setItem('chatroom.lang', value);
    applyTo(document);
  }

  return { lang: () => language, setLang, t, applyTo };
}
