import { describe, expect, it } from 'vitest';
import { sniffImage } from './image-type.js';
import { LOGO_JPEG, LOGO_PNG, LOGO_WEBP_LOSSLESS, LOGO_WEBP_LOSSY, simpleWebp } from './logo-fixtures.js';

const bytes = (base64: string) => Buffer.from(base64, 'base64');

describe('sniffImage: the type and size of a logo, from its bytes', () => {
  it('reads PNG, JPEG and the three WebP forms (extended, lossy, lossless)', () => {
    const size = { width: 3, height: 2 };
    expect(sniffImage(bytes(LOGO_PNG))).toEqual({ contentType: 'image/png', ...size });
    expect(sniffImage(bytes(LOGO_JPEG))).toEqual({ contentType: 'image/jpeg', ...size });
    expect(sniffImage(bytes(LOGO_WEBP_LOSSY))).toEqual({ contentType: 'image/webp', ...size });
    expect(sniffImage(simpleWebp(bytes(LOGO_WEBP_LOSSY)))).toEqual({ contentType: 'image/webp', ...size });
    expect(sniffImage(simpleWebp(bytes(LOGO_WEBP_LOSSLESS)))).toEqual({ contentType: 'image/webp', ...size });
  });

  it('refuses SVG (it can carry script), GIF, HTML and empty input', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="3" height="2"/></svg>');
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
    expect(sniffImage(svg)).toBeNull();
    expect(sniffImage(gif)).toBeNull();
    expect(sniffImage(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });

  it('refuses a file that only starts like an image (cut short, or script after a PNG signature)', () => {
    expect(sniffImage(bytes(LOGO_PNG).subarray(0, 16))).toBeNull();
    expect(sniffImage(Buffer.concat([bytes(LOGO_PNG).subarray(0, 8), Buffer.from('<script>alert(1)</script>')]))).toBeNull();
    expect(sniffImage(bytes(LOGO_JPEG).subarray(0, 20))).toBeNull();
    expect(sniffImage(bytes(LOGO_WEBP_LOSSY).subarray(0, 20))).toBeNull();
  });

  it('reads the real size, so an oversized image can be refused', () => {
    const png = Buffer.from(bytes(LOGO_PNG));
    png.writeUInt32BE(20_000, 16);
    expect(sniffImage(png)).toMatchObject({ width: 20_000, height: 2 });
  });
});
