/** Service providers and the service catalogue (融资, 人才, 供需, 法律, 科技). */
import { ENTERPRISE_SERVICE_MODULE_NAMES, ENTERPRISE_SERVICE_MODULES } from '@ruyu/contracts/enterprise'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { type EnterpriseContext, type Page, paging } from './context.ts'
import { orgUnitNotFound, providerExists, providerNotFound, serviceExists, serviceNotFound } from './errors.ts'
import { enterpriseRepo as repo } from './repo.ts'

export function createCatalogue(ctx: EnterpriseContext) {
  const { directory, db } = ctx

  return {
    /** The org unit a service provider's staff hold posts in (owned by the directory). */
    ensureProviderUnit(tx: Tx, u: { code: string; name: string; shortName: string; divisionCode: string }) {
      return directory.ensureUnit(tx, { ...u, kind: 'provider' })
    },

    async providers() {
      const items = await repo.providers(db.pool)
      return { items, total: items.length }
    },

    async createProvider(
      actor: Actor,
      input: { code: string; name: string; kind: string; description?: string | null; orgUnitId?: string | null },
      requestId?: string,
    ) {
      if (input.orgUnitId && !(await repo.orgUnitExists(db.pool, input.orgUnitId))) throw orgUnitNotFound()
      return db.tx(async (tx) => {
        const p = await repo.insertProvider(tx, {
          code: input.code,
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
          orgUnitId: input.orgUnitId ?? null,
        })
        if (!p) throw providerExists({ code: input.code })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.provider.create',
          resourceType: 'enterprise_provider',
          resourceId: p.id,
          requestId,
          data: { code: p.code },
        })
        return p
      })
    },

    async services(f: { module?: string; providerId?: string; q?: string } & Page) {
      return repo.services(db.pool, { ...f, activeOnly: true }, paging(f))
    },

    /** The catalogue grouped by module (融资, 人才, 供需, 法律, 科技). */
    async catalogue() {
      const all = await repo.services(db.pool, { activeOnly: true }, { limit: 1000, offset: 0 })
      return {
        modules: ENTERPRISE_SERVICE_MODULES.map((key) => ({
          key,
          name: ENTERPRISE_SERVICE_MODULE_NAMES[key],
          services: all.items.filter((s) => s.module === key),
        })),
      }
    },

    async getService(id: string) {
      const s = await repo.findService(db.pool, id)
      if (!s?.active) throw serviceNotFound()
      const { providerUnitId: _u, providerActive: _a, ...dto } = s
      return dto
    },

    async createService(
      actor: Actor,
      input: {
        code: string
        module: string
        name: string
        description: string
        requirements: string
        materials: { name: string; required: boolean }[]
        providerId: string
      },
      requestId?: string,
    ) {
      if (!(await repo.findProvider(db.pool, input.providerId))) throw providerNotFound()
      const id = await db.tx(async (tx) => {
        const id = await repo.insertService(tx, input)
        if (!id) throw serviceExists({ code: input.code })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.service.create',
          resourceType: 'enterprise_service',
          resourceId: id,
          requestId,
          data: { code: input.code, module: input.module },
        })
        return id
      })
      return this.getService(id)
    },
  }
}
