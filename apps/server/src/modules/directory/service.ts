import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CreateDepartment } from '@ruyu/contracts/directory'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import { type LockLimits, lockedAccounts } from '../../platform/auth/account-admin.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { CacheBus } from '../../platform/cache-bus.ts'
import { type Db, pgErrorCode, type Tx } from '../../platform/db.ts'
import { validationFailed } from '../../platform/errors.ts'
import { inScope } from '../../platform/http/access.ts'
import { departments } from './data/departments.ts'
import { locations } from './data/locations.ts'
import { departmentCodeTaken, departmentNotFound, divisionNotFound, outOfScope, staffNotFound } from './errors.ts'
import { directoryRepo as repo } from './repo.ts'

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data')

interface Paging {
  page: number
  pageSize: number
}
const window = (p: Paging) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize })

// The park workstation hosts 8 district departments (the seed: 整合8个区直部门).
const PARK_DEPARTMENTS = ['MP-XSP', 'MP-FGJ', 'MP-ZRJ', 'MP-ZJJ', 'MP-HBJ', 'MP-SCJ', 'MP-RSJ', 'MP-SWZ']

export function createDirectoryService(db: Db, caches: CacheBus, lockLimits: LockLimits) {
  // Divisions and unit names: read on every hotline intake, changed only here (seed, new departments).
  const reference = caches.cache<unknown>('directory.reference')
  const changed = (tx: Tx) => caches.invalidate(tx, 'directory.reference')

  /** The login lock-out lives in the shared throttle (core_login_throttle), not on the account row. */
  async function withLockState<T extends { username: string; status: string; lockedUntil: string | null }>(
    staff: T[],
  ): Promise<T[]> {
    const locked = await lockedAccounts(
      db.pool,
      staff.map((s) => s.username),
      lockLimits,
    )
    return staff.map((s) => {
      const until = locked.get(s.username)
      return until && s.status === 'active' ? { ...s, status: 'locked', lockedUntil: until.toISOString() } : s
    })
  }

  return {
    /** The name of a division code of any data year, or null when there is no such division (cached). */
    async divisionName(code: string): Promise<string | null> {
      return (await reference.get(`division:${code}`, () => repo.divisionName(db.pool, code))) as string | null
    },

    /** Code and name of org units by id (cached); unknown ids are left out. */
    async unitRefs(ids: string[]): Promise<Map<string, { id: string; code: string; name: string }>> {
      const out = new Map<string, { id: string; code: string; name: string }>()
      for (const id of new Set(ids)) {
        const u = (await reference.get(`unit:${id}`, async () => (await repo.unitRefs(db.pool, [id]))[0] ?? null)) as {
          id: string
          code: string
          name: string
        } | null
        if (u) out.set(id, u)
      }
      return out
    },

    /** Lists divisions: children of parentCode, a search by name/code, or the roots of the caller's scope. */
    async listDivisions(p: Principal, f: { parentCode?: string; q?: string; dataYear?: number }) {
      const year = f.dataYear ?? (await repo.latestDataYear(db.pool))
      const items = f.q
        ? await repo.search(db.pool, year, f.q, p.scopes)
        : f.parentCode
          ? await repo.children(db.pool, year, f.parentCode, p.scopes)
          : await repo.scopeRoots(db.pool, year, p.scopes)
      return { items, total: items.length }
    },

    /** One division with its ancestor path; 404 outside the caller's scope. */
    async getDivision(p: Principal, code: string, dataYear?: number) {
      const year = dataYear ?? (await repo.latestDataYear(db.pool))
      const d = await repo.findDivision(db.pool, year, code, p.scopes)
      if (!d) throw divisionNotFound({ code })
      return { ...d, path: await repo.ancestors(db.pool, year, code) }
    },

    async listDepartments(p: Principal, f: { q?: string; kind?: string } & Paging) {
      return repo.listDepartments(db.pool, { ...f, scopes: p.scopes, ...window(f) })
    },

    async getDepartment(p: Principal, id: string) {
      const d = await repo.findDepartment(db.pool, id, p.scopes)
      if (!d) throw departmentNotFound()
      return d
    },

    /** Creates a department or unit inside the caller's scope; audited. */
    async createDepartment(p: Principal, actor: Actor, input: CreateDepartment, requestId?: string) {
      if (!inScope(p, input.divisionCode)) throw outOfScope({ code: input.divisionCode })
      return db.tx(async (tx) => {
        await changed(tx)
        if (!(await repo.divisionExists(tx, input.divisionCode)))
          throw validationFailed(undefined, { issues: [{ path: ['divisionCode'], message: '行政区划代码不存在' }] })
        if (input.parentId && !(await repo.findDepartment(tx, input.parentId, p.scopes)))
          throw validationFailed(undefined, { issues: [{ path: ['parentId'], message: '上级部门不存在' }] })
        let dep: Awaited<ReturnType<typeof repo.insertDepartment>>
        try {
          await tx.query('savepoint dep')
          dep = await repo.insertDepartment(tx, input)
        } catch (err) {
          await tx.query('rollback to savepoint dep')
          if (pgErrorCode(err) === '23505') throw departmentCodeTaken({ code: input.code })
          throw err
        }
        await recordAudit(tx, {
          actor,
          action: 'directory.department.create',
          resourceType: 'department',
          resourceId: dep.id,
          divisionCode: dep.divisionCode,
          requestId,
          data: { code: dep.code, name: dep.name },
        })
        return dep
      })
    },

    async listLocations(p: Principal, f: { q?: string; kind?: string; divisionCode?: string } & Paging) {
      return repo.listLocations(db.pool, { ...f, scopes: p.scopes, ...window(f) })
    },

    async listStaff(p: Principal, f: { q?: string; divisionCode?: string; departmentId?: string } & Paging) {
      const page = await repo.listStaff(db.pool, { ...f, scopes: p.scopes, ...window(f) })
      return { ...page, items: await withLockState(page.items) }
    },

    async getStaff(p: Principal, id: string) {
      const s = await repo.findStaff(db.pool, id, p.scopes)
      if (!s) throw staffNotFound()
      return (await withLockState([s]))[0]!
    },

    async departmentIdByCode(code: string) {
      return repo.departmentIdByCode(db.pool, code)
    },

    /** Creates or renames an org unit other modules need (e.g. service providers); answers its id. */
    async ensureUnit(
      tx: Tx,
      u: { code: string; name: string; shortName: string; kind: string; divisionCode: string },
    ): Promise<string> {
      await repo.upsertDepartmentByCode(tx, { ...u, constructionApproval: false })
      await changed(tx)
      return (await repo.departmentIdByCode(tx, u.code))!
    },

    /** Loads Muping's divisions (NBS 2023), departments and service locations; idempotent. */
    async seedReferenceData(tx: Tx, actor: Actor) {
      const data = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'divisions-370612.json'), 'utf8')) as {
        dataYear: number
        divisions: { code: string; name: string; level: string; kind: string; parentCode: string | null }[]
      }
      await repo.upsertDivisions(tx, data.dataYear, data.divisions)
      await changed(tx)
      for (const d of departments) await repo.upsertDepartmentByCode(tx, d)
      for (const l of locations) {
        const id = await repo.upsertLocation(tx, l)
        if (l.kind === 'park_station') await repo.stationDepartments(tx, id, PARK_DEPARTMENTS)
      }
      await recordAudit(tx, {
        actor,
        action: 'directory.seed',
        resourceType: 'directory',
        data: { divisions: data.divisions.length, departments: departments.length, locations: locations.length },
      })
      return { divisions: data.divisions.length, departments: departments.length, locations: locations.length }
    },
  }
}

export type DirectoryService = ReturnType<typeof createDirectoryService>
