import { capabilitiesOf } from '@ruyu/contracts/access'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import type { WorkflowService } from '../workflow/index.ts'
import {
  DEFAULT_WEIGHTS,
  isBadRating,
  type LevelWeights,
  RECTIFICATION_KEY,
  RECTIFICATION_SYNC,
  rectificationSpec,
  satisfactionRate,
} from './domain.ts'
import { alreadyRated, reasonRequired } from './errors.ts'
import { type RatingFilter, type RatingView, ratingRepo as repo } from './repo.ts'

export const INDICATOR_VERSION = 'GB/T 39734-2020'
export const RATING_SUBJECT = 'rating'

/** Departments that supervise 好差评 (they see every department's ratings in their scope); locality setting. */
export const SUPERVISING_SETTING = 'rating.supervisingDepartments'
export const DEFAULT_SUPERVISING = ['MP-XSP'] // 行政审批服务局
/** Roles that see every department's ratings in their scope, whatever their department. */
const OVERSEEING_ROLES = new Set(['admin', 'district_leader'])

export interface RateInput {
  subjectType: string
  subjectId: string
  subjectTitle: string
  serviceItemCode?: string | null
  /** The department answerable for the rated service (谁办理、谁负责): it gets the rectification. */
  departmentId?: string | null
  divisionCode: string
  raterId: string
  channel: 'online' | 'window' | 'app' | 'sms' | 'hotline' | 'kiosk' | 'qr'
  level: 1 | 2 | 3 | 4 | 5
  reasons?: string[]
  comment?: string | null
  realName?: boolean
}

/** 好差评: ratings of any finished matter; a 差评 opens a rectification task for the answerable department. */
export function createRatingService(platform: Pick<Platform, 'db' | 'settings' | 'events'>, workflow: WorkflowService) {
  const { db, settings } = platform

  // Every rectification transition (through /api/workflow too) is mirrored on the rating row.
  workflow.onSignal(RECTIFICATION_SYNC, async (tx, { root }) => {
    if (root.subjectType !== RATING_SUBJECT) return
    await repo.setRectificationState(tx, root.subjectId, root.state)
  })

  /**
   * What the caller sees (issue #9 §8): per post whose role may read ratings, a department its own department's
   * ratings inside the post's division scope; the supervising bureau, leaders and admin every department's there.
   * Accounts of enterprises and citizens see none here (their own ratings: `mine`).
   */
  async function viewOf(p: Principal): Promise<RatingView> {
    if (p.kind !== 'staff') return { kind: 'staff', rules: [] }
    if (p.via === 'api_key') return { kind: 'staff', rules: p.scopes.map((prefix) => ({ prefix, departmentId: null })) }
    const codes = await settings.get<string[]>(SUPERVISING_SETTING, DEFAULT_SUPERVISING)
    const supervising = new Set(await repo.departmentIdsByCode(db.pool, codes))
    const rules: { prefix: string; departmentId: string | null }[] = []
    for (const post of p.posts) {
      if (!capabilitiesOf([post.role]).includes('rating:read')) continue
      const all = OVERSEEING_ROLES.has(post.role) || (post.departmentId !== null && supervising.has(post.departmentId))
      if (all) rules.push({ prefix: post.scopeDivisionCode, departmentId: null })
      else if (post.departmentId) rules.push({ prefix: post.scopeDivisionCode, departmentId: post.departmentId })
    }
    return { kind: 'staff', rules }
  }

  return {
    /** Publishes the rectification workflow (idempotent; called at seed and before first use). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, rectificationSpec, actor)
    },

    /**
     * Records a rating in the caller's transaction (the subject module has checked the rater may rate it).
     * Once per matter per rater; 1–2 stars need a reason and start the rectification workflow.
     */
    async rate(tx: Tx, actor: Actor, input: RateInput, requestId?: string) {
      if (isBadRating(input.level) && !input.reasons?.length && !input.comment?.trim()) throw reasonRequired()
      const row = await repo.insert(tx, {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        subjectTitle: input.subjectTitle,
        serviceItemCode: input.serviceItemCode ?? null,
        departmentId: input.departmentId ?? null,
        divisionCode: input.divisionCode,
        raterId: input.raterId,
        channel: input.channel,
        level: input.level,
        reasons: input.reasons ?? [],
        comment: input.comment?.trim() || null,
        realName: input.realName ?? true,
        indicatorVersion: INDICATOR_VERSION,
      })
      if (!row) throw alreadyRated()
      if (isBadRating(input.level) && input.departmentId) {
        await this.ensureDefinitions(tx, actor)
        const days = await settings.get('rating.rectifyWorkdays', 5, tx)
        const inst = await workflow.start(
          tx,
          {
            definitionKey: RECTIFICATION_KEY,
            subjectType: RATING_SUBJECT,
            subjectId: row.id,
            title: `差评整改：${input.subjectTitle}`,
            divisionCode: input.divisionCode,
            applicantId: input.raterId,
            context: { level: input.level, reasons: input.reasons ?? [], comment: input.comment ?? null },
            branch: {
              key: 'rectification',
              name: '差评整改',
              departmentId: input.departmentId,
              sla: { amount: days, unit: 'workday', warnBefore: 1 },
            },
          },
          actor,
          new Date(),
          requestId,
        )
        await repo.setRectification(tx, row.id, inst.id, rectificationSpec.initial)
        row.rectificationInstanceId = inst.id
        row.rectificationState = rectificationSpec.initial
      }
      await recordAudit(tx, {
        actor,
        action: 'rating.submit',
        resourceType: 'rating',
        resourceId: row.id,
        divisionCode: row.divisionCode,
        requestId,
        data: { subjectType: row.subjectType, subjectId: row.subjectId, level: row.level },
      })
      await platform.events.enqueue(tx, 'rating.rating.submitted', {
        id: row.id,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        level: row.level,
      })
      return row
    },

    async forSubject(subjectType: string, subjectId: string) {
      return repo.forSubject(db.pool, subjectType, subjectId)
    },

    /** Ratings the caller may see (staff: by department and scope; an enterprise: its own), newest first. */
    async list(p: Principal, f: RatingFilter & { page: number; pageSize: number }) {
      return repo.list(db.pool, await viewOf(p), {
        ...f,
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      })
    },

    /** The ratings the caller gave (an enterprise account: every rating its enterprise's users gave). */
    async mine(p: Principal, f: RatingFilter & { page: number; pageSize: number }) {
      const view: RatingView =
        p.kind === 'enterprise' && p.enterpriseUscc
          ? { kind: 'enterprise', uscc: p.enterpriseUscc }
          : p.userId
            ? { kind: 'rater', userId: p.userId }
            : { kind: 'staff', rules: [] }
      return repo.list(db.pool, view, { ...f, limit: f.pageSize, offset: (f.page - 1) * f.pageSize })
    },

    /**
     * Counts per level, 差评 rate, rectification states and satisfaction, overall and per department, inside the
     * caller's view (weights are locality configuration: setting `rating.levelWeights`).
     */
    async stats(p: Principal) {
      const weights = await settings.get<LevelWeights>('rating.levelWeights', DEFAULT_WEIGHTS)
      const rows = await repo.counts(db.pool, await viewOf(p))
      type Acc = {
        departmentId: string | null
        departmentName: string | null
        counts: Record<string, number>
        rectifications: number
        rectification: Record<string, number>
      }
      const blank = (departmentId: string | null, departmentName: string | null): Acc => ({
        departmentId,
        departmentName,
        counts: {},
        rectifications: 0,
        rectification: {},
      })
      const add = (a: Acc, r: (typeof rows)[number]) => {
        a.counts[r.level] = (a.counts[r.level] ?? 0) + r.n
        a.rectifications += r.rectifications
        if (r.rectification_state)
          a.rectification[r.rectification_state] = (a.rectification[r.rectification_state] ?? 0) + r.n
      }
      const overall = blank(null, null)
      const byDept = new Map<string, Acc>()
      for (const r of rows) {
        const key = r.department_id ?? '-'
        const e = byDept.get(key) ?? blank(r.department_id, r.department_name)
        byDept.set(key, e)
        add(e, r)
        add(overall, r)
      }
      const figures = (a: Acc) => {
        const total = Object.values(a.counts).reduce((x, y) => x + y, 0)
        const bad = (a.counts[1] ?? 0) + (a.counts[2] ?? 0)
        return {
          total,
          bad,
          badRate: total ? bad / total : null,
          counts: a.counts,
          satisfaction: satisfactionRate(a.counts, weights),
          rectifications: a.rectifications,
          rectification: a.rectification,
        }
      }
      const items = [...byDept.values()]
        .map((e) => ({ departmentId: e.departmentId, departmentName: e.departmentName, ...figures(e) }))
        .sort((a, b) => b.total - a.total || (a.departmentName ?? '').localeCompare(b.departmentName ?? ''))
      const all = figures(overall)
      return { weights, satisfaction: all.satisfaction, overall: all, items }
    },
  }
}

export type RatingService = ReturnType<typeof createRatingService>
