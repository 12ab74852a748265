import { Migration } from '@mikro-orm/migrations';
import { RATE_LIMIT_ACQUIRE_V1 } from './Migration20261130143000_rate_limit_acquire.js';

/**
 * The limiter's acquisition, second version (the first: Migration20261130143000_rate_limit_acquire, whose notes
 * hold). What changed: while interactive calls flow, bulk calls leave room for the interactive calls the next
 * minute will bring, projected from their rate since the first of them in the window (at least 2 s), rather than
 * "as many again as they made". A stream of accepted changes that begins while an import bursts was seen as one
 * or two calls, so the burst went on and filled the minute, and later changes waited for it to roll over (up
 * to 17 s); now the first change already holds the burst back to what the projected stream leaves. Bulk's own
 * calls in the window are what is capped (the interactive ones in it leave as the next ones come), so a steady
 * stream leaves bulk the rest of the minute less the reserve. The interactive pacing refills over a fixed 62 s (it
 * was a minute plus twice the window margin, which is now 50 ms: a steady stream would have met the minute's edge). A stream that has stopped (no call for three of its
 * average gaps, at least 5 s) is projected at nothing: bulk goes back to its full pace at once, not a minute later.
 */
export const RATE_LIMIT_ACQUIRE_V2 = `
create or replace function xero_rate_limit_acquire(
  p_tenant varchar, p_bulk boolean, p_peek boolean, p_paced boolean, p_now timestamptz,
  p_concurrent int, p_per_minute int, p_per_day int, p_burst int, p_reserve int, p_app_per_minute int,
  p_lease_ms int, p_margin_ms int
) returns table (call_id uuid, wait_ms double precision)
language plpgsql volatile as $fn$
declare
  st xero_rate_limits%rowtype;
  at_ms double precision := extract(epoch from p_now) * 1000;
  minute_ago timestamptz := p_now - interval '1 minute';
  day_ms constant double precision := 86400000;
  max_wait double precision := null;
  v_day_start timestamptz;
  v_day_count int;
  burst int;
  per_ms double precision;
  v_tokens double precision;
  pacing_wait double precision := 0;
  in_flight int; bulk_in_flight int; last_minute int; interactive_minute int; bulk_minute int;
  oldest timestamptz; oldest_bulk timestamptz; first_interactive timestamptz; last_interactive timestamptz; soonest_lease timestamptz;
  projected int;
  minute_cap int;
  leftover int;
  last_bulk double precision;
  app_total bigint;
  app_row record;
  app_wait double precision;
  new_id uuid;
begin
  insert into xero_rate_limits (tenant_id, day_count) values (p_tenant, 0) on conflict do nothing;
  select * into st from xero_rate_limits where tenant_id = p_tenant for update;

  if st.blocked_until is not null and st.blocked_until > p_now then
    max_wait := greatest(coalesce(max_wait, 0), extract(epoch from st.blocked_until) * 1000 - at_ms);
  end if;

  v_day_start := coalesce(st.day_window_start, p_now);
  v_day_count := st.day_count;
  if at_ms - extract(epoch from v_day_start) * 1000 >= day_ms then
    v_day_start := p_now;
    v_day_count := 0;
  end if;
  -- The last twentieth of the day is the interactive lane's alone.
  if v_day_count >= (case when p_bulk then p_per_day - p_per_day / 20 else p_per_day end) then
    max_wait := greatest(coalesce(max_wait, 0), extract(epoch from v_day_start) * 1000 + day_ms - at_ms);
  end if;

  -- Interactive pacing: a token bucket refilling over 62 s, slower than the minute itself, so that a steady
  -- stream (a burst, then the refill) stays clear of the minute's edge (calls count from their answers).
  burst := least(p_burst, greatest(1, p_per_minute / 2));
  per_ms := greatest(1, p_per_minute - burst)::double precision / 62000;
  v_tokens := least(burst, coalesce(st.tokens, burst)
    + greatest(0, at_ms - coalesce(extract(epoch from st.tokens_at) * 1000, at_ms)) * per_ms);
  if not p_bulk and p_paced and v_tokens < 1 then pacing_wait := ceil((1 - v_tokens) / per_ms); end if;

  select count(*) filter (where c.lease_until > p_now),
         count(*) filter (where c.lease_until > p_now and c.lane = 'BULK'),
         count(*) filter (where c.started_at > minute_ago),
         count(*) filter (where c.started_at > minute_ago and c.lane = 'INTERACTIVE'),
         count(*) filter (where c.started_at > minute_ago and c.lane = 'BULK'),
         min(c.started_at) filter (where c.started_at > minute_ago),
         min(c.started_at) filter (where c.started_at > minute_ago and c.lane = 'BULK'),
         min(c.started_at) filter (where c.started_at > minute_ago and c.lane = 'INTERACTIVE'),
         max(c.started_at) filter (where c.started_at > minute_ago and c.lane = 'INTERACTIVE'),
         min(c.lease_until) filter (where c.lease_until > p_now)
    into in_flight, bulk_in_flight, last_minute, interactive_minute, bulk_minute, oldest, oldest_bulk, first_interactive, last_interactive,
         soonest_lease
    from xero_calls c where c.tenant_id = p_tenant and (c.started_at > minute_ago or c.lease_until > p_now);

  -- The interactive calls the next minute will bring, at the rate of those in this one: counted over the time
  -- since the first of them (at least 2 s), so a stream that has just begun is seen at its rate at once, not
  -- as the one or two calls it has made so far. None for three of its average gaps (between its first and last
  -- call; at least 5 s): it has ended, and bulk need not keep room for it (the reserve stays).
  projected := case when interactive_minute = 0 then 0
    when at_ms - extract(epoch from last_interactive) * 1000
      > greatest(5000, 3 * greatest(2000, extract(epoch from last_interactive - first_interactive) * 1000) / greatest(1, interactive_minute - 1)) then 0
    else least(p_per_minute, greatest(interactive_minute,
      ceil(interactive_minute * 60000.0 / greatest(2000, at_ms - extract(epoch from first_interactive) * 1000))::int)) end;

  -- Interactive calls may use the whole minute; bulk never its reserve, and its own calls in the window leave
  -- room for the interactive ones projected (those in the window leave it as the next ones come).
  minute_cap := case when p_bulk then p_per_minute - p_reserve else p_per_minute end;
  if last_minute >= minute_cap and oldest is not null then
    max_wait := greatest(coalesce(max_wait, 0), extract(epoch from oldest) * 1000 + 60000 - at_ms + p_margin_ms);
  end if;
  if p_bulk and projected > 0 then
    if p_per_minute - p_reserve - projected <= 0 then
      max_wait := greatest(coalesce(max_wait, 0), 1000);
    elsif bulk_minute >= p_per_minute - p_reserve - projected and oldest_bulk is not null then
      -- Looked at again within 2 s: the projection falls as soon as the stream stops.
      max_wait := greatest(coalesce(max_wait, 0), least(2000, extract(epoch from oldest_bulk) * 1000 + 60000 - at_ms + p_margin_ms));
    end if;
  end if;

  if (case when p_bulk then bulk_in_flight else in_flight end) >= (case when p_bulk then greatest(1, p_concurrent - 1) else p_concurrent end)
     or in_flight >= p_concurrent then
    max_wait := greatest(coalesce(max_wait, 0),
      least(250, coalesce(extract(epoch from soonest_lease) * 1000 - at_ms, 250)));
  end if;

  if p_bulk then
    -- An interactive call is waiting: the next slot is its.
    if st.interactive_waiting_until is not null and st.interactive_waiting_until > p_now then
      max_wait := greatest(coalesce(max_wait, 0), least(250, extract(epoch from st.interactive_waiting_until) * 1000 - at_ms));
    end if;
    -- Interactive calls flowing: bulk takes only the rate they leave over, evenly.
    if projected > 0 then
      leftover := p_per_minute - p_reserve - projected;
      last_bulk := coalesce(extract(epoch from st.bulk_at) * 1000, 0);
      if leftover <= 0 then
        max_wait := greatest(coalesce(max_wait, 0), 1000);
      elsif last_bulk + 60000.0 / leftover > at_ms then
        -- Looked at again within 2 s: right after a quick run of interactive calls the leftover is small (a long
        -- spacing), and it grows as the projection falls.
        max_wait := greatest(coalesce(max_wait, 0), least(2000, ceil(last_bulk + 60000.0 / leftover - at_ms)));
      end if;
    end if;
  end if;

  -- The app as a whole (every tenant): per-second counts over the last minute.
  if p_app_per_minute > 0 then
    select coalesce(sum(a.calls), 0) into app_total from xero_app_calls a where a.second > floor(at_ms / 1000) - 60;
    if app_total >= p_app_per_minute then
      app_wait := 1000;
      for app_row in select a.second, a.calls from xero_app_calls a where a.second > floor(at_ms / 1000) - 60 order by a.second loop
        app_total := app_total - app_row.calls;
        if app_total < p_app_per_minute then
          app_wait := (app_row.second + 61) * 1000 - at_ms;
          exit;
        end if;
      end loop;
      if app_wait > 0 then max_wait := greatest(coalesce(max_wait, 0), app_wait); end if;
    end if;
  end if;

  if max_wait is not null or pacing_wait > 0 then
    -- Waiting for budget the lanes share (not for its own pacing): bulk calls stand back meanwhile.
    if not p_bulk and max_wait is not null then
      update xero_rate_limits set interactive_waiting_until = p_now + least(2000, max_wait + 500) * interval '1 millisecond'
       where tenant_id = p_tenant;
    end if;
    return query select null::uuid, greatest(1, pacing_wait, coalesce(max_wait, 0));
    return;
  end if;
  if p_peek then
    return query select null::uuid, 0::double precision;
    return;
  end if;

  insert into xero_calls (id, tenant_id, started_at, lease_until, lane)
  values (gen_random_uuid(), p_tenant, p_now, p_now + p_lease_ms * interval '1 millisecond', case when p_bulk then 'BULK' else 'INTERACTIVE' end)
  returning id into new_id;
  if p_app_per_minute > 0 then
    insert into xero_app_calls (second, calls) values (floor(at_ms / 1000)::bigint, 1)
    on conflict (second) do update set calls = xero_app_calls.calls + 1;
  end if;
  if p_bulk then
    update xero_rate_limits set day_window_start = v_day_start, day_count = v_day_count + 1, bulk_at = p_now where tenant_id = p_tenant;
  else
    update xero_rate_limits set day_window_start = v_day_start, day_count = v_day_count + 1, tokens = greatest(0, v_tokens - 1),
           tokens_at = p_now, interactive_waiting_until = null
     where tenant_id = p_tenant;
  end if;
  return query select new_id, 0::double precision;
end
$fn$;
`;

export class Migration20261130180000_rate_limit_projection extends Migration {
  override name = 'Migration20261130180000_rate_limit_projection';

  override up(): void | Promise<void> {
    this.addSql(RATE_LIMIT_ACQUIRE_V2);
  }

  override down(): void | Promise<void> {
    this.addSql(RATE_LIMIT_ACQUIRE_V1);
  }
}
