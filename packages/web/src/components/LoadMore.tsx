/** The button under a paged list: shown while there is a next page; says "Loading…" while it loads. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  label = 'Load more',
}: {
  hasMore: boolean | undefined;
  loading: boolean;
  onLoad: () => void;
  label?: string;
}) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="button" onClick={onLoad} aria-disabled={loading || undefined}>
        {loading ? 'Loading…' : label}
      </button>
    </div>
  );
}
