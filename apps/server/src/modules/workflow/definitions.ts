import { type Actor, canonicalJson, recordAudit } from '../../platform/audit.ts'
import { afterTx, type Queryable, type Tx } from '../../platform/db.ts'
import { SpecError, validateSpec, type WorkflowSpec } from './domain.ts'
import type { Engine } from './engine.ts'
import { definitionInvalid, definitionNotFound } from './errors.ts'
import { type DefinitionRow, workflowRepo as repo } from './repo.ts'

// Definitions are immutable per version; which version is the latest of a key is cached across requests and
// dropped (in every process) when a new version is published. A version published by a transaction that has not
// committed yet is visible to that transaction only.
// (the caches live on the Engine: latestByKey, publishedInTx, canonicalById)
export async function latestOrNull(eng: Engine, tx: Tx, key: string): Promise<DefinitionRow | null> {
  const own = eng.publishedInTx.get(tx)?.get(key)
  if (own) return own
  return eng.latestByKey.get(key, () => repo.latestDefinition(tx, key))
}

export async function latestDefinition(eng: Engine, tx: Tx, key: string): Promise<DefinitionRow> {
  const def = await latestOrNull(eng, tx, key)
  if (!def) throw definitionNotFound({ key })
  eng.specCache.set(def.id, def.spec)
  return def
}

export function canonicalOf(eng: Engine, def: DefinitionRow) {
  let c = eng.canonicalById.get(def.id)
  if (c === undefined) {
    c = canonicalJson(def.spec)
    eng.canonicalById.set(def.id, c)
  }
  return c
}

export async function specOf(eng: Engine, q: Queryable, definitionId: string): Promise<WorkflowSpec> {
  const cached = eng.specCache.get(definitionId)
  if (cached) return cached
  const d = await repo.definitionById(q, definitionId)
  if (!d) throw definitionNotFound({ key: definitionId })
  eng.specCache.set(definitionId, d.spec) // definitions are immutable per id
  return d.spec
}

/** Publishes a definition; a changed spec becomes a new version, an identical one returns the current. */
export async function publish(eng: Engine, tx: Tx, spec: WorkflowSpec, actor: Actor) {
  try {
    validateSpec(spec)
  } catch (err) {
    if (err instanceof SpecError) throw definitionInvalid({ reason: err.message })
    throw err
  }
  const latest = await latestOrNull(eng, tx, spec.key)
  if (latest && canonicalOf(eng, latest) === canonicalJson(spec)) return latest
  const def = await repo.insertDefinition(tx, {
    key: spec.key,
    version: (latest?.version ?? 0) + 1,
    name: spec.name,
    spec,
  })
  await recordAudit(tx, {
    actor,
    action: 'workflow.definition.publish',
    resourceType: 'workflow_definition',
    resourceId: def.id,
    data: { key: def.key, version: def.version },
  })
  const mine = eng.publishedInTx.get(tx) ?? new Map<string, DefinitionRow>()
  eng.publishedInTx.set(tx, mine.set(def.key, def))
  // The pooled client outlives this transaction: forget its own versions once it ends either way.
  afterTx(tx, () => eng.publishedInTx.delete(tx))
  await eng.platform.caches.invalidate(tx, 'workflow.definition')
  return def
}
