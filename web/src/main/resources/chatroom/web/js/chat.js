// What the web client knows: its rooms and whisper conversations, their lines, members and topics. It turns IRC
// lines into changes and tells the view; the view never parses IRC.
import { actionText, build, fold, nickOf, split, stripFormatting } from './irc.js';
import { Connection } from './connection.js';

const PAGE = 50;
const MAX_TEXT_BYTES = 400;

export class Chat {
  /** view: { changed(what, conversation), status(state, detail), notice(key, text) } */
  constructor({ url, nick, password, rooms, view }) {
    this.view = view;
    this.me = nick;
    this.conversations = new Map();
    this.batches = new Map();
    this.connection = new Connection({ url, nick, password, handler: this });
    (rooms || []).forEach((room) => this.conversation(room, 'room'));
  }

  start() {
    this.connection.start();
  }

  // --- what the user does ---

  /** Sends a line typed into a conversation: text, or a command (/me, /join, /part, /msg, /topic, /nick, /away). */
  type(conversation, line) {
    if (line.startsWith('/') && !line.startsWith('//')) return this.command(conversation, line);
    this.say(conversation, line.startsWith('//') ? line.slice(1) : line, false);
    return null;
  }

  say(conversation, text, action) {
    for (const piece of split(text, MAX_TEXT_BYTES)) {
      const body = action ? `\u0001ACTION ${piece}\u0001` : piece;
      conversation.pending.push({ text: body, time: new Date() });
      this.connection.send(build('PRIVMSG', conversation.name, body));
    }
    this.view.changed('messages', conversation);
  }

  command(conversation, line) {
    const [verb, ...words] = line.slice(1).split(' ');
    const rest = words.join(' ').trim();
    switch (verb.toLowerCase()) {
      case 'me':
        if (conversation && rest) this.say(conversation, rest, true);
        return null;
      case 'join':
        if (rest) this.join(rest.split(' ')[0]);
        return null;
      case 'part':
      case 'leave':
        if (conversation) this.leave(conversation);
        return null;
      case 'msg':
      case 'query': {
        const [target, ...text] = words;
        if (!target) return 'usage';
        const whisper = this.conversation(target, 'whisper');
        if (text.length) this.say(whisper, text.join(' '), false);
        return { open: whisper };
      }
      case 'topic':
        if (conversation && conversation.kind === 'room') this.connection.send(build('TOPIC', conversation.name, rest));
        return null;
      case 'nick':
        if (rest) this.connection.send(build('NICK', rest.split(' ')[0]));
        return null;
      case 'away':
        this.connection.send(rest ? build('AWAY', rest) : 'AWAY');
        return null;
      default:
        return 'unknownCommand';
    }
  }

  join(name) {
    const room = /^[#&]/.test(name) ? name : '#' + name;
    const conversation = this.conversation(room, 'room');
    this.connection.send(build('JOIN', room));
    return conversation;
  }

  leave(conversation) {
    if (conversation.kind === 'room') this.connection.send(build('PART', conversation.name));
    this.conversations.delete(fold(conversation.name));
    this.view.changed('conversations');
  }

  whisper(nick) {
    return this.conversation(nick, 'whisper');
  }

  /** Asks for the lines before the oldest one shown (endless scroll-back). */
  older(conversation) {
    if (conversation.loading || conversation.exhausted || !this.hasHistory()) return;
    const first = conversation.lines.find((l) => l.kind === 'message');
    conversation.anchor = first;
    this.history(conversation, first ? 'BEFORE' : 'LATEST', first ? reference(first) : '*');
  }

  quit() {
    this.connection.quit('bye');
  }

  /**
   * A token for sharing one file in a conversation: the IRC command UPLOAD <target>, asked each time, as a room may
   * have its own rule and change it. Answers come in the order of the requests, one each.
   */
  uploadToken(target) {
    return new Promise((resolve, reject) => {
      if (!this.connection.send(build('UPLOAD', target), { queue: false })) {
        reject(new Error('offline'));
        return;
      }
      this.tokenWaiters = (this.tokenWaiters || []).concat([{ resolve, reject }]);
    });
  }

  /** The answer to the oldest UPLOAD: a token, or a FAIL code and the room it names (if any). */
  tokenAnswer(error, value, room) {
    const waiter = (this.tokenWaiters || []).shift();
    if (!waiter) return;
    if (!error) {
      waiter.resolve(value);
      return;
    }
    const e = new Error(error);
    e.room = room;
    waiter.reject(e);
  }

  // --- the connection's handler ---

  status(state, detail) {
    this.view.status(state, detail);
  }

  registered(nick) {
    this.me = nick;
    // a new connection: UPLOADs asked on the old one are never answered
    (this.tokenWaiters || []).forEach((w) => w.reject(new Error('offline')));
    this.tokenWaiters = [];
    this.view.changed('me');
    for (const c of this.conversations.values()) {
      if (c.kind === 'room') this.connection.send(build('JOIN', c.name));
      else if (c.loaded) this.fill(c);
    }
    this.connection.flushQueue();
  }

  line(m) {
    const handler = HANDLERS[m.command];
    if (m.tags.batch && this.batches.has(m.tags.batch)) {
      this.batches.get(m.tags.batch).lines.push(m);
    } else if (handler) {
      handler.call(this, m);
    } else if (/^[45]\d\d$/.test(m.command) && m.command !== '433') {
      this.view.notice('server', m.params.slice(1).join(' '));
    }
  }

  // --- state ---

  conversation(name, kind) {
    const key = fold(name);
    let c = this.conversations.get(key);
    if (!c) {
      c = { name, kind, lines: [], ids: new Set(), pending: [], members: new Map(), topic: '', unread: 0, mentions: 0 };
      this.conversations.set(key, c);
      this.view.changed('conversations');
      if (kind === 'whisper' && this.connection.registered) this.fill(c);
    }
    return c;
  }

  find(name) {
    return this.conversations.get(fold(name));
  }

  hasHistory() {
    return this.connection.caps.has('draft/chathistory');
  }

  isMe(nick) {
    return fold(nick) === fold(this.me);
  }

  /** Fills a conversation after (re)connecting: everything after its newest line, or the latest page. */
  fill(c) {
    c.loaded = true;
    if (!this.hasHistory()) return;
    const last = [...c.lines].reverse().find((l) => l.kind === 'message');
    c.anchor = last;
    if (last) this.history(c, 'AFTER', reference(last));
    else this.history(c, 'LATEST', '*');
  }

  history(c, direction, at) {
    c.loading = direction;
    const limit = Math.min(PAGE, Number(this.connection.isupport.get('CHATHISTORY')) || PAGE);
    c.limit = limit;
    this.connection.send(build('CHATHISTORY', direction, c.name, at, String(limit)), { queue: false });
  }

  /**
   * Adds a line, once per msgid, at index {@code at} (live lines: at the end); returns the index after it, or -1 when
   * the line was already shown.
   */
  add(c, line, at = c.lines.length) {
    if (line.id) {
      if (c.ids.has(line.id)) return -1;
      c.ids.add(line.id);
    }
    c.lines.splice(at, 0, line);
    return at + 1;
  }

  /** Where a page of history goes: before or after the line it was asked relative to, else by time. */
  insertionPoint(c, direction, first) {
    const anchor = c.lines.indexOf(c.anchor);
    if (direction === 'BEFORE' && anchor >= 0) return anchor;
    if (direction === 'AFTER' && anchor >= 0) return anchor + 1;
    let at = c.lines.length;
    while (at > 0 && c.lines[at - 1].time > first) at--;
    return at;
  }

  /** A PRIVMSG or NOTICE: returns [conversation, index after it] or null when not shown (or shown before). */
  message(m, at) {
    const [target, raw = ''] = m.params;
    const sender = nickOf(m.source);
    const toRoom = /^[#&]/.test(target);
    if (!toRoom && !m.source.includes('!')) {
      this.view.notice('server', raw);
      return null;
    }
    if (!toRoom && m.command === 'NOTICE' && /Serv$/i.test(sender)) {
      this.view.notice('service', `${sender}: ${raw}`);
      return null;
    }
    const self = this.isMe(sender);
    const name = toRoom || self ? target : sender;
    const c = this.conversation(name, toRoom ? 'room' : 'whisper');
    const action = actionText(raw);
    const text = stripFormatting(action ?? raw);
    const line = {
      kind: 'message', id: m.tags.msgid || null, time: m.tags.time ? new Date(m.tags.time) : new Date(),
      nick: sender, text, action: action !== null, notice: m.command === 'NOTICE', self,
      mention: !self && mentions(text, this.me),
    };
    if (self) {
      const i = c.pending.findIndex((p) => p.text === raw);
      if (i >= 0) c.pending.splice(i, 1);
    }
    const after = this.add(c, line, at ?? c.lines.length);
    if (after < 0) return null;
    if (at === undefined && !self) {
      c.unread++;
      if (line.mention || c.kind === 'whisper') c.mentions++;
    }
    return [c, after];
  }

  event(c, text, m) {
    this.add(c, { kind: 'event', id: null, time: m.tags.time ? new Date(m.tags.time) : new Date(), text });
    this.view.changed('messages', c);
  }

  members(c) {
    this.view.changed('members', c);
  }

  prefixes() {
    const value = this.connection.isupport.get('PREFIX') || '(ov)@+';
    const match = /^\(([^)]*)\)(.*)$/.exec(value);
    return match ? { modes: match[1], symbols: match[2] } : { modes: 'ov', symbols: '@+' };
  }

  setPrefix(c, nick, symbol, on) {
    const member = c.members.get(fold(nick));
    if (!member) return;
    const { symbols } = this.prefixes();
    const set = new Set(member.prefix.split(''));
    if (on) set.add(symbol);
    else set.delete(symbol);
    member.prefix = symbols.split('').filter((s) => set.has(s)).join('');
  }
}

function reference(line) {
  return line.id ? `msgid=${line.id}` : `timestamp=${line.time.toISOString()}`;
}

function mentions(text, nick) {
  const escaped = nick.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'iu').test(text);
}

const HANDLERS = {
  PRIVMSG(m) {
    const shown = this.message(m);
    if (shown) this.view.changed('message', shown[0]);
  },
  NOTICE(m) {
    const shown = this.message(m);
    if (shown) this.view.changed('message', shown[0]);
  },
  BATCH(m) {
    const [ref, type, target] = m.params;
    if (ref.startsWith('+')) this.batches.set(ref.slice(1), { type, target, lines: [] });
    else this.endBatch(ref.slice(1));
  },
  JOIN(m) {
    const nick = nickOf(m.source);
    const c = this.conversation(m.params[0], 'room');
    if (this.isMe(nick)) {
      c.joined = true;
      c.members.clear();
      this.view.changed('conversations');
      this.fill(c);
    } else {
      c.members.set(fold(nick), { nick, prefix: '', away: false });
      this.members(c);
      this.event(c, { key: 'joined', nick }, m);
    }
  },
  PART(m) {
    const nick = nickOf(m.source);
    const c = this.find(m.params[0]);
    if (!c) return;
    if (this.isMe(nick)) {
      c.joined = false;
      return;
    }
    c.members.delete(fold(nick));
    this.members(c);
    this.event(c, { key: 'left', nick }, m);
  },
  KICK(m) {
    const [room, nick, reason = ''] = m.params;
    const c = this.find(room);
    if (!c) return;
    if (this.isMe(nick)) c.joined = false;
    c.members.delete(fold(nick));
    this.members(c);
    this.event(c, { key: 'kicked', nick, by: nickOf(m.source), reason }, m);
  },
  QUIT(m) {
    const nick = nickOf(m.source);
    for (const c of this.conversations.values()) {
      if (c.members.delete(fold(nick))) {
        this.members(c);
        this.event(c, { key: 'quitEvent', nick, reason: m.params[0] || '' }, m);
      }
    }
  },
  NICK(m) {
    const old = nickOf(m.source);
    const nick = m.params[0];
    if (this.isMe(old)) {
      this.me = nick;
      this.connection.wantedNick = nick;
      this.view.changed('me');
    }
    for (const c of this.conversations.values()) {
      const member = c.members.get(fold(old));
      if (member) {
        c.members.delete(fold(old));
        member.nick = nick;
        c.members.set(fold(nick), member);
        this.members(c);
        this.event(c, { key: 'renamed', nick: old, to: nick }, m);
      }
    }
  },
  TOPIC(m) {
    const c = this.find(m.params[0]);
    if (!c) return;
    c.topic = m.params[1] || '';
    this.view.changed('topic', c);
    this.event(c, { key: 'topic', nick: nickOf(m.source), topic: c.topic }, m);
  },
  332(m) {
    const c = this.find(m.params[1]);
    if (!c) return;
    c.topic = m.params[2] || '';
    this.view.changed('topic', c);
  },
  353(m) {
    const c = this.find(m.params[2]);
    if (!c) return;
    const { symbols } = this.prefixes();
    for (const entry of (m.params[3] || '').split(' ').filter(Boolean)) {
      let i = 0;
      while (i < entry.length && symbols.includes(entry[i])) i++;
      const nick = nickOf(entry.slice(i));
      c.members.set(fold(nick), { nick, prefix: entry.slice(0, i), away: false });
    }
  },
  366(m) {
    const c = this.find(m.params[1]);
    if (c) this.members(c);
  },
  MODE(m) {
    const c = this.find(m.params[0]);
    if (!c) return;
    const { modes, symbols } = this.prefixes();
    const chanmodes = (this.connection.isupport.get('CHANMODES') || 'b,k,l,').split(',');
    let on = true;
    let arg = 2;
    for (const ch of m.params[1] || '') {
      if (ch === '+' || ch === '-') {
        on = ch === '+';
      } else if (modes.includes(ch)) {
        this.setPrefix(c, m.params[arg++], symbols[modes.indexOf(ch)], on);
      } else if (chanmodes[0].includes(ch) || chanmodes[1].includes(ch) || (on && chanmodes[2].includes(ch))) {
        arg++;
      }
    }
    this.members(c);
  },
  AWAY(m) {
    const nick = fold(nickOf(m.source));
    for (const c of this.conversations.values()) {
      const member = c.members.get(nick);
      if (member) {
        member.away = m.params.length > 0;
        this.members(c);
      }
    }
  },
  NOTE(m) {
    if (m.params[0] === 'UPLOAD' && m.params[1] === 'TOKEN') this.tokenAnswer(null, m.params[2]);
    else this.view.notice('server', m.params.slice(-1)[0]);
  },
  FAIL(m) {
    if (m.params[0] === 'UPLOAD') {
      this.tokenAnswer(m.params[1], null, m.params.length >= 4 ? m.params[2] : null);
      return;
    }
    if (m.params[0] === 'CHATHISTORY') {
      const c = this.find(m.params[2] || '');
      if (c) c.loading = null;
      return;
    }
    this.view.notice('server', m.params.slice(-1)[0]);
  },
  ERROR(m) {
    this.view.notice('server', m.params[0] || '');
  },
};

Chat.prototype.endBatch = function endBatch(ref) {
  const batch = this.batches.get(ref);
  this.batches.delete(ref);
  if (!batch) return;
  if (batch.type !== 'chathistory') {
    batch.lines.forEach((m) => this.line(m));
    return;
  }
  const c = this.find(batch.target) || (batch.lines.length ? this.conversation(batch.target, 'whisper') : null);
  if (!c) return;
  const direction = c.loading;
  c.loading = null;
  let added = 0;
  const messages = batch.lines.filter((m) => m.command === 'PRIVMSG' || m.command === 'NOTICE');
  const first = messages.length && messages[0].tags.time ? new Date(messages[0].tags.time) : new Date();
  let at = this.insertionPoint(c, direction, first);
  for (const m of messages) {
    const shown = this.message(m, at);
    if (shown && shown[0] === c) {
      at = shown[1];
      added++;
    }
  }
  if (added && direction === 'AFTER') c.anchor = c.lines[at - 1];
  const full = batch.lines.length >= (c.limit || PAGE);
  if ((direction === 'BEFORE' || direction === 'LATEST') && !full) c.exhausted = true;
  this.view.changed(direction === 'BEFORE' ? 'older' : 'messages', c, added);
  if (direction === 'AFTER' && full && c.anchor) this.history(c, 'AFTER', reference(c.anchor));
};
