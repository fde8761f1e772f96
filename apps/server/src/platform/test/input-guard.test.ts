import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appErrorOfPg } from '../http/pg-errors.ts'

// Characters PostgreSQL cannot store (NUL), or would store altered (lone surrogates, invalid UTF-8), broken
// multipart bodies, and the error contract's other gaps: each is a coded 4xx and nothing stored changes.
let t: TestContext
let admin: Client
beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
})
afterAll(() => t.close())

type Reply = { statusCode: number; json(): any; body: string }
function expectCode(res: Reply, code: string, label = '') {
  expect(res.statusCode, `${label} ${res.body}`).toBe(400)
  const b = res.json()
  expect(b.code, label).toBe(code)
  expect(typeof b.message).toBe('string')
  expect(b.requestId).toBeTruthy()
  return b
}

async function counts() {
  const r = await t.platform.db.query(
    `select (select count(*) from core_user) users, (select count(*) from core_session) sessions,
       (select count(*) from core_file) files, (select count(*) from core_post) posts,
       (select count(*) from hotline_order) orders, (select count(*) from core_audit_log) audit`,
  )
  return r.rows[0]
}

const json = (method: 'POST' | 'PUT', url: string, raw: string | Buffer, c?: Client) =>
  (c ?? t.anonymous()).request({ method, url, payload: raw, headers: { 'content-type': 'application/json' } })

const PUBLIC_FORM = {
  callerName: '张三',
  callerPhone: '13705350000',
  requestType: 'help',
  divisionCode: '370612002',
  address: '文化街道正阳路1号',
  description: '路灯不亮',
}

describe('NUL, lone surrogates and invalid UTF-8', () => {
  it('in a JSON body on anonymous routes (login, register, the public 12345 form) → 400 naming the field', async () => {
    const before = await counts()
    const nul = await t.anonymous().post('/api/auth/login', { username: 'admin\u0000', password: 'x' })
    expect(expectCode(nul, 'INPUT_INVALID_CHARACTERS').details).toMatchObject({
      in: 'body',
      path: ['username'],
      reason: 'nul',
    })
    // The escape \ud800 decodes to a lone surrogate, which PostgreSQL would store as U+FFFD.
    const sur = await json('POST', '/api/auth/login', '{"username":"admin","password":"x\\ud800"}')
    expect(expectCode(sur, 'INPUT_INVALID_CHARACTERS').details.reason).toBe('lone_surrogate')
    const lowOnly = await json('POST', '/api/auth/login', '{"username":"a\\udc00b","password":"x"}')
    expectCode(lowOnly, 'INPUT_INVALID_CHARACTERS')
    // A valid pair is fine (and a wrong password is then just that).
    const pair = await json('POST', '/api/auth/login', '{"username":"a\\ud83d\\ude00","password":"x"}')
    expect(pair.statusCode).toBe(401)
    const raw = Buffer.concat([
      Buffer.from('{"username":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","password":"x"}'),
    ])
    expect(expectCode(await json('POST', '/api/auth/login', raw), 'INPUT_INVALID_CHARACTERS').details.reason).toBe(
      'invalid_utf8',
    )
    const register = await t.anonymous().post('/api/public/enterprise/register', { companyName: '某\u0000公司' })
    expect(expectCode(register, 'INPUT_INVALID_CHARACTERS').details.path).toEqual(['companyName'])
    const form = await t.anonymous().post('/api/public/hotline/requests', {
      ...PUBLIC_FORM,
      description: '路灯\u0000不亮',
    })
    expect(expectCode(form, 'INPUT_INVALID_CHARACTERS').details.path).toEqual(['description'])
    const nested = await admin.post('/api/workflow/instances/00000000-0000-4000-8000-000000000000/actions/approve', {
      data: { list: [{ '\u0000k': 1 }] },
    })
    expect(expectCode(nested, 'INPUT_INVALID_CHARACTERS').details.path).toEqual(['data', 'list', 0, '\u0000k'])
    expect(await counts()).toEqual(before)
  })

  it('in the query (?q= on searches), path parameters and data headers → 400', async () => {
    for (const q of ['%00', 'a%00b', '%ED%A0%80', '%FF', '%C3']) {
      const r = await admin.get(`/api/directory/staff?q=${q}`)
      expect(expectCode(r, 'INPUT_INVALID_CHARACTERS', q).details).toMatchObject({ in: 'querystring', path: ['q'] })
    }
    expectCode(await admin.get('/api/catalog/items?q=%00'), 'INPUT_INVALID_CHARACTERS')
    expectCode(await t.anonymous().get('/api/public/policies?q=%00'), 'INPUT_INVALID_CHARACTERS')
    const param = await admin.get('/api/directory/divisions/3706%00')
    expect(expectCode(param, 'INPUT_INVALID_CHARACTERS').details.in).toBe('params')
    const ua = await t.anonymous().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'wrong' },
      headers: { 'user-agent': 'curl\u0000' },
    })
    expect(expectCode(ua, 'INPUT_INVALID_CHARACTERS').details).toMatchObject({ in: 'headers', path: ['user-agent'] })
    // Plain Chinese in the query is of course fine.
    expect((await admin.get(`/api/directory/staff?q=${encodeURIComponent('王芳')}`)).statusCode).toBe(200)
  })

  it('on Open311 (form body and query): a 400 in the Open311 error shape, nothing taken in', async () => {
    const before = await counts()
    const post = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: 'api_key=x&service_code=010101&description=a%00b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(post.statusCode).toBe(400)
    expect(post.json()[0].code).toBe(400)
    for (const url of ['/open311/v2/requests/%00.json', '/open311/v2/requests.json?service_code=%ED%A0%80']) {
      const r = await t.app.inject({ method: 'GET', url })
      expect(r.statusCode, `${url} ${r.body}`).toBe(400)
    }
    expect(await counts()).toEqual(before)
  })
})

const BOUNDARY = 'ruyuBoundary7MA4YWxk'
const mp = (parts: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`) =>
  admin.request({ method: 'POST', url: '/api/files', payload: parts, headers: { 'content-type': contentType } })
const filePart = (filename: string, body = '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') =>
  `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\n` +
  `content-type: application/pdf\r\n\r\n${body}\r\n`

describe('broken multipart uploads', () => {
  it('no boundary, a truncated body, a NUL in a file or field name → 400 with a code, no file stored', async () => {
    const before = await counts()
    expectCode(await mp(`${filePart('a.pdf')}--${BOUNDARY}--\r\n`, 'multipart/form-data'), 'MULTIPART_INVALID')
    expectCode(await mp(filePart('a.pdf').slice(0, -30)), 'MULTIPART_INVALID')
    expectCode(await mp(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"`), 'MULTIPART_INVALID')
    const nul = await mp(`${filePart('合同\u0000.pdf')}--${BOUNDARY}--\r\n`)
    expect(expectCode(nul, 'INPUT_INVALID_CHARACTERS').details.path).toEqual(['file', 'filename'])
    const field = await mp(
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="note"\r\n\r\nx\u0000y\r\n${filePart('a.pdf')}--${BOUNDARY}--\r\n`,
    )
    expect(expectCode(field, 'INPUT_INVALID_CHARACTERS').details.path).toEqual(['note'])
    expect(await counts()).toEqual(before)
    // A good upload still works.
    const ok = await mp(`${filePart('营业执照.pdf')}--${BOUNDARY}--\r\n`)
    expect(ok.statusCode, ok.body).toBe(201)
  })
})

describe('the rest of the error contract', () => {
  it('a path parameter past maxParamLength is a coded URI_TOO_LONG, not Fastify’s own shape', async () => {
    const r = await admin.get(`/api/directory/staff/${'a'.repeat(150)}`)
    const b = expectCode(r, 'URI_TOO_LONG')
    expect(b.message).toContain('100')
    expect(b).not.toHaveProperty('error')
    const open = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${'1'.repeat(150)}.json` })
    expect(open.statusCode).toBe(400)
  })

  it('BODY_TOO_LARGE names the limit, in the message and the details', async () => {
    const big = `{"name":"${'x'.repeat(2 * 1024 * 1024 + 10)}"}`
    const r = await json('POST', '/api/directory/departments', big, admin)
    const b = expectCode(r, 'BODY_TOO_LARGE')
    expect(b.message).toBe('提交的内容过大（上限 2 MB）')
    expect(b.details.limitBytes).toBe(2 * 1024 * 1024)
    const en = await admin.request({
      method: 'POST',
      url: '/api/directory/departments',
      payload: big,
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    })
    expect(en.json().message).toBe('The request is too large (limit 2 MB)')
  })

  it('a number past ±1.8e308 (lat: 1e309) is "must be a finite number", a wrong type is not "required"', async () => {
    const r = await json(
      'POST',
      '/api/public/hotline/requests',
      JSON.stringify(PUBLIC_FORM).replace('}', ',"lat":1e309}'),
    )
    const issues = expectCode(r, 'VALIDATION_FAILED').details.issues as { path: string[]; message: string }[]
    expect(issues).toEqual([{ path: ['lat'], message: '必须是有限的数值', in: 'body' }])
    const en = await t.anonymous().request({
      method: 'POST',
      url: '/api/public/hotline/requests',
      payload: JSON.stringify({ ...PUBLIC_FORM, callerName: 7 }).replace('}', ',"lng":-1e400}'),
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    })
    const enIssues = expectCode(en, 'VALIDATION_FAILED').details.issues as { path: string[]; message: string }[]
    expect(enIssues.find((i) => i.path[0] === 'lng')!.message).toBe('Must be a finite number')
    expect(enIssues.find((i) => i.path[0] === 'callerName')!.message).toBe('Expected string, received number')
    const query = await admin.get('/api/hotline/duplicates?lat=1e309')
    expect(expectCode(query, 'VALIDATION_FAILED').details.issues[0].message).toBe('必须是有限的数值')
    const missing = await t.anonymous().post('/api/public/hotline/requests', { ...PUBLIC_FORM, callerName: undefined })
    expect(missing.json().details.issues).toEqual([{ path: ['callerName'], message: '此项为必填项', in: 'body' }])
  })

  it('a user with an unknown department → 400 naming posts[i].departmentId, and no user is created', async () => {
    const before = await counts()
    const r = await admin.post('/api/admin/users', {
      username: 'ghost.dept',
      displayName: '无部门',
      kind: 'staff',
      password: 'Ruyu@2026x',
      posts: [
        { role: 'dept_reviewer', scopeDivisionCode: '370612' },
        { role: 'dept_reviewer', scopeDivisionCode: '370612', departmentId: '00000000-0000-4000-8000-000000000000' },
      ],
    })
    const b = expectCode(r, 'VALIDATION_FAILED')
    expect(b.details.issues.map((i: { path: unknown[] }) => i.path)).toEqual([['posts', 1, 'departmentId']])
    expect(await counts()).toEqual(before)
  })

  it('PostgreSQL refusals that mean bad input or a lost race map to coded 4xx (the safety net)', async () => {
    const db = t.platform.db
    const refusal = async (sql: string, params: unknown[] = []) => {
      const err = await db
        .tx((tx) => tx.query(sql, params))
        .then(
          () => null,
          (e: unknown) => e,
        )
      expect(err, sql).toBeTruthy()
      return appErrorOfPg(err)
    }
    const dup = await refusal(`insert into core_user (username, display_name, kind, password_hash)
      select username, 'x', kind, password_hash from core_user where username = 'admin'`)
    expect([dup!.code, dup!.status]).toEqual(['CONFLICT', 409])
    const fk = await refusal(`insert into core_post (user_id, role, scope_division_code, department_id)
      select id, 'admin', '370612', '00000000-0000-4000-8000-000000000000' from core_user where username = 'admin'`)
    expect([fk!.code, fk!.status]).toEqual(['REFERENCE_INVALID', 400])
    const referenced = await refusal(`delete from core_org_unit where code = 'MP-ZJJ'`)
    expect([referenced!.code, referenced!.status]).toEqual(['CONFLICT', 409])
    expect((await refusal(`select 'abc'::uuid`))!.status).toBe(400)
    expect((await refusal(`select $1::text`, ['a\u0000b']))!.code).toBe('INPUT_INVALID_CHARACTERS')
    expect((await refusal(`select '{"a":"\\u0000"}'::jsonb ->> 'a'`))!.code).toBe('INPUT_INVALID_CHARACTERS')
    const long = await refusal(
      `create temp table t22001 (v varchar(2)) on commit drop; insert into t22001 values ('abc')`,
    )
    expect([long!.code, long!.status]).toEqual(['INPUT_TOO_LONG', 400])
    expect((await refusal(`select 1e400::float8`))!.code).toBe('INPUT_TOO_LONG')
    // Not a database error: no mapping (the handler answers 500 and logs it).
    expect(appErrorOfPg(new Error('boom'))).toBeNull()
    expect(appErrorOfPg(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeNull()
  })
})
