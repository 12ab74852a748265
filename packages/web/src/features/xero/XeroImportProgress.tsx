import { useId } from 'react';
import { Link } from '../../app/router';
import { graphql } from '../../gql';
import type { XeroImportProgress_ConnectionFragment } from '../../gql/graphql';
import { importedText, importProgressText } from './xero-text';
import './xero.css';

export const XeroImportProgressFragment = graphql(`
  fragment XeroImportProgress_connection on XeroConnection {
    id
    status
    importStatus
    importProgress {
      pages
      seen
      created
      skipped
      archived
    }
  }
`);

/**
 * The first import of Xero contacts as suppliers. Xero doesn't say how many contacts there are, so
 * while it runs the bar is indeterminate and the counts carry the progress.
 */
export function XeroImportProgress({ connection, className }: { connection: XeroImportProgress_ConnectionFragment; className?: string }) {
  const id = useId();
  const { importStatus, importProgress, status } = connection;

  if (importStatus === 'RUNNING' || (importStatus === 'NOT_STARTED' && status === 'CONNECTED')) {
    const started = importStatus === 'RUNNING';
    return (
      <div className={['import', className].filter(Boolean).join(' ')}>
        <label className="import__label" htmlFor={`${id}-bar`}>
          Importing suppliers from Xero
        </label>
        <progress id={`${id}-bar`} className="import__bar" aria-describedby={`${id}-counts`} />
        <p id={`${id}-counts`} className="import__counts">
          {started ? importProgressText(importProgress) : 'Starting…'}
          {started && importProgress && importProgress.pages > 0 ? (
            <span className="import__pages"> · {importProgress.pages === 1 ? '1 page' : `${importProgress.pages} pages`} so far</span>
          ) : null}
        </p>
      </div>
    );
  }

  if (importStatus === 'DONE') {
    return (
      <p className={['import import--done', className].filter(Boolean).join(' ')} role="status">
        <span className="import__check" aria-hidden="true">
          ✓
        </span>
        <span>
          {importedText(importProgress?.created ?? 0, importProgress?.archived ?? 0)}
          <span aria-hidden="true"> · </span>
          <Link to="/suppliers">View suppliers</Link>
        </span>
      </p>
    );
  }

  if (importStatus === 'FAILED') {
    return (
      <p className={['import import--failed', className].filter(Boolean).join(' ')} role="status">
        The supplier import didn’t finish
        {importProgress ? ` (${importProgressText(importProgress)})` : ''}.
      </p>
    );
  }

  return null;
}
