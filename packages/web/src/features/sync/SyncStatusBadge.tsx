import type { SyncStatus } from '../../gql/graphql';
import { syncStatusLabel, syncStatusTone } from './sync-text';
import './sync.css';

const TONE_CLASSES = { success: 'badge--success', warning: 'badge--warning', neutral: 'badge--neutral' } as const;
const ICONS: Record<SyncStatus, string> = { PENDING: '…', SYNCING: '↻', SYNCED: '✓', FAILED: '!', SUPERSEDED: '…' };

/**
 * A supplier's push to Xero in words ("Synced to Xero", "Xero sync failed"); the icon and colour only
 * repeat what the text says. Renders nothing for a supplier never sent to Xero.
 */
export function SyncStatusBadge({ status }: { status: SyncStatus | null | undefined }) {
  if (!status) return null;
  return (
    <span className={`badge sync-badge ${TONE_CLASSES[syncStatusTone(status)]}`}>
      <span aria-hidden="true" className="sync-badge__icon">
        {ICONS[status]}
      </span>
      {syncStatusLabel(status)}
    </span>
  );
}
