import type { Logger } from './logger.js';

/**
 * Deterministic kill points for crash tests. With NODE_ENV=test and TEST_PAUSE_AT naming a point (optionally
 * `point@scope`, e.g. an organisation id), a process that reaches it logs `pausePoint` and stops there for
 * good, so the test can SIGKILL it at exactly that moment. Unarmed (every other environment: config refuses
 * TEST_PAUSE_AT outside tests), a pause point is one Set lookup.
 */
let armed = new Set<string>();
let logger: Logger | undefined;

export function armPausePoints(points: readonly string[], log: Logger): void {
  armed = new Set(points);
  logger = log;
}

export async function pausePoint(name: string, scope?: string): Promise<void> {
  if (!armed.size) return;
  const hit = scope && armed.has(`${name}@${scope}`) ? `${name}@${scope}` : armed.has(name) ? name : undefined;
  if (!hit) return;
  logger?.warn({ pausePoint: hit }, 'test pause point reached; waiting to be killed');
  await new Promise<never>(() => {});
}
