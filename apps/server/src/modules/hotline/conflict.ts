import { ORDER_STATUS_NAMES, type OrderStatus } from '@ruyu/contracts/hotline'
import type { Tx } from '../../platform/db.ts'
import { AppError } from '../../platform/errors.ts'
import { invalidState, orderConflict } from './errors.ts'
import type { OrderRow } from './repo.ts'

/** A use case refused because the order is not in one of `allowed`; the statuses travel in the details. */
export function statusRefused(o: OrderRow, allowed: readonly OrderStatus[], action: string): AppError {
  return invalidState({ status: ORDER_STATUS_NAMES[o.status], action }, { status: o.status, allowed })
}

/**
 * A refusal for status where the order's last change of status left one of the allowed statuses means someone
 * else acted first (the row lock made this request wait for them, or their commit came just before it read the
 * row): 409 HOTLINE_CONFLICT instead of 422. Any other error passes through.
 */
export async function lostRace(tx: Tx, o: OrderRow, err: unknown): Promise<never> {
  const allowed = err instanceof AppError && err.code === 'HOTLINE_INVALID_STATE' ? err.details?.allowed : undefined
  if (Array.isArray(allowed)) {
    const { rows } = await tx.query<{ from_status: string }>(
      `select from_status from hotline_event where order_id = $1 and to_status <> from_status
        order by id desc limit 1`,
      [o.id],
    )
    const left = rows[0]?.from_status
    if (left && allowed.includes(left)) throw orderConflict({ status: ORDER_STATUS_NAMES[o.status] })
  }
  throw err
}
