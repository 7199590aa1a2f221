import { renderSVG } from 'uqr';

export const SVG_MIME = 'image/svg+xml';
/** Uploaded QR images larger than this are refused: a QR code needs a few kilobytes. */
export const MAX_QR_BYTES = 512 * 1024;

/** The QR code of a URL as SVG: deterministic, medium error correction so printed copies still scan. */
export function qrSvg(url: string): string {
  return renderSVG(url, { ecc: 'M', border: 2, pixelSize: 8 });
}

/** The image type of uploaded bytes, read from their signature (a file name or header may lie); null if not an image we serve. */
export function imageMime(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if ((head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--')) && head.includes('<svg')) return SVG_MIME;
  return null;
}
