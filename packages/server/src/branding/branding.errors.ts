import { AppError } from '../common/app-error.js';
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE } from './image-type.js';

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

export class LogoTooLarge extends AppError {
  constructor(bytes: number) {
    super('BAD_USER_INPUT', 'LOGO_TOO_LARGE', `That image is ${kb(bytes)}: a logo can be at most ${kb(MAX_LOGO_BYTES)}.`, {
      fields: [{ field: 'image', message: `A logo can be at most ${kb(MAX_LOGO_BYTES)}.` }],
    });
  }
}

export class LogoTypeNotAllowed extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'LOGO_TYPE_NOT_ALLOWED', 'Choose a PNG, JPEG or WebP image. Other files, SVG included, are not accepted.', {
      fields: [{ field: 'image', message: 'Choose a PNG, JPEG or WebP image.' }],
    });
  }
}

export class LogoTooManyPixels extends AppError {
  constructor(width: number, height: number) {
    super('BAD_USER_INPUT', 'LOGO_DIMENSIONS', `That image is ${width} × ${height} pixels: a logo can be at most ${MAX_LOGO_SIDE} pixels on each side.`, {
      fields: [{ field: 'image', message: `At most ${MAX_LOGO_SIDE} pixels on each side.` }],
    });
  }
}
