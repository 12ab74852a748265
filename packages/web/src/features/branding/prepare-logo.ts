/** The server's limits (branding/image-type.ts): 128 KB, PNG, JPEG or WebP, 4096 px a side. */
export const MAX_LOGO_BYTES = 128 * 1024;
const MAX_SIDE = 4096;
const SENT_AS_IS = new Set(['image/png', 'image/jpeg', 'image/webp']);

export type PreparedLogo = { dataUrl: string; resized: boolean } | { error: string };

const readAsDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('read failed')));
    reader.readAsDataURL(blob);
  });

const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number) => new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));

/**
 * A chosen file, ready to send as a data: URL (which the page's CSP allows for the preview). A PNG, JPEG or
 * WebP within the limits goes as it is; a larger one, or another picture format the browser can read
 * (GIF, BMP, AVIF…), is redrawn smaller as PNG, else WebP, until it fits. SVG is refused: it can carry script.
 */
export async function prepareLogo(file: File): Promise<PreparedLogo> {
  if (file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name)) {
    return { error: 'SVG logos aren’t accepted (they can contain scripts). Save the logo as a PNG and choose that.' };
  }
  if (!file.type.startsWith('image/')) return { error: 'Choose a PNG, JPEG or WebP image.' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { error: 'That file couldn’t be read as a picture. Choose a PNG, JPEG or WebP image.' };
  }
  try {
    const fits = bitmap.width <= MAX_SIDE && bitmap.height <= MAX_SIDE;
    if (SENT_AS_IS.has(file.type) && file.size <= MAX_LOGO_BYTES && fits) return { dataUrl: await readAsDataUrl(file), resized: false };
    const canvas = document.createElement('canvas');
    for (const side of [1024, 768, 512, 384, 256]) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) break;
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const [type, quality] of [
        ['image/png', undefined],
        ['image/webp', 0.9],
      ] as const) {
        const blob = await toBlob(canvas, type, quality);
        if (blob && blob.type === type && blob.size <= MAX_LOGO_BYTES) return { dataUrl: await readAsDataUrl(blob), resized: true };
      }
    }
    return { error: 'That picture is too large, even scaled down. Choose a smaller PNG, JPEG or WebP (up to 128 KB).' };
  } finally {
    bitmap.close();
  }
}
