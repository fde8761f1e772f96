import type { Actor } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { armInstanceClocks, scheduleTimers, warnOf } from './clock.ts'
import { latestDefinition } from './definitions.ts'
import {
  assigneeDepartment,
  assigneeRoles,
  type BranchData,
  computeDeadline,
  durationAt,
  type Effect,
  pausesClock,
  type StateSpec,
  type WorkflowSpec,
} from './domain.ts'
import type { Engine, StartInput } from './engine.ts'
import { type DefinitionRow, type InstanceRow, workflowRepo as repo, type TaskRow } from './repo.ts'
import { enterState, notifyMany } from './transition.ts'

/**
 * The task of an assignee state; a state without its own limit works against the instance's (the branch's),
 * an `untimed` state has none.
 */
export function taskFor(eng: Engine, inst: InstanceRow, stateKey: string, s: StateSpec, now: Date, spec: WorkflowSpec) {
  const own = durationAt(s.slaFrom, inst.context) ?? s.sla
  const deadline = own && !s.untimed ? computeDeadline(now, own, eng.calendar) : null
  const inherit = !s.untimed && !own
  return {
    instanceId: inst.id,
    rootId: inst.rootId,
    state: stateKey,
    name: s.name,
    assigneeRoles: assigneeRoles(s.assignee),
    assigneeDepartmentId: assigneeDepartment(s.assignee, inst),
    assigneeApplicant: !!s.assignee?.applicant,
    divisionCode: inst.divisionCode,
    dueAt: deadline?.dueAt ?? (inherit ? inst.dueAt : null),
    warnAt: deadline?.warnAt ?? (inherit && inst.dueAt ? warnOf(eng, inst, spec) : null),
    pausedAt: inst.pausedAt,
  }
}

/**
 * Fans a parallel state out: all branch instances, their start transitions, tasks and timers in a handful of
 * statements (a theme stage starts 14 department branches per case).
 */
export async function startChildren(
  eng: Engine,
  tx: Tx,
  parent: InstanceRow,
  key: string,
  branches: BranchData[],
  now: Date,
  actor: Actor,
  requestId?: string,
) {
  if (!branches.length) return
  const def = await latestDefinition(eng, tx, key)
  const children = await repo.insertInstances(
    tx,
    branches.map((branch) => {
      const sla = branch.sla ?? def.spec.sla
      const deadline = sla ? computeDeadline(now, sla, eng.calendar) : null
      return {
        definitionId: def.id,
        parentId: parent.id,
        rootId: parent.rootId,
        branch,
        subjectType: parent.subjectType,
        subjectId: parent.subjectId,
        title: `${parent.title} · ${branch.name}`,
        divisionCode: parent.divisionCode,
        applicantId: parent.applicantId,
        state: def.spec.initial,
        context: {},
        startedAt: now,
        dueAt: deadline?.dueAt ?? null,
        dueProvisional: deadline?.provisional ?? false,
      }
    }),
  )
  await repo.insertTransitions(
    tx,
    children.map((child) => ({
      instanceId: child.id,
      rootId: child.rootId,
      fromState: null,
      toState: def.spec.initial,
      action: 'start',
      actorId: actor.id,
      actorKind: actor.kind,
      actorName: actor.username ?? null,
      comment: null,
      attachments: [],
      data: { branch: child.branch?.key },
    })),
  )
  await enterInitial(eng, tx, def, children, now, actor, requestId)
}

/** Enters the initial state of new instances: a plain task state (the usual first step) for all at once. */
export async function enterInitial(
  eng: Engine,
  tx: Tx,
  def: DefinitionRow,
  instances: InstanceRow[],
  now: Date,
  actor: Actor | Actor[],
  requestId?: string,
) {
  const initial = def.spec.states[def.spec.initial]!
  if (
    initial.assignee &&
    !initial.parallel &&
    !initial.final &&
    (initial.effects ?? []).every((e) => e.type === 'notify') &&
    instances.every((i) => !pausesClock(initial, i.context))
  ) {
    const tasks = await repo.insertTasks(
      tx,
      instances.map((i) => taskFor(eng, i, def.spec.initial, initial, now, def.spec)),
    )
    await scheduleTimers(eng, tx, tasks)
    await armInstanceClocks(
      eng,
      tx,
      tasks.map((task) => ({ task, inst: instances.find((i) => i.id === task.instanceId)!, spec: def.spec })),
    )
    if (initial.effects?.length) await notifyNew(eng, tx, instances, tasks, initial.effects)
    return
  }
  for (const [k, inst] of instances.entries())
    await enterState(eng, tx, inst, def.spec.initial, now, Array.isArray(actor) ? actor[k]! : actor, requestId)
}

/** The notify effects of a batch's first state, told to the holders of the tasks just created. */
async function notifyNew(eng: Engine, tx: Tx, instances: InstanceRow[], tasks: TaskRow[], effects: Effect[]) {
  const insts = new Map(instances.map((i) => [i.id, i]))
  const away = [...new Set(instances.map((i) => i.rootId))].filter((id) => !insts.has(id))
  if (away.length) for (const r of await repo.findInstances(tx, away)) insts.set(r.id, r)
  await notifyMany(
    eng,
    tx,
    instances.flatMap((inst) =>
      effects.flatMap((effect) =>
        effect.type === 'notify'
          ? [{ effect, inst, root: insts.get(inst.rootId)!, openTasks: tasks.filter((t) => t.instanceId === inst.id) }]
          : [],
      ),
    ),
  )
}

export async function startMany(
  eng: Engine,
  tx: Tx,
  inputs: StartInput[],
  actor: Actor,
  now = new Date(),
  requestId?: string,
): Promise<Pick<InstanceRow, 'id' | 'rootId' | 'dueAt'>[]> {
  const out: Pick<InstanceRow, 'id' | 'rootId' | 'dueAt'>[] = new Array(inputs.length)
  for (const key of new Set(inputs.map((i) => i.definitionKey))) {
    const def = await latestDefinition(eng, tx, key)
    const at = inputs.flatMap((input, i) => (input.definitionKey === key ? [i] : []))
    const instances = await repo.insertInstances(
      tx,
      at.map((i) => {
        const input = inputs[i]!
        const sla = input.branch?.sla ?? durationAt(def.spec.slaFrom, input.context) ?? def.spec.sla
        const deadline = sla ? computeDeadline(now, sla, eng.calendar) : null
        return {
          definitionId: def.id,
          parentId: null,
          rootId: null,
          branch: input.branch ?? null,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          title: input.title,
          divisionCode: input.divisionCode,
          applicantId: input.applicantId,
          state: def.spec.initial,
          context: input.context,
          startedAt: now,
          dueAt: deadline?.dueAt ?? null,
          dueProvisional: deadline?.provisional ?? false,
        }
      }),
    )
    const actors = at.map((i) => inputs[i]!.actor ?? actor)
    await repo.insertTransitions(
      tx,
      instances.map((inst, k) => ({
        instanceId: inst.id,
        rootId: inst.rootId,
        fromState: null,
        toState: def.spec.initial,
        action: 'start',
        actorId: actors[k]!.id,
        actorKind: actors[k]!.kind,
        actorName: actors[k]!.username ?? null,
        comment: null,
        attachments: [],
        data: {},
      })),
    )
    await enterInitial(eng, tx, def, instances, now, actors, requestId)
    instances.forEach((inst, j) => {
      out[at[j]!] = { id: inst.id, rootId: inst.rootId, dueAt: inst.dueAt }
    })
  }
  return out
}
