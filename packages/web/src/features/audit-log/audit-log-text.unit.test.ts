import { describe, expect, it } from 'vitest';
import { csvHref, isWarningKind, kindLabel, toApiFilter } from './audit-log-text';

describe('audit log text', () => {
  it('names known event types and reads unknown ones as words', () => {
    expect(kindLabel('SIGNED_IN')).toBe('Signed in');
    expect(kindLabel('TEAM_MEMBER_REMOVED')).toBe('Team member removed');
    expect(isWarningKind('SECOND_FACTOR_FAILED')).toBe(true);
    expect(isWarningKind('SIGNED_IN')).toBe(false);
  });

  it('turns whole days into an exclusive range and refuses a backwards one', () => {
    const result = toApiFilter({ actorId: '', kind: 'SIGNED_IN', from: '2026-11-01', to: '2026-11-30' });
    if (!('filter' in result)) throw new Error('expected a filter');
    expect(new Date(result.filter.from!).getDate()).toBe(1);
    expect(new Date(result.filter.to!).getMonth()).toBe(11); // 1 December, local time
    expect(result.filter).toMatchObject({ actorId: null, kind: 'SIGNED_IN' });
    expect(toApiFilter({ actorId: '', kind: '', from: '2026-11-02', to: '2026-11-01' })).toEqual({ error: 'The end date is before the start date.' });
    // The same day as start and end is one whole day.
    const oneDay = toApiFilter({ actorId: '', kind: '', from: '2026-11-02', to: '2026-11-02' });
    if (!('filter' in oneDay)) throw new Error('expected a filter');
    expect(new Date(oneDay.filter.to!).getTime() - new Date(oneDay.filter.from!).getTime()).toBeGreaterThanOrEqual(23 * 3_600_000);
  });

  it('builds the CSV address with only the filters set', () => {
    expect(csvHref({ actorId: null, kind: null, from: null, to: null })).toBe('/api/audit.csv');
    expect(csvHref({ actorId: 'u1', kind: 'SIGNED_IN', from: null, to: null })).toBe('/api/audit.csv?actorId=u1&kind=SIGNED_IN');
  });
});
