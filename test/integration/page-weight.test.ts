/** The signing page's first render fits the first TCP round trip (14 KB gzip) in every language. */
import { firstRenderBytes } from '../../bench/page-weight';

describe('the signing page weight', () => {
  for (const page of ['index.html', 'es/index.html', 'pt/index.html', 'fr/index.html']) {
    it(`needs at most 14 KB gzip for its first render: /${page}`, () => {
      const { total, parts } = firstRenderBytes(page);
      expect(Object.keys(parts).some((p) => p.endsWith('.css'))).toBe(true);
      expect(Object.keys(parts).some((p) => p.endsWith('.js'))).toBe(true);
      expect(total).toBeLessThanOrEqual(14 * 1024);
    });
  }
});
