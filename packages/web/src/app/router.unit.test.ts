import { describe, expect, it } from 'vitest';
import { safeNextPath } from './router';

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('/settings')).toBe('/settings');
    expect(safeNextPath('/suppliers?x=1')).toBe('/suppliers?x=1');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', 'settings', '', null, undefined]) {
      expect(safeNextPath(value)).toBeNull();
    }
  });
});
