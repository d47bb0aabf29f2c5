// The web client's words in English and Simplified Chinese. The browser's language chooses, the menu overrides.

const TEXTS = {
  en: {
    title: 'chatroom',
    tagline: 'Pick a name and start talking.',
    name: 'Name',
    password: 'Password (only if your name is registered)',
    room: 'Room to join',
    connect: 'Connect',
    language: 'Language',
    rooms: 'Rooms',
    whispers: 'Whispers',
    members: 'Members',
    joinRoom: 'Join or create a room',
    roomName: 'Room name',
    join: 'Join',
    cancel: 'Cancel',
    send: 'Send',
    leave: 'Leave',
    logout: 'Log out',
    typeHere: 'Type a message; /me, /join, /msg, /topic, /nick, /away work too',
    noTopic: 'No topic',
    connecting: 'Connecting…',
    waiting: 'Disconnected. Trying again in {s} s…',
    queued: '{n} line(s) will be sent when the connection is back.',
    wrongPassword: 'The password is wrong, or this name is registered to someone else.',
    badNick: 'This name cannot be used. Try letters and digits without spaces.',
    quit: 'You have logged out.',
    nameNeeded: 'Please enter a name.',
    usage: 'Usage: /msg name text',
    unknownCommand: 'Unknown command. Known: /me /join /part /msg /topic /nick /away',
    joined: '{nick} joined',
    left: '{nick} left',
    quitEvent: '{nick} quit ({reason})',
    kicked: '{nick} was removed by {by} ({reason})',
    renamed: '{nick} is now {to}',
    topic: '{nick} set the topic: {topic}',
    history: 'Earlier lines',
    noMore: 'This is the beginning of the conversation.',
    loading: 'Loading…',
    pending: 'sending…',
    whisperTo: 'Whisper with {nick}',
    away: 'away',
    you: 'you',
    attach: 'Share a file',
    uploading: 'Uploading {name}…',
    uploadFailed: 'The file could not be shared: {reason}',
    uploadNeedsAccount: 'Only people logged in to an account may share files here.',
    uploadOff: 'File sharing is off on this server.',
    uploadOffline: 'Files can be shared once the connection is back.',
  },
  zh: {
    title: 'chatroom 聊天室',
    tagline: '取个名字，开始聊天。',
    name: '名字',
    password: '密码（仅当名字已注册时填写）',
    room: '要加入的房间',
    connect: '连接',
    language: '语言',
    rooms: '房间',
    whispers: '私聊',
    members: '成员',
    joinRoom: '加入或创建房间',
    roomName: '房间名',
    join: '加入',
    cancel: '取消',
    send: '发送',
    leave: '离开',
    logout: '退出登录',
    typeHere: '输入消息；也可以用 /me、/join、/msg、/topic、/nick、/away',
    noTopic: '没有主题',
    connecting: '正在连接…',
    waiting: '连接已断开，{s} 秒后重试…',
    queued: '连接恢复后将发送 {n} 条消息。',
    wrongPassword: '密码错误，或者这个名字已被他人注册。',
    badNick: '这个名字不能使用。请使用不含空格的字母和数字。',
    quit: '你已退出登录。',
    nameNeeded: '请输入名字。',
    usage: '用法：/msg 名字 内容',
    unknownCommand: '未知命令。可用：/me /join /part /msg /topic /nick /away',
    joined: '{nick} 加入了',
    left: '{nick} 离开了',
    quitEvent: '{nick} 下线了（{reason}）',
    kicked: '{nick} 被 {by} 移出（{reason}）',
    renamed: '{nick} 改名为 {to}',
    topic: '{nick} 设置了主题：{topic}',
    history: '更早的消息',
    noMore: '这是对话的开始。',
    loading: '加载中…',
    pending: '发送中…',
    whisperTo: '与 {nick} 私聊',
    away: '离开',
    you: '你',
    attach: '分享文件',
    uploading: '正在上传 {name}…',
    uploadFailed: '文件分享失败：{reason}',
    uploadNeedsAccount: '只有登录账号的用户才能在这里分享文件。',
    uploadOff: '此服务器已关闭文件分享。',
    uploadOffline: '连接恢复后才能分享文件。',
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
