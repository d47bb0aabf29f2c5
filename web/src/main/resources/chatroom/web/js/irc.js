// IRC lines (Modern IRC message format with IRCv3 message tags): parsing and building.

const TAG_UNESCAPES = { ':': ';', s: ' ', '\\': '\\', r: '\r', n: '\n' };

function unescapeTag(value) {
  return value.replace(/\\(.?)/g, (_, c) => (c in TAG_UNESCAPES ? TAG_UNESCAPES[c] : c));
}

/** Parses one line (without CR LF) into { tags, source, command, params }; null for an empty line. */
export function parse(line) {
  let rest = line;
  const tags = {};
  if (rest.startsWith('@')) {
    const end = rest.indexOf(' ');
    if (end < 0) return null;
    for (const tag of rest.slice(1, end).split(';')) {
      if (!tag) continue;
      const eq = tag.indexOf('=');
      if (eq < 0) tags[tag] = '';
      else tags[tag.slice(0, eq)] = unescapeTag(tag.slice(eq + 1));
    }
    rest = rest.slice(end + 1).replace(/^ +/, '');
  }
  let source = '';
  if (rest.startsWith(':')) {
    const end = rest.indexOf(' ');
    if (end < 0) return null;
    source = rest.slice(1, end);
    rest = rest.slice(end + 1).replace(/^ +/, '');
  }
  const params = [];
  let command = '';
  while (rest.length) {
    if (command && rest.startsWith(':')) {
      params.push(rest.slice(1));
      break;
    }
    const end = rest.indexOf(' ');
    const word = end < 0 ? rest : rest.slice(0, end);
    if (!command) command = word.toUpperCase();
    else params.push(word);
    rest = end < 0 ? '' : rest.slice(end + 1).replace(/^ +/, '');
  }
  return command ? { tags, source, command, params } : null;
}

/** The nick of a source "nick!user@host" (or the whole source for a server). */
export function nickOf(source) {
  const bang = source.indexOf('!');
  return bang < 0 ? source : source.slice(0, bang);
}

/** Builds a line from a command and its parameters; the last one becomes a trailing parameter when it must. */
export function build(command, ...params) {
  const parts = [command];
  params.forEach((p, i) => {
    const text = String(p).replace(/[\r\n\0]/g, ' ');
    const last = i === params.length - 1;
    if (last && (text === '' || text.includes(' ') || text.startsWith(':'))) parts.push(':' + text);
    else parts.push(text);
  });
  return parts.join(' ');
}

const encoder = new TextEncoder();

/** Splits text into pieces of at most maxBytes UTF-8 bytes, preferring to cut after a space. */
export function split(text, maxBytes) {
  const pieces = [];
  let rest = text;
  while (encoder.encode(rest).length > maxBytes) {
    let bytes = 0;
    let cut = 0;
    let space = -1;
    for (const ch of rest) {
      const size = encoder.encode(ch).length;
      if (bytes + size > maxBytes) break;
      bytes += size;
      cut += ch.length;
      if (ch === ' ') space = cut;
    }
    const at = space > cut / 2 ? space : cut;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest.length || !pieces.length) pieces.push(rest);
  return pieces;
}

/** IRC case folding (rfc1459), as the server announces by CASEMAPPING, plus Unicode lower case. */
export function fold(name) {
  return name.replace(/[[\]\\~]/g, (c) => ({ '[': '{', ']': '}', '\\': '|', '~': '^' })[c]).toLowerCase();
}

/** The text of a CTCP ACTION (/me) or null when the message is not one. */
export function actionText(text) {
  if (text.startsWith('\u0001ACTION ')) return text.slice(8).replace(/\u0001$/, '');
  return null;
}

/** Text without IRC formatting codes (bold, colours, ...): they are shown plainly. */
export function stripFormatting(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0003(\d{1,2}(,\d{1,2})?)?|[\u0002\u000f\u0011\u0016\u001d\u001e\u001f]/g, '');
}
