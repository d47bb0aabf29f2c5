// A small line chart on a <canvas>: a few series over the last points, drawn by hand (no chart library).

/** Draws each series ({ values, color, label }) scaled to the largest value, with that value and a legend. */
export function drawChart(canvas, series) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  const style = getComputedStyle(document.documentElement);
  const text = style.getPropertyValue('--text') || '#000';
  const line = style.getPropertyValue('--line') || '#ccc';
  ctx.clearRect(0, 0, w, h);
  const pad = { left: 44, right: 8, top: 18, bottom: 8 };
  const points = Math.max(2, ...series.map((s) => s.values.length));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  ctx.strokeStyle = line;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = text;
  for (let i = 0; i <= 2; i++) {
    const y = pad.top + ((h - pad.top - pad.bottom) * i) / 2;
    ctx.beginPath();
    ctx.moveTo(pad.left, y);
    ctx.lineTo(w - pad.right, y);
    ctx.stroke();
    ctx.fillText(formatNumber((max * (2 - i)) / 2), 4, y + 4);
  }
  let legendX = pad.left;
  for (const s of series) {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    s.values.forEach((v, i) => {
      const x = pad.left + ((w - pad.left - pad.right) * (i + points - s.values.length)) / (points - 1);
      const y = pad.top + (h - pad.top - pad.bottom) * (1 - v / max);
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.stroke();
    ctx.fillStyle = s.color;
    ctx.fillRect(legendX, 4, 10, 8);
    ctx.fillStyle = text;
    ctx.fillText(s.label, legendX + 14, 12);
    legendX += 24 + ctx.measureText(s.label).width;
  }
}

function formatNumber(n) {
  return n >= 100 ? String(Math.round(n)) : n.toFixed(1);
}
