import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { calendarWith, shiftDeadline, touchesYear, warnBeforeDue } from './calendar-shift.ts'
import { armInstanceClocks, rearmTask, slaOf } from './clock.ts'
import { specOf } from './definitions.ts'
import { cstDate, durationAt } from './domain.ts'
import type { DeadlineChange, Engine } from './engine.ts'
import { workflowRepo as repo, type TaskRow } from './repo.ts'

/**
 * A holiday schedule was imported (or revised): working-day deadlines of active instances and open tasks whose
 * clocks cross that year move onto it, keeping their working-day counts from the start; flags and timers follow
 * (old timers go stale), the history and the audit trail record it, and the subject's module hears of it.
 * Versions are taken from the database in event order, so each import moves deadlines from the one before;
 * clocks started after the import (its event delivered late) already ran on it and stay as they are.
 */
export async function recomputeForCalendar(eng: Engine, tx: Tx, year: number, version: number, importedAt: Date) {
  const [old, fresh] = await Promise.all([
    version > 1 ? eng.calendar.scheduleOf(year, version - 1) : null,
    eng.calendar.scheduleOf(year, version),
  ])
  const before = calendarWith(eng.calendar.data(), year, old)
  const after = calendarWith(eng.calendar.data(), year, fresh)
  const now = new Date()
  for (const id of await repo.instancesWithDeadlineIn(tx, `${year}-01-01`, `${year}-12-31`)) {
    const inst = (await repo.findInstance(tx, id, { lock: true }))!
    if (inst.status !== 'active') continue
    const spec = await specOf(eng, tx, inst.definitionId)
    const sla = slaOf(inst, spec)
    const oldDue = inst.dueAt
    const earlier = (d: Date) => d < importedAt
    if (oldDue && sla?.unit === 'workday' && earlier(inst.startedAt) && touchesYear(inst.startedAt, oldDue, year))
      inst.dueAt = shiftDeadline(inst.startedAt, oldDue, before, after)
    const instanceDue = oldDue && inst.dueAt && oldDue.getTime() !== inst.dueAt.getTime()
    if (instanceDue) await repo.updateInstance(tx, inst)
    const tasks: DeadlineChange['tasks'] = []
    for (const t of await repo.openTasks(tx, inst.id)) {
      const s = spec.states[t.state]
      if (!t.dueAt || !s || s.untimed) continue
      const own = durationAt(s.slaFrom, inst.context) ?? s.sla
      let moved: Pick<TaskRow, 'id' | 'dueAt' | 'warnAt' | 'pausedAt'> | null = null
      if (!own && instanceDue && t.dueAt.getTime() === oldDue.getTime()) {
        const warnAt = sla?.warnBefore ? warnBeforeDue(inst.dueAt!, sla.warnBefore, after) : null
        moved = { id: t.id, dueAt: inst.dueAt, warnAt, pausedAt: t.pausedAt }
      } else if (own?.unit === 'workday' && earlier(t.createdAt) && touchesYear(t.createdAt, t.dueAt, year)) {
        const dueAt = shiftDeadline(t.createdAt, t.dueAt, before, after)
        const warnAt = t.warnAt && own.warnBefore ? warnBeforeDue(dueAt, own.warnBefore, after) : t.warnAt
        if (dueAt.getTime() !== t.dueAt.getTime()) moved = { id: t.id, dueAt, warnAt, pausedAt: t.pausedAt }
      }
      if (!moved) {
        if (instanceDue) await armInstanceClocks(eng, tx, [{ task: t, inst, spec }]) // it watches the moved one
        continue
      }
      await repo.updateTaskClock(tx, moved)
      const due = moved.dueAt!
      await repo.setTaskFlag(
        tx,
        t.id,
        now > due ? 'overdue' : moved.warnAt && now > moved.warnAt ? 'warning' : 'on_track',
      )
      await rearmTask(eng, tx, { ...t, ...moved }, inst)
      tasks.push({ taskId: t.id, state: t.state, from: t.dueAt, to: due })
    }
    // The deadline no longer rests on fallback rules once every year its clock spans has a published schedule.
    if (
      inst.dueProvisional &&
      inst.dueAt &&
      !after.workdaysBetween(cstDate(inst.startedAt), cstDate(inst.dueAt)).provisional
    )
      await repo.setDueProvisional(tx, inst.id, false)
    if (!instanceDue && !tasks.length) continue
    const change = { year, version, instanceDue: instanceDue ? { from: oldDue, to: inst.dueAt! } : null, tasks }
    const data = JSON.parse(JSON.stringify({ ...change, subjectType: inst.subjectType, subjectId: inst.subjectId }))
    const to = change.instanceDue?.to ?? tasks[0]!.to
    await repo.insertTransition(tx, {
      instanceId: inst.id,
      rootId: inst.rootId,
      fromState: inst.state,
      toState: inst.state,
      action: 'recompute_deadline',
      actorId: null,
      actorKind: 'system',
      actorName: null,
      comment: `${year}年节假日安排（第${version}版）导入后重算期限：截止日期改为 ${cstDate(to)}`,
      attachments: [],
      data,
    })
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'workflow.recompute_deadline',
      resourceType: 'workflow_instance',
      resourceId: inst.id,
      divisionCode: inst.divisionCode,
      data,
    })
    const root = inst.rootId === inst.id ? inst : (await repo.findInstance(tx, inst.rootId))!
    await eng.deadlineHooks.get(inst.subjectType)?.(tx, { ...change, instance: inst, root })
  }
}
