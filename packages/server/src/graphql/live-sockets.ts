import type { Viewer } from '../accounts/viewer.js';
import type { Logger } from '../common/logger.js';
import { TOPICS, type CredentialsRevokedEvent, type EventBus } from './pubsub.js';

/** The websocket close code graphql-ws uses for "Forbidden"; the client does not retry with the same credential. */
export const CLOSE_FORBIDDEN = 4403;

interface Closable {
  close(code: number, reason: string): void;
}

/** Whether an event about an ended session, revoked key or changed user ends this viewer's connection. */
export function endsConnection(viewer: Viewer, event: CredentialsRevokedEvent): boolean {
  if (event.sessionId && viewer.sessionId === event.sessionId) return true;
  if (event.apiKeyId && viewer.apiKeyId === event.apiKeyId) return true;
  // A key acts with its own scope, not its creator's role: a user's change reaches keys only by their revocation.
  return Boolean(event.userId && !viewer.apiKeyId && viewer.userId === event.userId);
}

/**
 * Open websockets and who they were authenticated as. A credential that stops being valid (a session signed out
 * or ended, an API key revoked, a member removed or their role changed) closes the connections it opened at once,
 * on every instance: database triggers send CREDENTIALS_REVOKED at commit (see the Session, ApiKey and User
 * entities). A changed role closes too, so the browser reconnects with what the member may see now.
 */
export function createLiveSockets(bus: EventBus, log: Logger) {
  const open = new Map<Closable, Viewer>();
  const events = bus.subscribe(TOPICS.CREDENTIALS_REVOKED);
  const watching = (async () => {
    for await (const event of events) {
      for (const [socket, viewer] of open) {
        if (!endsConnection(viewer, event)) continue;
        open.delete(socket);
        log.info({ userId: viewer.userId, apiKeyId: viewer.apiKeyId }, 'closed a websocket whose credential ended');
        socket.close(CLOSE_FORBIDDEN, 'Forbidden');
      }
    }
  })();
  return {
    track(socket: Closable, viewer: Viewer): void {
      open.set(socket, viewer);
    },
    untrack(socket: Closable): void {
      open.delete(socket);
    },
    async stop(): Promise<void> {
      await events.return?.();
      await watching;
    },
  };
}
