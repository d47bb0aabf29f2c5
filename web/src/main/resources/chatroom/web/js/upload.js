// File sharing: a token from the IRC command UPLOAD <conversation> (asked by Chat.uploadToken), the file POSTed to
// /upload with a progress callback, and the link that comes back. Links to shared images get a preview in the message
// view.

/** Uploads one file; resolves to the absolute URL of the shared file. onProgress(fraction) while sending. */
export function upload(file, token, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name || 'file')}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(new URL(xhr.getResponseHeader('Location'), location.href).href);
      else reject(new Error(xhr.responseText.trim() || `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

const IMAGE = /\.(png|jpe?g|gif|webp|avif)$/i;

/** Whether a link is to an image shared on this server, which the page may show (its policy allows only itself). */
export function isSharedImage(url) {
  try {
    const u = new URL(url);
    return u.origin === location.origin && u.pathname.startsWith('/files/') && IMAGE.test(decodeURIComponent(u.pathname));
  } catch {
    return false;
  }
}

/** Splits text into plain pieces and http(s) links: [{ text }, { link }]. */
export function linkify(text) {
  const parts = [];
  const re = /\bhttps?:\/\/[^\s<>"]+/gi;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ link: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
