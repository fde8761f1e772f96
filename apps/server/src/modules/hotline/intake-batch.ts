/**
 * The intake writer every channel goes through: validation against cached reference data, then batches of intakes
 * written together (group commit) in a fixed number of statements, numbered in arrival order.
 */
import { createHash, randomBytes } from 'node:crypto'
import { type DuplicateCandidate, IntakeInputSchema, type OrderStatus } from '@ruyu/contracts/hotline'
import { recordAuditMany } from '../../platform/audit.ts'
import { flushBeforeCommit, type Tx } from '../../platform/db.ts'
import { allocateDocNumbers } from '../../platform/doc-number.ts'
import { groupCommit } from '../../platform/group-commit.ts'
import { computeDeadline, cstDate } from '../workflow/index.ts'
import type { HotlineActor } from './actor.ts'
import { type CategoryRef, fail, type HotlineContext, type Issue } from './context.ts'
import { ackLimit, handleLimit, ORDER_DEFINITION, orderSpec, SUBJECT, titleOf, townOf } from './domain.ts'
import { type DuplicateProbe, type OrderRow, hotlineRepo as repo } from './repo.ts'
import { closeDirect } from './triage.ts'

export interface IntakeOutcome {
  id: string
  number: string
  /** Issued once, for the caller to track the request; null when an upstream order was already taken in. */
  trackingToken: string | null
  status: OrderStatus
  publicStatus: OrderRow['publicStatus']
  receivedAt: string
  /** True when the same (source, upstream number) was transferred before: this is that order. */
  duplicate: boolean
}

export interface IntakeOpts {
  upstream?: { source: string; number: string }
  receivedAt?: Date
  directAnswer?: { answer: string; kbArticleId?: string | null }
  requestId?: string
}
/** A validated intake, ready to be written with others in one transaction. */
export interface PreparedIntake {
  w: HotlineActor
  input: ReturnType<typeof IntakeInputSchema.parse>
  category: CategoryRef | null
  divisionName: string
  receivedAt: Date
  opts: IntakeOpts
  /** Duplicate hints to look up in the batch (the operator console's), before this batch's orders exist. */
  probe?: DuplicateProbe | null
}
export interface WrittenIntake {
  outcome: IntakeOutcome
  /** The order and its timeline as written (null for a repeated upstream transfer). */
  order: OrderRow | null
  events: Awaited<ReturnType<typeof repo.insertEvents>>
  duplicates: DuplicateCandidate[]
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const TOKEN_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
function trackingToken(): string {
  const bytes = randomBytes(16)
  return [...bytes].map((b) => TOKEN_CHARS[b % TOKEN_CHARS.length]).join('')
}

export const outcomeOf = (o: OrderRow, token: string | null, duplicate: boolean): IntakeOutcome => ({
  id: o.id,
  number: o.number,
  trackingToken: token,
  status: o.status,
  publicStatus: o.publicStatus,
  receivedAt: o.receivedAt.toISOString(),
  duplicate,
})

export type IntakeWriter = ReturnType<typeof createIntakeWriter>

export function createIntakeWriter(c: HotlineContext) {
  const { platform, workflow, db, calendar, settings, reference, checkFiles } = c

  /** Validates an intake (400 with field issues) against cached reference data: no query on the usual path. */
  async function prepareIntake(w: HotlineActor, raw: unknown, opts: IntakeOpts): Promise<PreparedIntake> {
    const parsed = IntakeInputSchema.safeParse(raw)
    if (!parsed.success)
      throw fail(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })))
    const input = parsed.data
    const issues: Issue[] = []
    const [ref, divisionName] = await Promise.all([reference(), c.deps.directory.divisionName(input.divisionCode)])
    const category = input.categoryId ? (ref.categories.get(input.categoryId) ?? null) : null
    if (input.categoryId && !category?.active) issues.push({ path: ['categoryId'], message: '诉求分类不存在' })
    if (divisionName === null) issues.push({ path: ['divisionCode'], message: '行政区划代码不存在' })
    if ((input.lat === undefined) !== (input.lng === undefined))
      issues.push({ path: [input.lat === undefined ? 'lat' : 'lng'], message: '经纬度须同时填写' })
    issues.push(...(await checkFiles(w, input.attachments, 'attachments')))
    if (opts.directAnswer?.kbArticleId && !(await repo.article(db.pool, opts.directAnswer.kbArticleId)))
      issues.push({ path: ['directAnswer', 'kbArticleId'], message: '知识库条目不存在' })
    if (issues.length) throw fail(issues)
    return { w, input, category, divisionName: divisionName!, receivedAt: opts.receivedAt ?? new Date(), opts }
  }

  /**
   * Writes a batch of intakes in the caller's transaction, in a fixed number of statements whatever the count:
   * workflow instances and first tasks, then (holding the order-number counter until commit) the numbered orders,
   * their timelines, the audit rows and the outbox events. A repeated upstream order answers the one taken in.
   */
  async function writeIntakes(tx: Tx, items: PreparedIntake[]): Promise<WrittenIntake[]> {
    const out: (WrittenIntake | undefined)[] = new Array(items.length)
    // Transfer idempotency: orders already taken in, and repeats inside this batch, answer the first one.
    const upstreamKey = (u: { source: string; number: string }) => `${u.source}\u0000${u.number}`
    const upstream = items.flatMap((it) => (it.opts.upstream ? [it.opts.upstream] : []))
    const known = new Map(
      (await repo.ordersByUpstream(tx, upstream)).map((o) => [
        upstreamKey({ source: o.upstreamSource!, number: o.upstreamNumber! }),
        o,
      ]),
    )
    const firstInBatch = new Map<string, number>()
    const fresh: number[] = []
    items.forEach((it, i) => {
      const u = it.opts.upstream
      const seen = u ? known.get(upstreamKey(u)) : undefined
      if (seen) out[i] = { outcome: outcomeOf(seen, null, true), order: null, events: [], duplicates: [] }
      else if (u && firstInBatch.has(upstreamKey(u))) return
      else {
        if (u) firstInBatch.set(upstreamKey(u), i)
        fresh.push(i)
      }
    })

    // Duplicate hints first, in one statement for the batch: earlier orders only, as none of these exists yet.
    const hints = new Map<number, DuplicateCandidate[]>()
    const probing = fresh.filter((i) => items[i]!.probe)
    if (probing.length) {
      const found = await repo.duplicatesMany(
        tx,
        probing.map((i) => items[i]!.probe!),
      )
      for (const [k, i] of probing.entries()) hints.set(i, found[k]!)
    }

    if (fresh.length) {
      const s = await settings(tx)
      const rows = fresh.map((i) => {
        const { input, receivedAt } = items[i]!
        const handle = handleLimit(s, input.requestType, input.urgency)
        return {
          id: crypto.randomUUID(),
          token: trackingToken(),
          handle,
          due: computeDeadline(receivedAt, handle, calendar).dueAt,
          ack: ackLimit(s, input.urgency),
        }
      })
      await workflow.publish(tx, orderSpec, items[fresh[0]!]!.w.actor)
      // One start for the whole batch; each start transition records who took its call.
      const started = await workflow.startMany(
        tx,
        fresh.map((i, j) => {
          const { input, w } = items[i]!
          return {
            definitionKey: ORDER_DEFINITION,
            subjectType: SUBJECT,
            subjectId: rows[j]!.id,
            title: titleOf(input.description),
            divisionCode: input.divisionCode,
            applicantId: null,
            context: {
              sla: { handle: rows[j]!.handle, acknowledge: rows[j]!.ack },
              pauseOnExtension: s.timeLimits.pauseWhileExtensionPending,
            },
            actor: w.actor,
          }
        }),
        items[fresh[0]!]!.w.actor,
        new Date(),
        fresh.length === 1 ? items[fresh[0]!]!.opts.requestId : undefined,
      )
      // Numbers last: the counter row stays locked until commit. One allocation per received day (the pattern
      // may show the month), in arrival order.
      await flushBeforeCommit(tx)
      const numbers = new Array<string>(fresh.length)
      const byDay = new Map<string, number[]>()
      fresh.forEach((i, j) => {
        const day = cstDate(items[i]!.receivedAt)
        byDay.set(day, [...(byDay.get(day) ?? []), j])
      })
      for (const js of byDay.values()) {
        const got = await allocateDocNumbers(tx, 'hotline.order', items[fresh[js[0]!]!]!.receivedAt, js.length)
        js.forEach((j, k) => {
          numbers[j] = got[k]!.number
        })
      }
      const orders = await repo.insertOrders(
        tx,
        fresh.map((i, j) => {
          const { w, input, category, receivedAt, opts } = items[i]!
          return {
            id: rows[j]!.id,
            number: numbers[j]!,
            source: 'live' as const,
            channel: input.channel,
            upstreamSource: opts.upstream?.source ?? null,
            upstreamNumber: opts.upstream?.number ?? null,
            callerName: input.callerName,
            callerPhone: input.callerPhone,
            confidential: input.confidential,
            requestType: input.requestType,
            urgency: input.urgency,
            categoryId: category?.id ?? null,
            topCategoryId: category ? category.path.split('/')[1]! : null,
            divisionCode: input.divisionCode,
            townCode: townOf(input.divisionCode),
            address: input.address,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            title: titleOf(input.description),
            description: input.description,
            attachments: input.attachments,
            enterpriseUscc: input.enterpriseUscc ?? null,
            status: 'dispatching' as const,
            publicStatus: 'received' as const,
            receivedAt,
            dueAt: rows[j]!.due,
            trackingHash: sha256(rows[j]!.token),
            workflowInstanceId: started[j]!.id,
            createdBy: w.actor.kind === 'user' ? w.actor.id : null,
          }
        }),
      )
      const events = await repo.insertEvents(
        tx,
        fresh.map((i, j) => {
          const { w, input, category, opts } = items[i]!
          return {
            orderId: orders[j]!.id,
            actorId: w.actor.id,
            actorKind: w.actor.kind,
            actorName: w.name,
            unitId: null,
            action: opts.upstream ? 'transfer_in' : 'intake',
            fromStatus: 'dispatching',
            toStatus: 'dispatching',
            data: {
              channel: input.channel,
              requestType: input.requestType,
              urgency: input.urgency,
              categoryId: category?.id ?? null,
              ...(opts.upstream ? { source: opts.upstream.source, upstreamNumber: opts.upstream.number } : {}),
            },
            attachments: input.attachments,
          }
        }),
      )
      await recordAuditMany(
        tx,
        fresh.map((i, j) => {
          const { w, input, opts } = items[i]!
          const o = orders[j]!
          return {
            actor: w.actor,
            action: 'hotline.order.intake',
            resourceType: 'hotline_order',
            resourceId: o.id,
            divisionCode: o.divisionCode,
            requestId: opts.requestId,
            data: { number: o.number, channel: input.channel, upstream: opts.upstream ?? null },
          }
        }),
      )
      for (const [j, i] of fresh.entries()) {
        const o = orders[j]!
        const { w, input, opts } = items[i]!
        await platform.files.attach(tx, input.attachments, { subjectType: SUBJECT, subjectId: o.id })
        await platform.events.enqueue(tx, 'hotline.order.received', {
          orderId: o.id,
          number: o.number,
          divisionCode: input.divisionCode,
          channel: input.channel,
        })
        // 直办: answered from the knowledge base on the spot (the rare path, one order at a time).
        if (opts.directAnswer) {
          await closeDirect(c, tx, w, o, opts.directAnswer, new Date(), opts.requestId)
          out[i] = {
            outcome: outcomeOf((await repo.lockOrder(tx, o.id))!, rows[j]!.token, false),
            order: null,
            events: [],
            duplicates: [],
          }
          continue
        }
        out[i] = {
          outcome: outcomeOf(o, rows[j]!.token, false),
          order: o,
          events: [events[j]!],
          duplicates: hints.get(i) ?? [],
        }
      }
    }
    // Repeats inside the batch answer the order their first copy created.
    return items.map((it, i) => {
      if (out[i]) return out[i]!
      const first = out[firstInBatch.get(upstreamKey(it.opts.upstream!))!]!
      return {
        outcome: { ...first.outcome, trackingToken: null, duplicate: true },
        order: null,
        events: [],
        duplicates: [],
      }
    })
  }

  // Intakes arriving while a batch is being written go together in the next one (group commit).
  const intakeQueue = groupCommit(db, writeIntakes)

  return {
    prepare: prepareIntake,
    /** Writes a prepared intake with the others arriving meanwhile. */
    submit: (item: PreparedIntake) => intakeQueue.submit(item),
    /** Validates and writes one intake. */
    async take(w: HotlineActor, raw: unknown, opts: IntakeOpts = {}): Promise<WrittenIntake> {
      return intakeQueue.submit(await prepareIntake(w, raw, opts))
    },
    stats: () => intakeQueue.stats(),
  }
}
