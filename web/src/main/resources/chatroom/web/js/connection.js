// One IRC connection over WebSocket (IRCv3 "text.ircv3.net"): registration with CAP 302 and SASL PLAIN, PING,
// reconnect with back-off, and a bounded queue of lines that wait while disconnected.
import { build, parse } from './irc.js';

const WANTED_CAPS = [
  'server-time', 'message-tags', 'echo-message', 'batch', 'draft/chathistory', 'away-notify', 'account-tag',
  'extended-join', 'multi-prefix',
];
const QUEUE_LIMIT = 200;
const MAX_DELAY_MS = 30000;

/**
 * handler: { registered(nick), line(message), status(state, detail) }
 * states: 'connecting', 'registered', 'waiting' (detail: ms until the next try), 'stopped' (detail: reason key)
 */
export class Connection {
  constructor({ url, nick, password, handler }) {
    this.url = url;
    this.wantedNick = nick;
    this.password = password || '';
    this.handler = handler;
    this.caps = new Set();
    this.isupport = new Map();
    this.queue = [];
    this.delay = 1000;
    this.stopped = false;
    this.registered = false;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  /** Sends a line now when registered; otherwise keeps it (up to a limit) for the next registration. */
  send(line, { queue = true } = {}) {
    if (this.registered && this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(line);
      return true;
    }
    if (queue && this.queue.length < QUEUE_LIMIT) {
      this.queue.push(line);
      return true;
    }
    return false;
  }

  /** Sends the lines that waited for the connection (called by the chat once it has rejoined its rooms). */
  flushQueue() {
    const lines = this.queue;
    this.queue = [];
    lines.forEach((line) => this.send(line));
  }

  quit(reason) {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(build('QUIT', reason));
    if (this.socket) this.socket.close(1000);
    this.handler.status('stopped', 'quit');
  }

  open() {
    this.registered = false;
    this.caps.clear();
    this.nick = this.wantedNick;
    this.fatal = null;
    this.handler.status('connecting');
    let socket;
    try {
      socket = new WebSocket(this.url, ['text.ircv3.net']);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.raw(build('CAP', 'LS', '302'));
      this.raw(build('NICK', this.nick));
      this.raw(build('USER', this.wantedNick, '0', '*', this.wantedNick));
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const message = parse(event.data);
      if (message) this.receive(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.registered = false;
      if (this.stopped) return;
      if (this.fatal) {
        this.stopped = true;
        this.handler.status('stopped', this.fatal);
      } else {
        this.retry();
      }
    };
  }

  retry() {
    const wait = Math.round(this.delay * (0.75 + Math.random() * 0.25));
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    this.handler.status('waiting', wait);
    this.timer = setTimeout(() => this.open(), wait);
  }

  raw(line) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(line);
  }

  receive(m) {
    switch (m.command) {
      case 'PING':
        this.raw(build('PONG', ...m.params));
        return;
      case 'CAP':
        this.cap(m.params);
        return;
      case 'AUTHENTICATE':
        if (m.params[0] === '+') this.authenticate();
        return;
      case '903':
        this.raw(build('CAP', 'END'));
        return;
      case '902':
      case '904':
      case '905':
        this.fatal = 'wrongPassword';
        this.raw(build('QUIT', 'login failed'));
        return;
      case '433':
        if (!this.registered) {
          this.nick = this.nick + '_';
          this.raw(build('NICK', this.nick));
          return;
        }
        break;
      case '432':
        if (!this.registered) {
          this.fatal = 'badNick';
          this.raw(build('QUIT', 'bad nick'));
          return;
        }
        break;
      case '001':
        this.nick = m.params[0];
        break;
      case '005':
        m.params.slice(1, -1).forEach((token) => {
          const eq = token.indexOf('=');
          if (eq < 0) this.isupport.set(token.toUpperCase(), '');
          else this.isupport.set(token.slice(0, eq).toUpperCase(), token.slice(eq + 1));
        });
        break;
      case '376':
      case '422':
        if (!this.registered) {
          this.registered = true;
          this.delay = 1000;
          this.handler.status('registered');
          this.handler.registered(this.nick);
        }
        break;
      default:
    }
    this.handler.line(m);
  }

  cap(params) {
    const sub = (params[1] || '').toUpperCase();
    if (sub === 'LS') {
      const more = params[2] === '*';
      const list = params[more ? 3 : 2] || '';
      this.offered = (this.offered || []).concat(list.split(' ').filter(Boolean).map((c) => c.split('=')[0]));
      if (more) return;
      const wanted = WANTED_CAPS.filter((c) => this.offered.includes(c));
      if (this.password && this.offered.includes('sasl')) wanted.push('sasl');
      this.offered = [];
      if (wanted.length) this.raw(build('CAP', 'REQ', wanted.join(' ')));
      else this.raw(build('CAP', 'END'));
    } else if (sub === 'ACK') {
      (params[2] || '').split(' ').filter(Boolean).forEach((c) => this.caps.add(c));
      if (this.caps.has('sasl') && this.password) this.raw(build('AUTHENTICATE', 'PLAIN'));
      else this.raw(build('CAP', 'END'));
    } else if (sub === 'NAK') {
      this.raw(build('CAP', 'END'));
    }
  }

  authenticate() {
    const bytes = new TextEncoder().encode(`${this.wantedNick}\0${this.wantedNick}\0${this.password}`);
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    const encoded = btoa(binary);
    for (let i = 0; i < encoded.length; i += 400) this.raw(build('AUTHENTICATE', encoded.slice(i, i + 400)));
    if (encoded.length % 400 === 0) this.raw(build('AUTHENTICATE', '+'));
  }
}
