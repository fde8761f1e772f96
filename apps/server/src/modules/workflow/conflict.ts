import type { Queryable } from '../../platform/db.ts'
import type { AppError } from '../../platform/errors.ts'
import type { WorkflowSpec } from './domain.ts'
import { actionNotAvailable, concurrentUpdate, instanceClosed } from './errors.ts'
import type { InstanceRow } from './repo.ts'

/**
 * Why an instance refuses an action it does not offer now. When the state it last left offered this action, the
 * caller acted on what they saw and someone else moved the instance first (a concurrent request, or a page shown
 * before that transition): 409 WORKFLOW_CONFLICT, whichever of the two requests read the row first. Otherwise the
 * action was never possible here: 422 (process closed, or not an action of this step).
 */
export async function refusal(
  q: Queryable,
  spec: WorkflowSpec,
  inst: InstanceRow,
  actionKey: string,
): Promise<AppError> {
  const { rows } = await q.query<{ from_state: string | null }>(
    `select from_state from workflow_transition
      where root_id = $1 and instance_id = $2 and to_state <> from_state
      order by id desc limit 1`,
    [inst.rootId, inst.id],
  )
  const left = rows[0]?.from_state
  if (left && spec.states[left]?.actions?.some((a) => a.key === actionKey))
    return concurrentUpdate(undefined, { state: inst.state, status: inst.status })
  if (inst.status !== 'active') return instanceClosed({ status: inst.status })
  return actionNotAvailable({ state: spec.states[inst.state]?.name ?? inst.state, action: actionKey })
}
