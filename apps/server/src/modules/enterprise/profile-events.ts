import type { Tx } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import { PROFILE_CHANGED, PROFILES_TOPIC } from './domain.ts'

/** Records a change of profile data: the outbox event for subscribers, and the cache-bus drop for every node. */
export async function profileChanged(
  platform: Pick<Platform, 'events' | 'caches'>,
  tx: Tx,
  payload: { uscc: string; version: number },
): Promise<void> {
  await platform.events.enqueue(tx, PROFILE_CHANGED, payload)
  await platform.caches.invalidate(tx, PROFILES_TOPIC)
}
