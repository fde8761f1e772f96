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
  rectificationSpec,
  satisfactionRate,
} from './domain.ts'
import { alreadyRated, reasonRequired } from './errors.ts'
import { ratingRepo as repo } from './repo.ts'

export const INDICATOR_VERSION = 'GB/T 39734-2020'

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
            subjectType: 'rating',
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
        await repo.setRectification(tx, row.id, inst.id)
        row.rectificationInstanceId = inst.id
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

    async list(p: Principal, f: { onlyBad: boolean; page: number; pageSize: number }) {
      return repo.list(db.pool, {
        scopes: p.scopes,
        onlyBad: f.onlyBad,
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      })
    },

    /** Satisfaction per department (weights are locality configuration: setting `rating.levelWeights`). */
    async stats(p: Principal) {
      const weights = await settings.get<LevelWeights>('rating.levelWeights', DEFAULT_WEIGHTS)
      const rows = await repo.countsByDepartment(db.pool, p.scopes)
      const byDept = new Map<
        string,
        {
          departmentId: string | null
          departmentName: string | null
          counts: Record<number, number>
          rectifications: number
        }
      >()
      for (const r of rows) {
        const key = r.department_id ?? '-'
        const e = byDept.get(key) ?? {
          departmentId: r.department_id,
          departmentName: r.department_name,
          counts: {},
          rectifications: 0,
        }
        e.counts[r.level] = r.n
        e.rectifications += r.rectifications
        byDept.set(key, e)
      }
      const items = [...byDept.values()].map((e) => {
        const total = Object.values(e.counts).reduce((a, b) => a + b, 0)
        return {
          departmentId: e.departmentId,
          departmentName: e.departmentName,
          total,
          bad: (e.counts[1] ?? 0) + (e.counts[2] ?? 0),
          rectifications: e.rectifications,
          satisfaction: satisfactionRate(e.counts, weights),
          counts: e.counts,
        }
      })
      const all: Record<number, number> = {}
      for (const i of items) for (const [l, n] of Object.entries(i.counts)) all[Number(l)] = (all[Number(l)] ?? 0) + n
      return { weights, satisfaction: satisfactionRate(all, weights), items }
    },
  }
}

export type RatingService = ReturnType<typeof createRatingService>
