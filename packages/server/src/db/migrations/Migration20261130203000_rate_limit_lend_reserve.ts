import { Migration } from '@mikro-orm/migrations';
import { RATE_LIMIT_ACQUIRE_V2 } from './Migration20261130180000_rate_limit_projection.js';

/**
 * The limiter's acquisition, third version: the second (Migration20261130180000_rate_limit_projection, whose notes
 * hold) with one change, written as edits of its text so that the difference is all there is to read.
 *
 * What changed: when no interactive stream is flowing, a bulk call may use the interactive reserve's slots that
 * are certain to be free again within `p_lend_ms` (finished calls leaving the sliding minute by then). Bulk's cap
 * (the minute less the reserve) is checked against the window as it will stand `p_lend_ms` from now, not as it
 * stands now. An import bursts the minute's budget at its start and then waits for the minute to roll over; with
 * this, the reserve's calls are made in the last second before the roll-over instead of the seconds after it,
 * so a tenth fewer pages are left to fetch and store once the new minute opens. An interactive call is still
 * never kept waiting longer than `p_lend_ms` by it: at any moment, the reserve's slots are free or free within
 * `p_lend_ms`, and a waiting interactive call makes bulk stand back, so the first freed slot is its. While a
 * stream is projected, nothing is lent.
 */
const EDITS: [string, string][] = [
  [
    `p_lease_ms int, p_margin_ms int
) returns table`,
    `p_lease_ms int, p_margin_ms int, p_lend_ms int
) returns table`,
  ],
  [`  projected int;\n`, `  projected int;\n  staying int; oldest_staying timestamptz;\n`],
  [
    `         min(c.lease_until) filter (where c.lease_until > p_now)
    into in_flight, bulk_in_flight, last_minute, interactive_minute, bulk_minute, oldest, oldest_bulk, first_interactive, last_interactive,
         soonest_lease`,
    `         min(c.lease_until) filter (where c.lease_until > p_now),
         -- Still in the window p_lend_ms from now: started after then, or not yet answered (an answer moves its
         -- start later).
         count(*) filter (where c.started_at > minute_ago + p_lend_ms * interval '1 millisecond'
                            or (c.started_at > minute_ago and c.lease_until > p_now)),
         min(c.started_at) filter (where c.started_at > minute_ago + p_lend_ms * interval '1 millisecond'
                                     or (c.started_at > minute_ago and c.lease_until > p_now))
    into in_flight, bulk_in_flight, last_minute, interactive_minute, bulk_minute, oldest, oldest_bulk, first_interactive, last_interactive,
         soonest_lease, staying, oldest_staying`,
  ],
  [
    `  minute_cap := case when p_bulk then p_per_minute - p_reserve else p_per_minute end;
  if last_minute >= minute_cap and oldest is not null then
    max_wait := greatest(coalesce(max_wait, 0), extract(epoch from oldest) * 1000 + 60000 - at_ms + p_margin_ms);
  end if;`,
    `  minute_cap := case when p_bulk then p_per_minute - p_reserve else p_per_minute end;
  if last_minute >= p_per_minute and oldest is not null then
    max_wait := greatest(coalesce(max_wait, 0), extract(epoch from oldest) * 1000 + 60000 - at_ms + p_margin_ms);
  end if;
  if p_bulk and projected = 0 and p_lend_ms > 0 then
    -- No stream flowing: the reserve's slots that will be free within p_lend_ms are lent; the cap holds for the
    -- window as it will stand then.
    if staying >= minute_cap and oldest_staying is not null then
      max_wait := greatest(coalesce(max_wait, 0), p_margin_ms,
        extract(epoch from oldest_staying) * 1000 + 60000 - p_lend_ms - at_ms + p_margin_ms);
    end if;
  elsif p_bulk and last_minute >= minute_cap and oldest is not null then
    max_wait := greatest(coalesce(max_wait, 0), extract(epoch from oldest) * 1000 + 60000 - at_ms + p_margin_ms);
  end if;`,
  ],
];

export const RATE_LIMIT_ACQUIRE_V3 = EDITS.reduce((body, [from, to]) => {
  if (body.split(from).length !== 2) throw new Error(`rate limit v3: the v2 text to edit was not found once: ${from.slice(0, 60)}`);
  return body.replace(from, () => to);
}, RATE_LIMIT_ACQUIRE_V2);

const V2_SIGNATURE = 'varchar, boolean, boolean, boolean, timestamptz, int, int, int, int, int, int, int, int';

export class Migration20261130203000_rate_limit_lend_reserve extends Migration {
  override name = 'Migration20261130203000_rate_limit_lend_reserve';

  override up(): void | Promise<void> {
    this.addSql(`drop function if exists xero_rate_limit_acquire(${V2_SIGNATURE});`);
    this.addSql(RATE_LIMIT_ACQUIRE_V3);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists xero_rate_limit_acquire(${V2_SIGNATURE}, int);`);
    this.addSql(RATE_LIMIT_ACQUIRE_V2);
  }
}
