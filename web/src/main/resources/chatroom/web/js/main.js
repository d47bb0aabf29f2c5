// The web client's entry point: the login form, then the chat page wired to a Chat over /irc.
import { Chat } from './chat.js';
import { applyTo, lang, setLang, t } from './i18n.js';
import { upload } from './upload.js';
import { View } from './view.js';

const $ = (id) => document.getElementById(id);
const view = new View();
let chat = null;

function socketUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/irc`;
}

function savedRooms() {
  try {
    return JSON.parse(localStorage.getItem('chatroom.rooms') || '[]');
  } catch {
    return [];
  }
}

function saveRooms() {
  if (!chat) return;
  const rooms = [...chat.conversations.values()].filter((c) => c.kind === 'room').map((c) => c.name);
  localStorage.setItem('chatroom.rooms', JSON.stringify(rooms));
}

function login(event) {
  event.preventDefault();
  const nick = $('login-nick').value.trim();
  if (!nick) {
    $('login-error').textContent = t('nameNeeded');
    return;
  }
  const room = $('login-room').value.trim();
  const rooms = savedRooms();
  if (room && !rooms.some((r) => r.toLowerCase() === room.toLowerCase())) rooms.unshift(room);
  localStorage.setItem('chatroom.nick', nick);
  const password = $('login-password').value;
  $('login-password').value = '';
  if (!password) sessionStorage.setItem('chatroom.session', nick);
  start(nick, password, rooms);
}

function start(nick, password, rooms) {
  const wrapped = {
    changed(what, c, added) {
      view.changed(what, c, added);
      if (what === 'conversations') saveRooms();
    },
    status(state, detail) {
      if (state === 'stopped' && detail !== 'quit' && !chat.connection.registered && !view.active?.lines.length) {
        showLogin(t(detail));
      }
      view.status(state, detail);
    },
    notice(kind, text) {
      view.notice(kind, text);
    },
  };
  chat = new Chat({ url: socketUrl(), nick, password, rooms, view: wrapped });
  view.attach(chat);
  $('login').hidden = true;
  $('chat').hidden = false;
  chat.start();
  $('input').focus();
}

function showLogin(error) {
  $('chat').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = error || '';
  sessionStorage.removeItem('chatroom.session');
}

function send(event) {
  event.preventDefault();
  const input = $('input');
  const text = input.value;
  if (!text.trim() || !chat) return;
  const result = chat.type(view.active, text);
  if (result && result.open) view.select(result.open);
  else if (typeof result === 'string') view.notice('client', t(result));
  input.value = '';
}

function complete(event) {
  if (event.key !== 'Tab' || !view.active) return;
  const input = event.target;
  const before = input.value.slice(0, input.selectionStart);
  const word = /[^\s]*$/.exec(before)[0];
  if (!word) return;
  const lower = word.toLowerCase();
  const names = [...view.active.members.values()].map((m) => m.nick)
    .concat([...chat.conversations.values()].map((c) => c.name));
  const match = names.find((n) => n.toLowerCase().startsWith(lower) && n.toLowerCase() !== lower);
  if (!match) return;
  event.preventDefault();
  const suffix = before.length === word.length && !match.startsWith('#') ? ': ' : ' ';
  input.value = before.slice(0, before.length - word.length) + match + suffix + input.value.slice(input.selectionStart);
}

/** A sentence for a failed share: FAIL UPLOAD codes (naming the room whose own rule refused, if any) or else. */
function uploadRefusal(e) {
  const inRoom = {
    ACCOUNT_REQUIRED: 'uploadNeedsAccountIn',
    ROOM_DISABLED: 'uploadOffIn',
    VOICE_REQUIRED: 'uploadNeedsVoice',
    NOT_IN_ROOM: 'uploadNotInRoom',
  }[e.message];
  if (inRoom && e.room) return t(inRoom, { room: e.room });
  const key = { ACCOUNT_REQUIRED: 'uploadNeedsAccount', DISABLED: 'uploadOff', offline: 'uploadOffline' }[e.message];
  return key ? t(key) : t('uploadFailed', { reason: e.message });
}

async function share(files) {
  if (!chat || !view.active) return;
  const conversation = view.active;
  for (const file of files) {
    const bar = $('upload-progress');
    try {
      const token = await chat.uploadToken(conversation.name);
      bar.hidden = false;
      bar.value = 0;
      $('upload-name').textContent = t('uploading', { name: file.name || 'file' });
      $('upload-name').hidden = false;
      const url = await upload(file, token, (f) => { bar.value = f; });
      chat.say(conversation, url, false);
    } catch (e) {
      view.notice('client', uploadRefusal(e));
    } finally {
      bar.hidden = true;
      $('upload-name').hidden = true;
    }
  }
}

function move(step) {
  if (!chat || !view.active) return;
  const all = [...chat.conversations.values()];
  const next = all[(all.indexOf(view.active) + step + all.length) % all.length];
  if (next) view.select(next);
}

function wire() {
  applyTo(document);
  $('lang-select').value = lang();
  $('lang-select').addEventListener('change', (e) => {
    setLang(e.target.value);
    if (chat && view.active) view.select(view.active);
  });
  $('login-nick').value = localStorage.getItem('chatroom.nick') || '';
  $('login-form').addEventListener('submit', login);
  $('input-form').addEventListener('submit', send);
  $('input').addEventListener('keydown', complete);
  $('join-button').addEventListener('click', () => {
    $('join-name').value = '#';
    $('join-dialog').showModal();
  });
  $('join-cancel').addEventListener('click', () => $('join-dialog').close());
  $('join-form').addEventListener('submit', () => {
    const name = $('join-name').value.trim();
    if (name && name !== '#' && chat) view.select(chat.join(name));
  });
  $('leave-button').addEventListener('click', () => {
    if (chat && view.active) chat.leave(view.active);
  });
  $('logout-button').addEventListener('click', () => {
    if (chat) chat.quit();
    chat = null;
    showLogin('');
  });
  $('attach-button').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', (e) => {
    share([...e.target.files]);
    e.target.value = '';
  });
  $('input').addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files || [])];
    if (files.length) {
      e.preventDefault();
      share(files);
    }
  });
  const main = document.querySelector('.main');
  main.addEventListener('dragover', (e) => {
    if ([...e.dataTransfer.types].includes('Files')) {
      e.preventDefault();
      main.classList.add('dropping');
    }
  });
  main.addEventListener('dragleave', () => main.classList.remove('dropping'));
  main.addEventListener('drop', (e) => {
    main.classList.remove('dropping');
    if (e.dataTransfer.files.length) {
      e.preventDefault();
      share([...e.dataTransfer.files]);
    }
  });
  $('menu-button').addEventListener('click', () => document.body.classList.toggle('show-sidebar'));
  $('members-button').addEventListener('click', () => document.body.classList.toggle('show-members'));
  $('scroller').addEventListener('scroll', () => {
    if (chat && view.active && $('scroller').scrollTop < 60) chat.older(view.active);
  });
  document.addEventListener('keydown', (e) => {
    if (e.altKey && e.key === 'ArrowUp') move(-1);
    else if (e.altKey && e.key === 'ArrowDown') move(1);
    else if (e.key === 'Escape') document.body.classList.remove('show-sidebar', 'show-members');
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && view.active) view.select(view.active);
  });
  const session = sessionStorage.getItem('chatroom.session');
  if (session) start(session, '', savedRooms());
}

wire();
