// The chat page: conversation lists, the message pane, members, topic and status. Every piece of user text goes in
// with textContent, never as HTML.
import { fold } from './irc.js';
import { t } from './i18n.js';
import { isSharedImage, linkify } from './upload.js';

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A stable colour per nick, readable on light and dark backgrounds. */
export function nickColor(nick) {
  let hash = 0;
  for (const ch of fold(nick)) hash = (hash * 31 + ch.codePointAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 65% 42%)`;
}

function clock(time) {
  return time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

export class View {
  constructor() {
    this.chat = null;
    this.active = null;
    this.rendered = [];
    this.statusState = null;
  }

  attach(chat) {
    this.chat = chat;
    this.active = null;
    $('me-nick').textContent = chat.me;
    this.changed('conversations');
  }

  select(c) {
    this.active = c;
    c.unread = 0;
    c.mentions = 0;
    this.rendered = [];
    $('messages').replaceChildren();
    this.renderList();
    this.renderTitle();
    this.renderMembers();
    this.renderLines(true);
    document.body.classList.remove('show-sidebar');
    if (!c.lines.length && !c.loading && this.chat) this.chat.older(c);
    this.updateTitle();
  }

  // --- the chat's view interface ---

  changed(what, c) {
    if (!this.chat) return;
    if (what === 'me') {
      $('me-nick').textContent = this.chat.me;
      return;
    }
    if (what === 'conversations') {
      if (this.active && !this.chat.find(this.active.name)) this.active = null;
      if (!this.active) {
        const first = this.chat.conversations.values().next().value;
        if (first) this.select(first);
      }
      this.renderList();
      return;
    }
    if (c === this.active) {
      if (what === 'members') this.renderMembers();
      else if (what === 'topic') this.renderTitle();
      else this.renderLines(false);
      if (!document.hidden) {
        c.unread = 0;
        c.mentions = 0;
      }
    }
    if (what === 'message' || what === 'messages') this.renderList();
    this.updateTitle();
  }

  status(state, detail) {
    this.statusState = state;
    const status = $('status');
    const queued = this.chat ? this.chat.connection.queue.length : 0;
    let text = '';
    if (state === 'connecting') text = t('connecting');
    else if (state === 'waiting') text = t('waiting', { s: Math.ceil(detail / 1000) });
    else if (state === 'stopped') text = t(detail);
    if (text && queued) text += ' ' + t('queued', { n: queued });
    status.textContent = text;
    status.hidden = !text;
    status.dataset.state = state;
    status.dataset.retryMs = state === 'waiting' ? String(detail) : '';
    document.body.dataset.connection = state;
  }

  notice(kind, text) {
    if (!this.active) return;
    this.active.lines.push({ kind: 'notice', time: new Date(), text });
    this.renderLines(false);
  }

  // --- rendering ---

  renderList() {
    const rooms = $('room-list');
    const whispers = $('whisper-list');
    rooms.replaceChildren();
    whispers.replaceChildren();
    for (const c of this.chat.conversations.values()) {
      const item = el('li');
      const button = el('button', 'conversation', c.name);
      button.type = 'button';
      button.dataset.name = c.name;
      if (c === this.active) button.setAttribute('aria-current', 'true');
      if (c.unread) {
        const badge = el('span', c.mentions ? 'badge mention' : 'badge', String(c.unread));
        badge.dataset.unread = String(c.unread);
        button.append(badge);
      }
      button.addEventListener('click', () => this.select(c));
      item.append(button);
      (c.kind === 'room' ? rooms : whispers).append(item);
    }
  }

  renderTitle() {
    const c = this.active;
    $('conversation-title').textContent = c ? (c.kind === 'room' ? c.name : t('whisperTo', { nick: c.name })) : '';
    $('topic').textContent = c && c.kind === 'room' ? c.topic || t('noTopic') : '';
    $('leave-button').hidden = !c;
  }

  renderMembers() {
    const list = $('member-list');
    list.replaceChildren();
    const c = this.active;
    $('members').hidden = !c || c.kind !== 'room';
    $('chat').classList.toggle('no-members', $('members').hidden);
    if (!c || c.kind !== 'room') return;
    const members = [...c.members.values()].sort((a, b) => rank(b) - rank(a) || a.nick.localeCompare(b.nick));
    for (const m of members) {
      const item = el('li', m.away ? 'member away' : 'member');
      const button = el('button', 'member-name', m.prefix + m.nick);
      button.type = 'button';
      button.style.color = nickColor(m.nick);
      button.dataset.nick = m.nick;
      if (m.away) button.title = t('away');
      button.addEventListener('dblclick', () => this.openWhisper(m.nick));
      button.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.openWhisper(m.nick); });
      item.append(button);
      list.append(item);
    }
  }

  openWhisper(nick) {
    if (this.chat.isMe(nick)) return;
    this.select(this.chat.whisper(nick));
    $('input').focus();
  }

  /** Shows the active conversation's lines: appends new ones, prepends older ones (keeping the scroll), else redraws. */
  renderLines(force) {
    const c = this.active;
    if (!c) return;
    const list = $('messages');
    const scroller = $('scroller');
    const lines = c.lines;
    const old = this.rendered;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
    const shift = old.length && lines.length >= old.length ? lines.indexOf(old[0]) : -1;
    if (!force && old.length && lines.slice(0, old.length).every((l, i) => l === old[i])) {
      lines.slice(old.length).forEach((l) => list.append(this.line(l)));
    } else if (!force && shift > 0 && lines.slice(shift, shift + old.length).every((l, i) => l === old[i])
        && shift + old.length === lines.length) {
      const height = scroller.scrollHeight;
      list.prepend(...lines.slice(0, shift).map((l) => this.line(l)));
      scroller.scrollTop += scroller.scrollHeight - height;
    } else {
      list.replaceChildren(...lines.map((l) => this.line(l)));
    }
    this.rendered = lines.slice();
    list.querySelectorAll('li.pending').forEach((n) => n.remove());
    c.pending.forEach((p) => list.append(this.pendingLine(p)));
    $('history-note').textContent = c.exhausted ? t('noMore') : c.loading ? t('loading') : '';
    if (force || atBottom || shift <= 0) scroller.scrollTop = scroller.scrollHeight;
  }

  line(l) {
    const item = el('li', `line ${l.kind}`);
    item.append(el('time', 'time', clock(l.time)));
    if (l.kind === 'message') {
      if (l.id) item.dataset.msgid = l.id;
      if (l.mention) item.classList.add('mention');
      if (l.self) item.classList.add('self');
      if (l.notice) item.classList.add('notice');
      const nick = el('span', 'nick', l.action ? `* ${l.nick}` : l.nick);
      nick.style.color = nickColor(l.nick);
      item.append(nick, this.text(l.text));
      if (l.action) item.classList.add('action');
    } else if (l.kind === 'event') {
      item.append(el('span', 'text', t(l.text.key, l.text)));
    } else {
      item.append(el('span', 'text', l.text));
    }
    return item;
  }

  /** Message text with its links made clickable and shared images previewed; all of it as text nodes. */
  text(value) {
    const span = el('span', 'text');
    for (const part of linkify(value)) {
      if (part.text !== undefined) {
        span.append(document.createTextNode(part.text));
        continue;
      }
      const a = el('a', 'link', part.link);
      a.href = part.link;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      span.append(a);
      if (isSharedImage(part.link)) {
        const img = el('img', 'preview');
        img.src = part.link;
        img.alt = decodeURIComponent(new URL(part.link).pathname.split('/').pop());
        img.loading = 'lazy';
        const link = el('a', 'preview-link');
        link.href = part.link;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.append(img);
        span.append(link);
      }
    }
    return span;
  }

  pendingLine(p) {
    const item = el('li', 'line message pending self');
    item.append(el('time', 'time', t('pending')));
    const nick = el('span', 'nick', this.chat.me);
    nick.style.color = nickColor(this.chat.me);
    item.append(nick, el('span', 'text', p.text.replace(/^\u0001ACTION (.*)\u0001$/, '* $1')));
    return item;
  }

  updateTitle() {
    let unread = 0;
    if (this.chat) for (const c of this.chat.conversations.values()) unread += c === this.active && !document.hidden ? 0 : c.unread;
    document.title = unread ? `(${unread}) chatroom` : 'chatroom';
  }
}

function rank(member) {
  return member.prefix.includes('@') ? 2 : member.prefix.includes('+') ? 1 : 0;
}
