/**
 * Real images for demo interpretations: small SVG posters (一图读懂 long images, video covers) as
 * data: URLs, so they display on any site that embeds a widget, with no file to host.
 */

export interface Poster {
  /** The heading, e.g. 一图读懂 or 视频解读. */
  kicker: string;
  /** The policy's name, wrapped onto several lines. */
  title: string;
  /** Short key points, one panel each (long images only). */
  points: string[];
  footer: string;
  /** Header colour, e.g. from the policy's theme. */
  hue: number;
}

const WIDTH = 750;
const LINE = 15;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines of at most `width` characters (Chinese wraps anywhere). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

function dataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

const FONT = `font-family="'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif"`;

function text(lines: string[], x: number, y: number, size: number, fill: string, weight = 'normal'): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * size * 1.4}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(l)}</text>`).join('');
}

/** A tall 图文解读 image: a coloured header with the title, then one numbered panel per point. */
export function longImage(p: Poster): string {
  const title = wrap(p.title, LINE).slice(0, 4);
  const header = 140 + title.length * 50;
  const panels = p.points.map((point, i) => {
    const lines = wrap(point, 19).slice(0, 4);
    return { lines, height: 90 + lines.length * 44, n: i + 1 };
  });
  const height = header + panels.reduce((h, panel) => h + panel.height + 30, 0) + 120;
  let y = header + 30;
  const body = panels
    .map((panel) => {
      const out = `<rect x="40" y="${y}" width="${WIDTH - 80}" height="${panel.height}" rx="16" fill="#fff" stroke="hsl(${p.hue},55%,80%)" stroke-width="2"/>`
        + `<circle cx="90" cy="${y + 50}" r="26" fill="hsl(${p.hue},60%,40%)"/>`
        + `<text x="90" y="${y + 60}" font-size="28" text-anchor="middle" fill="#fff" font-weight="bold">${panel.n}</text>`
        + text(panel.lines, 136, y + 60, 30, '#222');
      y += panel.height + 30;
      return out;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ${FONT}>`
    + `<rect width="${WIDTH}" height="${height}" fill="hsl(${p.hue},40%,96%)"/>`
    + `<rect width="${WIDTH}" height="${header}" fill="hsl(${p.hue},60%,38%)"/>`
    + text([p.kicker], 40, 80, 40, '#ffe9a8', 'bold')
    + text(title, 40, 150, 36, '#fff', 'bold')
    + body
    + text([p.footer], 40, height - 50, 24, '#555')
    + '</svg>';
  return dataUrl(svg);
}

/** A 16:9 cover for a video, a digital presenter or a press conference, with a play mark. */
export function cover(p: Poster): string {
  const title = wrap(p.title, 18).slice(0, 3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="422" viewBox="0 0 ${WIDTH} 422" ${FONT}>`
    + `<rect width="${WIDTH}" height="422" fill="hsl(${p.hue},55%,30%)"/>`
    + `<circle cx="${WIDTH - 110}" cy="311" r="56" fill="rgba(255,255,255,.85)"/>`
    + `<path d="M${WIDTH - 128} 281 L${WIDTH - 128} 341 L${WIDTH - 78} 311 Z" fill="hsl(${p.hue},55%,30%)"/>`
    + text([p.kicker], 40, 70, 32, '#ffe9a8', 'bold')
    + text(title, 40, 140, 34, '#fff', 'bold')
    + text([p.footer], 40, 390, 22, 'rgba(255,255,255,.8)')
    + '</svg>';
  return dataUrl(svg);
}
