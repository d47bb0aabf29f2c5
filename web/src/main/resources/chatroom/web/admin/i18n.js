// The admin dashboard's words in English and Simplified Chinese; the language is shared with the web client.

const TEXTS = {
  en: {
    title: 'chatroom admin',
    language: 'Language',
    logout: 'Log out',
    loginTitle: 'Server operator login',
    operName: 'Operator name',
    password: 'Password',
    logIn: 'Log in',
    wrongLogin: 'Wrong name or password.',
    throttled: 'Too many failed logins. Try again in {s} s.',
    loggedInAs: 'Operator: {name}',
    uptime: 'Uptime',
    connections: 'Connections',
    rates: 'Messages per second',
    ratesValue: '{in} in / {out} out',
    chartMessages: 'Messages in and deliveries out per second',
    chartConnections: 'Connections',
    chartIn: 'in',
    chartOut: 'out',
    users: 'Users',
    nick: 'Nick',
    account: 'Account',
    protocol: 'Protocol',
    address: 'Address',
    rooms: 'Rooms',
    room: 'Room',
    modes: 'Modes',
    topic: 'Topic',
    members: 'Members',
    noticeTitle: 'Notice to everyone',
    noticeText: 'Text of the notice',
    send: 'Send',
    kickTitle: 'Remove from a room',
    reason: 'Reason',
    kick: 'Kick',
    banTitle: 'Ban (K-line)',
    banTarget: 'Nick or mask (user@host, host, $a:account)',
    minutes: 'Minutes',
    minutesHint: 'minutes (0 = permanent)',
    ban: 'Ban',
    closeTitle: 'Close a room',
    closeRoom: 'Remove everyone',
    stopTitle: 'Stop the server',
    stopHint: 'Everyone is told why and disconnected.',
    stop: 'Stop server',
    confirmStop: 'Stop the server now? Everyone will be disconnected.',
    confirmClose: 'Remove everyone from {room}?',
    stopped: 'The server is stopping.',
    log: 'Recent server log',
    sessionOver: 'Your session ended; please log in again.',
    failed: 'Failed: {text}',
    offline: 'The server does not answer.',
  },
  zh: {
    title: 'chatroom 管理',
    language: '语言',
    logout: '退出',
    loginTitle: '服务器管理员登录',
    operName: '管理员名',
    password: '密码',
    logIn: '登录',
    wrongLogin: '名字或密码错误。',
    throttled: '失败次数过多，请 {s} 秒后再试。',
    loggedInAs: '管理员：{name}',
    uptime: '运行时间',
    connections: '连接',
    rates: '每秒消息数',
    ratesValue: '收 {in} / 发 {out}',
    chartMessages: '每秒收到的消息与发出的投递',
    chartConnections: '连接数',
    chartIn: '收',
    chartOut: '发',
    users: '用户',
    nick: '昵称',
    account: '账号',
    protocol: '协议',
    address: '地址',
    rooms: '聊天室',
    room: '聊天室',
    modes: '模式',
    topic: '主题',
    members: '成员',
    noticeTitle: '向所有人发通知',
    noticeText: '通知内容',
    send: '发送',
    kickTitle: '请出聊天室',
    reason: '原因',
    kick: '踢出',
    banTitle: '封禁（K-line）',
    banTarget: '昵称或掩码（user@host、主机、$a:账号）',
    minutes: '分钟',
    minutesHint: '分钟（0 = 永久）',
    ban: '封禁',
    closeTitle: '关闭聊天室',
    closeRoom: '请出所有人',
    stopTitle: '停止服务器',
    stopHint: '所有人都会收到原因并断开连接。',
    stop: '停止服务器',
    confirmStop: '现在停止服务器？所有人都会断开连接。',
    confirmClose: '把所有人请出 {room}？',
    stopped: '服务器正在停止。',
    log: '最近的服务器日志',
    sessionOver: '会话已结束，请重新登录。',
    failed: '失败：{text}',
    offline: '服务器没有响应。',
  },
};

let language = pick();

function pick() {
  const saved = localStorage.getItem('chatroom.lang');
  if (saved && TEXTS[saved]) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function lang() {
  return language;
}

export function setLang(value) {
  if (!TEXTS[value]) return;
  language = value;
  localStorage.setItem('chatroom.lang', value);
  applyTo(document);
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, args = {}) {
  const text = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(args[name] ?? ''));
}

/** Fills every element marked data-i18n (text) or data-i18n-placeholder / data-i18n-label (attributes). */
export function applyTo(root) {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}
