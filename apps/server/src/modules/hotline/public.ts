/** What the public sees: the web form, tracking by token or number, and orders in their public form (Open311). */
import {
  PUBLIC_STATUS_NAMES,
  type PublicOrder,
  type PublicOrderFilter,
  type PublicSubmit,
  type PublicTrack,
  type UnitRef,
} from '@ruyu/contracts/hotline'
import type { HotlineActor } from './actor.ts'
import type { HotlineContext } from './context.ts'
import { isClosed, trackingNumberCandidates } from './domain.ts'
import { trackNotFound } from './errors.ts'
import { type IntakeWriter, sha256 } from './intake-batch.ts'
import { redactPersonalData } from './open311-redact.ts'
import { iso } from './order-view.ts'
import { type OrderRow, hotlineRepo as repo } from './repo.ts'

/** The public web form acts as an anonymous reader: it sees no order in anyone's scope. */
const PUBLIC_ACTOR: HotlineActor = {
  actor: { kind: 'anonymous', id: null, username: 'public' },
  engine: { kind: 'user', userId: null, roles: [], departmentIds: [], scopes: [] },
  name: '网上诉求（群众）',
  kind: 'reader',
  userId: null,
  scopes: [''],
  departmentIds: [],
}

/** Public fields only: no caller data, personal data removed from the description. */
async function publicOrderDto(o: OrderRow): Promise<PublicOrder> {
  return {
    id: o.id,
    publicId: o.publicId,
    number: o.number,
    status: o.status,
    open: !isClosed(o.status),
    publicStatus: o.publicStatus,
    requestType: o.requestType,
    categoryId: o.categoryId,
    categoryCode: o.categoryCode ?? null,
    categoryName: o.categoryName ?? null,
    description: redactPersonalData(o.description, [o.callerName]),
    divisionCode: o.divisionCode,
    address: o.address,
    lat: o.lat,
    lng: o.lng,
    unitName: o.unitName ?? null,
    publicReply: o.publicReply,
    mergedIntoNumber: o.mergedIntoNumber ?? null,
    attachments: o.attachments,
    receivedAt: o.receivedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    dueAt: iso(o.dueAt),
    closedAt: iso(o.closedAt),
  }
}

/** The timeline entries public tracking shows, as sentences for the caller; other entries stay internal. */
const MILESTONE: Record<string, (e: { unit: UnitRef | null }) => string> = {
  intake: () => '诉求已受理',
  transfer_in: () => '诉求已受理（上级平台转办）',
  dispatch: (e) => `已转交${e.unit?.name ?? '承办单位'}办理`,
  acknowledge: () => '承办单位已签收',
  return: () => '重新分派承办单位',
  reopen: () => '回访后重新办理',
  review_accept: () => '承办单位已答复',
  direct_answer: () => '已直接答复并办结',
  close: () => '已办结',
  merge: () => '已与同类诉求合并办理',
  decline: () => '不属于受理范围，已告知办理途径',
}

export function publicUseCases(c: HotlineContext, intakes: IntakeWriter) {
  const { platform, db } = c
  return {
    /** Public web form (anonymous); returns the number and a tracking token shown once. */
    async submitPublic(input: PublicSubmit, requestId?: string) {
      const { outcome: out } = await intakes.take(
        PUBLIC_ACTOR,
        { ...input, categoryId: input.categoryId ?? null, channel: 'web', urgency: 'normal', attachments: [] },
        { requestId },
      )
      return {
        number: out.number,
        trackingToken: out.trackingToken!,
        publicStatus: out.publicStatus,
        receivedAt: out.receivedAt,
      }
    },

    /** Public tracking by token, or number + last 4 digits of the phone: public outcome and milestones only. */
    async track(q: { token?: string; number?: string; phoneLast4?: string }): Promise<PublicTrack> {
      const o = q.token
        ? await repo.orderForTracking(db.pool, { trackingHash: sha256(q.token) })
        : await repo.orderForTracking(db.pool, {
            numbers: trackingNumberCandidates(q.number!),
            phoneLast4: q.phoneLast4!,
          })
      if (!o) throw trackNotFound()
      const events = await repo.events(db.pool, o.id)
      return {
        number: o.number,
        requestType: o.requestType,
        categoryName: o.categoryName ?? null,
        receivedAt: o.receivedAt.toISOString(),
        publicStatus: o.publicStatus,
        publicStatusName: PUBLIC_STATUS_NAMES[o.publicStatus],
        publicReply: o.publicReply,
        closedAt: iso(o.closedAt),
        mergedIntoNumber: o.mergedIntoNumber ?? null,
        milestones: events
          .filter((e) => MILESTONE[e.action])
          .map((e) => ({ at: e.at.toISOString(), label: MILESTONE[e.action]!(e) })),
      }
    },

    /** Orders for public listings (Open311 GET): public fields only, caller data never included. */
    async listPublicOrders(filter: PublicOrderFilter = {}): Promise<PublicOrder[]> {
      return Promise.all((await repo.publicOrders(db.pool, filter)).map(publicOrderDto))
    },
    /** One order in its public form, or null. */
    async getPublicOrder(id: string): Promise<PublicOrder | null> {
      const [o] = await repo.publicOrders(db.pool, { ids: [id], limit: 1 })
      return o ? publicOrderDto(o) : null
    },

    /** The public form's location picker: towns of the district, villages of a town; nothing outside it. */
    async publicDivisions(parentCode: string | undefined) {
      const district = platform.config.district.code
      const parent = parentCode ?? district
      if (!parent.startsWith(district)) return { items: [] }
      return { items: await repo.divisionChildren(db.pool, parent) }
    },
  }
}
