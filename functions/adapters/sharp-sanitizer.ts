/**
 * Photo checks and metadata removal with sharp (libvips): the upload must decode as a JPEG, PNG or
 * WebP image of sane dimensions; it is turned upright from its EXIF orientation, then re-encoded in
 * its own format with no metadata at all: no EXIF (so no GPS position, camera serial or time), no
 * XMP, IPTC or comments. Only the colour profile's effect is kept, converted to sRGB.
 */
import sharp from 'sharp';
import type { ImageSanitizer } from '../core/ports';

const FORMATS = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
/** Largest side kept: enough for any screen; larger photos are scaled down. */
export const MAX_SIDE = 2560;
/** Refuses decompression bombs: images above this many pixels are not decoded. */
const PIXEL_LIMIT = 100_000_000;

export class SharpSanitizer implements ImageSanitizer {
  async sanitize(input: Buffer) {
    let format: string | undefined;
    let width = 0;
    let height = 0;
    try {
      const meta = await sharp(input, { limitInputPixels: PIXEL_LIMIT, failOn: 'error' }).metadata();
      format = meta.format;
      width = meta.width ?? 0;
      height = meta.height ?? 0;
    } catch {
      return { ok: false as const, reason: 'not an image (JPEG, PNG or WebP expected)' };
    }
    if (format !== 'jpeg' && format !== 'png' && format !== 'webp') return { ok: false as const, reason: `not a JPEG, PNG or WebP image (${format ?? 'unknown'})` };
    if (width < 1 || height < 1) return { ok: false as const, reason: 'the image has no pixels' };
    try {
      // rotate() with no angle applies the EXIF orientation; sharp writes no metadata unless asked to.
      let pipeline = sharp(input, { limitInputPixels: PIXEL_LIMIT, failOn: 'error' })
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb');
      pipeline = format === 'jpeg' ? pipeline.jpeg({ quality: 85, mozjpeg: true }) : format === 'png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 85 });
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      return { ok: true as const, type: FORMATS[format], body: data, width: info.width, height: info.height };
    } catch {
      return { ok: false as const, reason: 'the image could not be read (damaged file?)' };
    }
  }
}
