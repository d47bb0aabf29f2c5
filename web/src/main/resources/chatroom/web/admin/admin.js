// The admin dashboard: log in as a server operator, then poll /admin/api/state every 2 s and draw it.
// Every text from the server goes into the page with textContent. Actions are POSTs with a JSON body and the
// CSRF token from the login in a header (the session cookie alone is not enough).
import { applyTo, lang, setLang, t } from './i18n.js';
import { drawChart } from './chart.js';

const POLL_MS = 2000;
const POINTS = 60;
const CSRF_KEY = 'chatroom.admin.csrf';

const $ = (id) => document.getElementById(id);
let csrf = sessionStorage.getItem(CSRF_KEY);
let timer = null;
let previous = null;
const history = { in: [], out: [], connections: [] };

function show(loggedIn) {
  $('login-view').hidden = loggedIn;
  $('dash-view').hidden = !loggedIn;
  $('logout').hidden = !loggedIn;
  if (!loggedIn) {
    clearInterval(timer);
    timer = null;
    $('who').textContent = '';
  }
}

async function api(path, body) {
  const options = body === undefined
    ? { credentials: 'same-origin' }
    : {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Chatroom-CSRF': csrf || '' },
        body: JSON.stringify(body),
      };
  const res = await fetch('/admin/api/' + path, options);
  let data = {};
  try {
    data = await res.json();
  } catch {
    data = {};
  }
  if (res.status === 401 && path !== 'login') {
    loggedOut(t('sessionOver'));
  }
  return { status: res.status, data, headers: res.headers };
}

function loggedOut(message) {
  csrf = null;
  sessionStorage.removeItem(CSRF_KEY);
  show(false);
  $('login-error').textContent = message || '';
}

async function logIn(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  const { status, data, headers } = await api('login', {
    name: $('login-name').value,
    password: $('login-password').value,
  });
  $('login-password').value = '';
  if (status === 200) {
    csrf = data.csrf;
    sessionStorage.setItem(CSRF_KEY, csrf);
    start();
  } else if (status === 429) {
    $('login-error').textContent = t('throttled', { s: headers.get('Retry-After') || '?' });
  } else {
    $('login-error').textContent = t('wrongLogin');
  }
}

function start() {
  show(true);
  poll();
  timer = setInterval(poll, POLL_MS);
}

async function poll() {
  try {
    const { status, data } = await api('state');
    if (status === 200) render(data);
  } catch {
    $('result').textContent = t('offline');
  }
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.append(td);
  return td;
}

function button(row, label, onClick) {
  const td = document.createElement('td');
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  td.append(b);
  row.append(td);
}

function fill(form, values) {
  for (const [k, v] of Object.entries(values)) form.elements[k].value = v;
  form.scrollIntoView({ block: 'center' });
  form.elements.reason?.focus();
}

function render(s) {
  $('who').textContent = t('loggedInAs', { name: s.oper });
  $('uptime').textContent = duration(s.uptimeSeconds);
  const total = Object.values(s.connections).reduce((a, b) => a + b, 0);
  $('connections').textContent = String(total);
  $('by-protocol').textContent = Object.entries(s.connections).map(([p, n]) => p + ' ' + n).join(' · ');
  if (previous) {
    const seconds = Math.max(0.001, (s.now - previous.now) / 1000);
    const rateIn = Math.max(0, (s.messagesIn - previous.messagesIn) / seconds);
    const rateOut = Math.max(0, (s.deliveriesOut - previous.deliveriesOut) / seconds);
    push(history.in, rateIn);
    push(history.out, rateOut);
    $('rates').textContent = t('ratesValue', { in: rateIn.toFixed(1), out: rateOut.toFixed(1) });
  }
  push(history.connections, total);
  previous = s;
  drawCharts();

  const users = $('users').tBodies[0];
  users.replaceChildren();
  for (const u of s.users) {
    const tr = document.createElement('tr');
    cell(tr, (u.oper ? '*' : '') + u.nick);
    cell(tr, u.account || '');
    cell(tr, u.protocol);
    cell(tr, u.address);
    cell(tr, u.rooms.join(' '));
    button(tr, t('ban'), () => fill($('ban'), { target: u.nick }));
    tr.dataset.nick = u.nick;
    users.append(tr);
    for (const room of u.rooms) {
      const kick = document.createElement('button');
      kick.type = 'button';
      kick.className = 'kick';
      kick.textContent = t('kick') + ' ' + room;
      kick.addEventListener('click', () => fill($('kick'), { room, nick: u.nick }));
      tr.lastChild.append(kick);
    }
  }
  $('user-count').textContent = String(s.users.length);

  const rooms = $('rooms').tBodies[0];
  rooms.replaceChildren();
  for (const r of s.rooms) {
    const tr = document.createElement('tr');
    cell(tr, r.name);
    cell(tr, r.modes);
    cell(tr, r.topic);
    cell(tr, r.members.join(' '));
    button(tr, t('closeRoom'), () => fill($('close-room'), { room: r.name }));
    rooms.append(tr);
  }
  $('room-count').textContent = String(s.rooms.length);

  const log = $('log');
  const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.textContent = s.log.join('\n');
  if (atBottom) log.scrollTop = log.scrollHeight;
}

function push(list, value) {
  list.push(value);
  if (list.length > POINTS) list.shift();
}

function drawCharts() {
  drawChart($('chart-messages'), [
    { values: history.in, color: '#2563eb', label: t('chartIn') },
    { values: history.out, color: '#16a34a', label: t('chartOut') },
  ]);
  drawChart($('chart-connections'), [{ values: history.connections, color: '#d97706', label: t('connections') }]);
}

function duration(seconds) {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return (d ? d + 'd ' : '') + String(h).padStart(2, '0') + ':' + String(m).padStart(2, '0') + ':'
    + String(s).padStart(2, '0');
}

function action(id, path, confirmText) {
  $(id).addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const body = Object.fromEntries(new FormData(form).entries());
    const question = confirmText && confirmText(body);
    if (question && !window.confirm(question)) return;
    const { status, data } = await api(path, body);
    const ok = status >= 200 && status < 300;
    $('result').className = ok ? 'ok' : 'error';
    $('result').textContent = ok ? (path === 'stop' ? t('stopped') : data.text || '') : t('failed', { text: data.error || data.text || status });
    if (ok && path !== 'stop') {
      form.reset();
      poll();
    }
    if (ok && path === 'stop') {
      clearInterval(timer);
      timer = null;
    }
  });
}

$('lang').value = lang();
$('lang').addEventListener('change', (e) => setLang(e.target.value));
$('login').addEventListener('submit', logIn);
$('logout').addEventListener('click', async () => {
  await api('logout', {});
  loggedOut('');
});
action('notice', 'notice');
action('kick', 'kick');
action('ban', 'ban');
action('close-room', 'close-room', (b) => t('confirmClose', { room: b.room }));
action('stop', 'stop', () => t('confirmStop'));
applyTo(document);
if (csrf) start(); else show(false);
