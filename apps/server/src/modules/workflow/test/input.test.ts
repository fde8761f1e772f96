import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { type ActionSpec, validateSpec, type WorkflowSpec } from '../domain.ts'
import { type InputField, inputIssues, PROTECTED_KEYS, protectedKeys } from '../input.ts'

// Issue #9 §2: the engine merges an action's data into the instance context, and the context routes the work. A
// caller's data is limited to the keys the action declares, typed; routing keys are never a caller's.
let t: TestContext

const sample = (f: InputField): unknown =>
  f.enum
    ? f.type === 'string[]'
      ? [f.enum[0]]
      : f.enum[0]
    : {
        string: '依据《中华人民共和国行政许可法》第三十八条',
        number: 1.5,
        integer: 2,
        boolean: true,
        uuid: crypto.randomUUID(),
        date: '2026-12-01',
        datetime: '2026-12-01T09:30:00+08:00',
        'string[]': ['M-001'],
      }[f.type]

const spec: WorkflowSpec = {
  key: 'test.input',
  name: '办理数据（测试）',
  initial: 'review',
  states: {
    review: {
      name: '审查',
      assignee: { role: 'window_clerk' },
      actions: [
        {
          key: 'note',
          name: '记录',
          to: 'review',
          actors: [{ role: 'window_clerk' }],
          input: { materials: { type: 'string[]', max: 3 }, legalBasis: { type: 'string', max: 20 } },
        },
        { key: 'finish', name: '办结', to: 'done', actors: [{ role: 'window_clerk' }] },
      ],
    },
    done: { name: '办结', final: true, outcome: 'approved' },
  },
}

beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('every published definition', () => {
  it('refuses an undeclared key and every routing key from a caller, and takes each declared key', async () => {
    const keys = (await t.services.workflow.definitions()).map((d) => d.key)
    // The modules' definitions are all there (a theme case's is published with its first case: approval tests it).
    for (const k of [
      'hotline.order',
      'enterprise.service_request',
      'policy.question',
      'rating.rectification',
      'approval.department-review',
    ])
      expect(keys).toContain(k)
    let declared = 0
    for (const key of keys) {
      const def = (await t.services.workflow.definition(key)).spec
      expect(() => validateSpec(def)).not.toThrow()
      const guarded = protectedKeys(def)
      for (const k of PROTECTED_KEYS) expect(guarded.has(k)).toBe(true)
      const actions: ActionSpec[] = Object.values(def.states).flatMap((s) => s.actions ?? [])
      for (const a of actions) {
        const undeclared = inputIssues(def, a, { surprise: 1 }, 'caller')
        expect(undeclared, `${key}/${a.key}`).toEqual([{ key: 'surprise', reason: 'undeclared' }])
        for (const k of guarded)
          expect(inputIssues(def, a, { [k]: crypto.randomUUID() }, 'caller'), `${key}/${a.key}/${k}`).toEqual([
            { key: k, reason: 'protected' },
          ])
        for (const [k, f] of Object.entries(a.input ?? {})) {
          const r = inputIssues(def, a, { [k]: sample(f) }, 'caller')
          if (f.module) expect(r, `${key}/${a.key}/${k}`).toEqual([{ key: k, reason: 'protected' }])
          else {
            declared++
            expect(r, `${key}/${a.key}/${k}`).toEqual([])
            expect(inputIssues(def, a, { [k]: { nested: true } }, 'caller')[0]).toMatchObject({
              key: k,
              reason: 'invalid',
            })
          }
          // The owning module may set what it declares, module keys included.
          expect(inputIssues(def, a, { [k]: sample(f) }, 'module')).toEqual([])
        }
      }
    }
    expect(declared).toBeGreaterThan(0)
    // Definition keys the engine routes by are protected per definition, e.g. the unit an order is dispatched to.
    const order = (await t.services.workflow.definition('hotline.order')).spec
    expect([...protectedKeys(order)]).toEqual(expect.arrayContaining(['unitId', 'extensionDays', 'pauseOnExtension']))
  })

  it('a definition declaring a routing key as caller input is refused at publish', async () => {
    const bad = structuredClone(spec)
    bad.key = 'test.input.bad'
    bad.states.review!.actions![0]!.input = { unitId: { type: 'uuid' } }
    await expect(t.platform.db.tx((tx) => t.services.workflow.publish(tx, bad, SYSTEM_ACTOR))).rejects.toMatchObject({
      code: 'WORKFLOW_DEFINITION_INVALID',
    })
  })
})

describe('the generic endpoint', () => {
  it('merges a declared key; refuses undeclared, routing and mistyped keys with 422 naming them', async () => {
    const inst = await t.platform.db.tx(async (tx) => {
      await t.services.workflow.publish(tx, spec, SYSTEM_ACTOR)
      return t.services.workflow.start(
        tx,
        {
          definitionKey: spec.key,
          subjectType: 'test_input',
          subjectId: crypto.randomUUID(),
          title: '办理数据测试',
          divisionCode: '370612',
          applicantId: null,
          context: {},
        },
        SYSTEM_ACTOR,
      )
    })
    const window = await t.login('window')
    const url = `/api/workflow/instances/${inst.id}/actions/note`
    for (const [data, keys] of [
      [{ unitId: crypto.randomUUID() }, ['unitId']],
      [{ departmentId: crypto.randomUUID(), assignee: 'window' }, ['departmentId', 'assignee']],
      [{ materials: ['M-001'], extra: true }, ['extra']],
      [{ materials: 'M-001' }, ['materials']],
      [{ materials: ['a', 'b', 'c', 'd'] }, ['materials']],
      [{ legalBasis: 'x'.repeat(21) }, ['legalBasis']],
    ] as const) {
      const r = await window.post(url, { data })
      expect(r.statusCode, r.body).toBe(422)
      expect(r.json().code).toBe('WORKFLOW_INPUT_INVALID')
      expect(r.json().details.keys).toEqual(keys)
    }
    // A refusal changed nothing; declared data goes through and lands in the context and the history.
    const ok = await window.post(url, {
      comment: '已核对',
      data: { materials: ['M-001', 'M-007'], legalBasis: '第三十八条' },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const row = await t.platform.db.query('select context, version from workflow_instance where id = $1', [inst.id])
    expect(row.rows[0]!.context).toEqual({ materials: ['M-001', 'M-007'], legalBasis: '第三十八条' })
    expect(row.rows[0]!.version).toBe(2)
    // An action that declares nothing takes no data at all.
    const none = await window.post(`/api/workflow/instances/${inst.id}/actions/finish`, { data: { note: 'x' } })
    expect(none.statusCode).toBe(422)
    expect(none.json().details).toMatchObject({ keys: ['note'], issues: [{ key: 'note', reason: 'undeclared' }] })
  })
})
