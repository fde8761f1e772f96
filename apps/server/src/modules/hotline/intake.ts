/** Intake from the staff channels: any module (Open311), the operator console (with 直办), upstream transfers. */
import type { IntakeInput, IntakeParsed, Transfer } from '@ruyu/contracts/hotline'
import type { Actor } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { pgErrorCode } from '../../platform/db.ts'
import { type HotlineActor, hotlineActorOf } from './actor.ts'
import type { HotlineContext } from './context.ts'
import { duplicateProbe } from './duplicates.ts'
import { type IntakeOutcome, type IntakeWriter, outcomeOf } from './intake-batch.ts'
import { hotlineRepo as repo } from './repo.ts'
import { suggestion } from './routing.ts'

export function intakeUseCases(c: HotlineContext, intakes: IntakeWriter) {
  const { db, detail, detailOf } = c

  /**
   * Takes an order in from any channel (operator console, public web form, upstream transfer, Open311) as the
   * given actor: validates it (400 with field issues), starts its workflow, numbers it and records the timeline.
   * With `upstream`, the same (source, number) twice gives one order (the second call returns it, duplicate).
   */
  async function intake(
    actor: HotlineActor,
    input: IntakeInput,
    opts: { upstream?: { source: string; number: string }; receivedAt?: Date; requestId?: string } = {},
  ): Promise<IntakeOutcome> {
    try {
      return (await intakes.take(actor, input, opts)).outcome
    } catch (err) {
      // Two transfers of the same upstream order at once: the unique index lets one in; return it to the other.
      if (opts.upstream && pgErrorCode(err) === '23505') {
        const o = await repo.orderByUpstream(db.pool, opts.upstream.source, opts.upstream.number)
        if (o) return outcomeOf(o, null, true)
      }
      throw err
    }
  }

  return {
    intake,

    /**
     * Operator console intake (phone); with `directAnswer` it closes on the spot (直办). Answers the order as
     * written, the routing suggestion and earlier orders that look like the same matter.
     */
    async intakeByOperator(p: Principal, actor: Actor, input: IntakeParsed, requestId?: string) {
      const w = hotlineActorOf(p, actor)
      const { directAnswer, ...rest } = input
      const prepared = await intakes.prepare(w, rest, { directAnswer, requestId })
      prepared.probe = directAnswer
        ? null
        : await duplicateProbe(c, w, {
            callerPhone: input.callerPhone,
            categoryId: input.categoryId,
            divisionCode: input.divisionCode,
            address: input.address,
            lat: input.lat,
            lng: input.lng,
          })
      const written = await intakes.submit(prepared)
      const o = written.order
      return {
        order: o
          ? await detailOf(
              {
                ...o,
                categoryCode: prepared.category?.code,
                categoryName: prepared.category?.name,
                categoryPath: prepared.category?.pathName,
                divisionName: prepared.divisionName,
              },
              written.events,
              w,
            )
          : await detail(w, written.outcome.id),
        suggestion:
          input.categoryId && !directAnswer ? await suggestion(c, input.categoryId, input.divisionCode) : null,
        duplicates: written.duplicates,
      }
    },

    /** Upstream platform transfer (API key); 201 for a new order, 200 with the same order for a repeat. */
    async transfer(p: Principal, actor: Actor, input: Transfer, requestId?: string) {
      const { source, upstreamNumber, receivedAt, ...rest } = input
      const w = hotlineActorOf(p, actor)
      const out = await intake(
        w,
        { ...rest, categoryId: rest.categoryId ?? null, channel: 'transfer' },
        {
          upstream: { source, number: upstreamNumber },
          receivedAt: receivedAt ? new Date(receivedAt) : undefined,
          requestId,
        },
      )
      return {
        id: out.id,
        number: out.number,
        status: out.status,
        publicStatus: out.publicStatus,
        duplicate: out.duplicate,
      }
    },

    /** Intake batches written so far (group commit): for the benchmark and operations. */
    intakeStats: () => intakes.stats(),
  }
}
