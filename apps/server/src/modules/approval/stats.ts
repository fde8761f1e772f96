/** Approval statistics: the on-time rate (按时办结率) from the workflow records, and the savings of zone reuse. */
import type { Principal } from '../../platform/auth/service.ts'
import type { Platform } from '../../platform/platform.ts'
import type { CatalogService } from '../catalog/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { onTime, SUBJECT } from './domain.ts'
import { approvalRepo as repo } from './repo.ts'

interface StatsDeps {
  platform: Pick<Platform, 'db' | 'calendar'>
  catalog: CatalogService
  workflow: WorkflowService
}

export function createApprovalStats(deps: StatsDeps) {
  const { platform, catalog, workflow } = deps
  const { db } = platform

  return {
    /**
     * 按时办结率 from the records: a department branch (and each item in it) is on time when it finished by its
     * working-day deadline (补正 time excluded); open branches past their deadline count as late.
     */
    async onTimeStats(p: Principal) {
      const cases = await repo.caseIdsInScope(db.pool, p.scopes)
      const themeOf = new Map(cases.map((c) => [c.id, c.themeCode]))
      const branches = cases.length
        ? await workflow.branches(
            SUBJECT,
            cases.map((c) => c.id),
          )
        : []
      const now = new Date()
      type Acc = { key: string; name: string; finished: number; onTime: number; late: number; overdueOpen: number }
      const maps = { theme: new Map<string, Acc>(), dept: new Map<string, Acc>(), item: new Map<string, Acc>() }
      const all: Acc = { key: 'all', name: '全部', finished: 0, onTime: 0, late: 0, overdueOpen: 0 }
      const tally = (a: Acc, r: ReturnType<typeof onTime>) => {
        if (r === 'on_time' || r === 'late') a.finished++
        if (r === 'on_time') a.onTime++
        else if (r === 'late') a.late++
        else if (r === 'overdue') a.overdueOpen++
      }
      const add = (m: Map<string, Acc>, key: string, name: string, r: ReturnType<typeof onTime>) => {
        const a = m.get(key) ?? { key, name, finished: 0, onTime: 0, late: 0, overdueOpen: 0 }
        tally(a, r)
        m.set(key, a)
      }
      for (const b of branches) {
        if (b.status === 'cancelled' || !b.branch) continue
        const r = onTime(b.completedAt, b.dueAt, now)
        add(maps.dept, String(b.branch.departmentCode ?? b.branch.departmentId), b.branch.name, r)
        add(maps.theme, themeOf.get(b.subjectId) ?? '-', themeOf.get(b.subjectId) ?? '-', r)
        tally(all, r)
        const sla = b.branch.sla?.amount ?? 0
        for (const it of (b.branch.items ?? []) as { code: string; name: string; committedDays: number }[]) {
          // An item's own deadline: the branch deadline less the days its limit is shorter than the longest.
          const back = Math.max(0, sla - Math.max(1, it.committedDays))
          const due =
            b.dueAt && back > 0
              ? new Date(
                  `${platform.calendar.addWorkdays(new Date(b.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10), -back).date}T23:59:59.999+08:00`,
                )
              : b.dueAt
          add(maps.item, it.code, it.name, onTime(b.completedAt, due, now))
        }
      }
      // Themes are shown by name (the catalogue's current one; a removed theme keeps its code).
      for (const a of maps.theme.values()) a.name = (await catalog.getTheme(a.key).catch(() => null))?.name ?? a.key
      const rows = (m: Map<string, Acc>) =>
        [...m.values()].map((a) => ({
          ...a,
          rate: a.finished + a.overdueOpen ? a.onTime / (a.finished + a.overdueOpen) : null,
        }))
      return {
        definition:
          '按时办结率 = 在承诺时限内办结的部门审查数 ÷（已办结数 + 已超期未办结数）；补正期间不计时，时限按工作日（含法定节假日调休）计算',
        overall: rows(new Map([['all', all]]))[0]!,
        byTheme: rows(maps.theme),
        byDepartment: rows(maps.dept).sort((a, b) => a.key.localeCompare(b.key)),
        byItem: rows(maps.item).sort((a, b) => a.key.localeCompare(b.key)),
      }
    },

    async zoneSavings(p: Principal) {
      const r = await repo.zoneSavings(db.pool, p.scopes)
      return { totalYuan: r.byKind.reduce((n, k) => n + k.savingYuan, 0), cases: r.cases, byKind: r.byKind }
    },
  }
}
