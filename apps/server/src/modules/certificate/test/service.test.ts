import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import type { AppError } from '../../../platform/errors.ts'
import { signText } from '../keys.ts'
import { createCertificateService } from '../service.ts'
import { ENTERPRISE_A, fourCertificates, issue } from './factories.ts'

// Unified issuance (统一出件, 四证齐发) through the service, as the approval module calls it, on real PostgreSQL.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const year = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())

async function counters() {
  const { rows } = await t.platform.db.query(
    `select series_key, last_value from core_doc_counter where series_key like 'certificate.%' order by series_key`,
  )
  return Object.fromEntries(rows.map((r) => [r.series_key, Number(r.last_value)]))
}
const count = async (sql: string, params: unknown[] = []) => Number((await t.platform.db.query(sql, params)).rows[0]!.n)

describe('number series', () => {
  it('the seed created one series per kind; seeding again keeps an administrator’s change', async () => {
    const keys = async () =>
      (
        await t.platform.db.query(
          `select key, pattern from core_doc_series where key like 'certificate.%' order by key`,
        )
      ).rows
    const seeded = await keys()
    expect(seeded.map((r) => r.key)).toEqual([
      'certificate.construction_permit',
      'certificate.construction_planning',
      'certificate.land_use_planning',
      'certificate.real_estate',
    ])
    await t.platform.db.query(
      `update core_doc_series set pattern = '鲁（{yyyy}）牟平区不动产权第{seq:8}号' where key = 'certificate.real_estate'`,
    )
    expect(await t.services.certificate.seedNumberSeries()).toBe(4)
    expect((await keys()).find((r) => r.key === 'certificate.real_estate')!.pattern).toBe(
      '鲁（{yyyy}）牟平区不动产权第{seq:8}号',
    )
    await t.platform.db.query(`update core_doc_series set pattern = $1 where key = 'certificate.real_estate'`, [
      seeded.find((r) => r.key === 'certificate.real_estate')!.pattern,
    ])
  })
})

describe('issueBatch', () => {
  it('issues the four certificates together, each numbered from its own series, signed, audited, one event', async () => {
    const before = await counters()
    const batch = await issue(t, fourCertificates())
    const y = year()
    expect(batch.certificates.map((c) => c.kind)).toEqual([
      'real_estate',
      'land_use_planning',
      'construction_planning',
      'construction_permit',
    ])
    const [re, land, plan, permit] = batch.certificates.map((c) => c.number)
    expect(re).toMatch(new RegExp(`^鲁（${y}）牟平区不动产权第\\d{7}号$`))
    expect(land).toMatch(new RegExp(`^地字第370612${y}\\d{5}号$`))
    expect(plan).toMatch(new RegExp(`^建字第370612${y}\\d{5}号$`))
    expect(permit).toMatch(new RegExp(`^370612${y}\\d{2}\\d{4}01$`))
    expect(new Set(batch.certificates.map((c) => c.number)).size).toBe(4)
    for (const c of batch.certificates) {
      expect(c).toMatchObject({ batchId: batch.batchId, status: 'issued', issuedAt: batch.issuedAt })
      expect(c.holderName).toBe(ENTERPRISE_A.name)
      expect(c.verifyUrl).toMatch(/^http:\/\/localhost:\d+\/verify\/.+\?s=[A-Za-z0-9_-]{16}$/)
    }
    const after = await counters()
    for (const key of Object.keys(after)) expect(after[key]).toBe((before[key] ?? 0) + 1)

    // A second batch takes the next number of each series.
    const next = await issue(t, fourCertificates())
    const seqOf = (n: string) => Number(n.match(/(\d{4,7})(?:号|01)$/)![1])
    batch.certificates.forEach((c, i) => {
      expect(seqOf(next.certificates[i]!.number)).toBe(seqOf(c.number) + 1)
    })

    const audit = await t.platform.db.query(
      `select action, resource_id, data from core_audit_log where data->>'batchId' = $1 order by seq`,
      [batch.batchId],
    )
    expect(audit.rows.map((r) => r.action)).toEqual(Array(4).fill('certificate.issue'))
    const events = await t.platform.db.query(`select payload from core_outbox where name = 'certificate.batch.issued'`)
    const mine = events.rows.find((r) => r.payload.batchId === batch.batchId)!.payload
    expect(mine).toMatchObject({ subjectType: 'approval_case', holderUscc: ENTERPRISE_A.uscc })
    expect(mine.certificates.map((c: { number: string }) => c.number)).toEqual(batch.certificates.map((c) => c.number))
  })

  it('all or nothing: a number collision on the 4th certificate rolls back the batch and its numbers', async () => {
    await issue(t, fourCertificates())
    // An operator resets the building-permit counter by mistake: the next permit number already exists.
    await t.platform.db.query(
      `update core_doc_counter set last_value = last_value - 1 where series_key = 'certificate.construction_permit'`,
    )
    const before = await counters()
    const certsBefore = await count('select count(*) n from certificate_certificate')
    const batchesBefore = await count('select count(*) n from certificate_batch')
    const input = fourCertificates()
    const err = (await issue(t, input).catch((e) => e)) as AppError
    expect(err.code).toBe('CERTIFICATE_NUMBER_TAKEN')
    expect(err.status).toBe(409)
    expect(await counters()).toEqual(before)
    expect(await count('select count(*) n from certificate_certificate')).toBe(certsBefore)
    expect(await count('select count(*) n from certificate_batch')).toBe(batchesBefore)
    expect(await count('select count(*) n from certificate_certificate where subject_id = $1', [input.subjectId])).toBe(
      0,
    )
    expect(
      await count(
        `select count(*) n from core_outbox where name = 'certificate.batch.issued' and payload->>'subjectId' = $1`,
        [input.subjectId],
      ),
    ).toBe(0)
    await t.platform.db.query(
      `update core_doc_counter set last_value = last_value + 1 where series_key = 'certificate.construction_permit'`,
    )
  })

  it("the caller's transaction stays usable after a failed batch (savepoint), and a later rollback undoes a good one", async () => {
    await issue(t, fourCertificates())
    const before = await counters()
    const subjectId = `rollback-${Date.now()}`
    const resetPermitCounter = (delta: number) =>
      `update core_doc_counter set last_value = last_value + (${delta}) where series_key = 'certificate.construction_permit'`
    await t.platform.db
      .tx(async (tx) => {
        await tx.query(resetPermitCounter(-1))
        const err = (await t.services.certificate
          .issueBatch(tx, SYSTEM_ACTOR, fourCertificates({ subjectId }))
          .catch((e) => e)) as AppError
        expect(err.code).toBe('CERTIFICATE_NUMBER_TAKEN')
        // Still usable: the counter fix and a good batch go through in the same transaction …
        await tx.query(resetPermitCounter(1))
        const good = await t.services.certificate.issueBatch(tx, SYSTEM_ACTOR, fourCertificates({ subjectId }))
        expect(good.certificates).toHaveLength(4)
        // … then the caller's next step fails, and everything goes.
        throw new Error('the approval step after issuance failed')
      })
      .catch((e: Error) => expect(e.message).toMatch(/approval step/))
    expect(await counters()).toEqual(before)
    expect(await count('select count(*) n from certificate_certificate where subject_id = $1', [subjectId])).toBe(0)
    expect(await count('select count(*) n from certificate_batch where subject_id = $1', [subjectId])).toBe(0)
  })

  it('rejects a malformed batch, or one certificate with a missing field, before touching anything', async () => {
    const before = await counters()
    const err = (await issue(t, {
      ...fourCertificates(),
      holder: { name: '某公司', uscc: '91370612MA3C12346K' },
      certificates: [],
    }).catch((e) => e)) as AppError
    expect(err.code).toBe('VALIDATION_FAILED')
    const paths = (err.details!.issues as { path: unknown[] }[]).map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['holder.uscc', 'certificates']))
    const oneBad = fourCertificates()
    oneBad.certificates[3] = { kind: 'construction_permit', payload: { projectName: '缺少必填项的工程' } }
    const err2 = (await issue(t, oneBad).catch((e) => e)) as AppError
    expect(err2.code).toBe('VALIDATION_FAILED')
    expect((err2.details!.issues as { path: unknown[] }[]).map((i) => i.path.join('.'))).toContain(
      'certificates.3.payload.contractor',
    )
    expect(await counters()).toEqual(before)
    expect(
      await count('select count(*) n from certificate_certificate where subject_id = $1', [oneBad.subjectId]),
    ).toBe(0)
  })
})

describe('verify', () => {
  it('VALID with the public fields only; a modified number is NOT_FOUND; a wrong QR token is INVALID', async () => {
    const [c] = (await issue(t, fourCertificates())).certificates
    const token = new URL(c!.verifyUrl).searchParams.get('s')!
    const ok = await t.services.certificate.verify(c!.number, token)
    expect(ok.status).toBe('VALID')
    expect(ok.certificate).toMatchObject({
      number: c!.number,
      holderName: ENTERPRISE_A.name,
      holderUscc: ENTERPRISE_A.uscc,
      divisionName: '玉林店镇',
      issuer: '牟平区行政审批服务局',
    })
    expect(ok.certificate!.fields[0]).toEqual({ key: 'coOwnership', label: '共有情况', value: '单独所有' })
    expect(Object.keys(ok.certificate!)).not.toEqual(expect.arrayContaining(['id']))
    expect(JSON.stringify(ok)).not.toContain(c!.id)
    expect(JSON.stringify(ok)).not.toContain(c!.batchId)
    expect((await t.services.certificate.verify(c!.number)).status).toBe('VALID')
    expect(
      (await t.services.certificate.verify(c!.number.replace(/\d号$/, (m) => `${(Number(m[0]) + 5) % 10}号`))).status,
    ).toBe('NOT_FOUND')
    const wrong = await t.services.certificate.verify(
      c!.number,
      `${token.slice(0, 15)}${token[15] === 'A' ? 'B' : 'A'}`,
    )
    expect(wrong).toEqual({ status: 'INVALID' })
  })

  it('a payload, holder or date changed in the database afterwards is INVALID', async () => {
    const certs = (await issue(t, fourCertificates())).certificates
    const db = t.platform.db
    await db.query(
      `update certificate_certificate set payload = jsonb_set(payload, '{landArea}', '"99,999.00 平方米"') where id = $1`,
      [certs[1]!.id],
    )
    await db.query(`update certificate_certificate set holder_name = '冒名顶替有限公司' where id = $1`, [certs[2]!.id])
    await db.query(`update certificate_certificate set issued_at = issued_at - interval '1 year' where id = $1`, [
      certs[3]!.id,
    ])
    for (const c of certs.slice(1)) expect(await t.services.certificate.verify(c.number)).toEqual({ status: 'INVALID' })
    expect((await t.services.certificate.verify(certs[0]!.number)).status).toBe('VALID')
  })

  it('forged certificates: a copied signature, a signature from another key, an invented number → INVALID / NOT_FOUND', async () => {
    const [real] = (await issue(t, fourCertificates())).certificates
    const row = (await t.platform.db.query('select * from certificate_certificate where id = $1', [real!.id])).rows[0]!
    // 1. Someone with database access inserts a certificate for a fake number, re-using a genuine signature.
    const forgedNumber = row.number.replace('不动产权第', '不动产权第9')
    const insert = (number: string, signature: string) =>
      t.platform.db.query(
        `insert into certificate_certificate (number, kind, title, holder_name, holder_uscc, subject_type, subject_id,
           division_code, issuer, payload, canonical, canonical_sha256, signature, key_id, issued_at, batch_id)
         select $2, kind, title, holder_name, holder_uscc, subject_type, subject_id, division_code, issuer, payload,
           canonical, canonical_sha256, $3, key_id, issued_at, batch_id from certificate_certificate where id = $1`,
        [real!.id, number, signature],
      )
    await insert(forgedNumber, row.signature)
    expect(await t.services.certificate.verify(forgedNumber)).toEqual({ status: 'INVALID' })
    // 2. … or signs the fake data with a key of their own while naming the genuine key.
    const { generateKeyPairSync } = await import('node:crypto')
    const own = generateKeyPairSync('ed25519').privateKey
    const forged2 = row.number.replace('不动产权第', '不动产权第8')
    const canonical = JSON.parse(row.canonical)
    canonical.number = forged2
    const { canonicalJson } = await import('../../../platform/audit.ts')
    await insert(forged2, signText(own, canonicalJson(canonical)))
    await t.platform.db.query('update certificate_certificate set canonical = $2 where number = $1', [
      forged2,
      canonicalJson(canonical),
    ])
    expect(await t.services.certificate.verify(forged2)).toEqual({ status: 'INVALID' })
    // 3. A printed fake with an invented number and token.
    expect(await t.services.certificate.verify('地字第370612202699999号', 'AAAAAAAAAAAAAAAA')).toEqual({
      status: 'NOT_FOUND',
    })
  })

  it('REVOKED with the reason and date; revoking twice is refused; audited with an event', async () => {
    const [c] = (await issue(t, fourCertificates())).certificates
    const revoked = await t.services.certificate.revoke(SYSTEM_ACTOR, c!.id, '项目用地范围调整，原证注销')
    expect(revoked.status).toBe('revoked')
    const v = await t.services.certificate.verify(c!.number)
    expect(v.status).toBe('REVOKED')
    expect(v.certificate).toMatchObject({ revokeReason: '项目用地范围调整，原证注销' })
    expect(Date.parse(v.certificate!.revokedAt!)).toBeGreaterThan(Date.now() - 60_000)
    const again = (await t.services.certificate.revoke(SYSTEM_ACTOR, c!.id, '再次注销').catch((e) => e)) as AppError
    expect(again.code).toBe('CERTIFICATE_ALREADY_REVOKED')
    expect(again.status).toBe(409)
    expect(
      await count(`select count(*) n from core_audit_log where action = 'certificate.revoke' and resource_id = $1`, [
        c!.id,
      ]),
    ).toBe(1)
    expect(
      await count(
        `select count(*) n from core_outbox where name = 'certificate.certificate.revoked' and payload->>'id' = $1`,
        [c!.id],
      ),
    ).toBe(1)
  })
})

describe('renderPdf', () => {
  it('an A4 PDF under 1 MB with the number in its text and metadata; Chinese text extracts', async () => {
    const batch = await issue(t, fourCertificates())
    for (const c of batch.certificates) {
      const pdf = await t.services.certificate.renderPdf(c.id)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf.length).toBeLessThan(1024 * 1024)
      const doc = await PDFDocument.load(pdf)
      expect(doc.getSubject()).toBe(c.number)
      expect(doc.getTitle()).toBe(`${c.title} ${c.number}`)
      const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()]
      expect([Math.round(w), Math.round(h)]).toEqual([595, 842])
      // With poppler installed (Debian poppler-utils), check what a reader actually sees.
      if (spawnSync('pdftotext', ['-v']).error === undefined) {
        const file = path.join(os.tmpdir(), `ruyu-cert-${process.pid}.pdf`)
        fs.writeFileSync(file, pdf)
        const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, '')
        fs.rmSync(file, { force: true })
        expect(text).toContain(c.number)
        expect(text).toContain(c.title)
        expect(text).toContain('牟平区行政审批服务局')
        expect(text).toContain(ENTERPRISE_A.uscc)
      }
    }
  })

  it('an unknown id is CERTIFICATE_NOT_FOUND', async () => {
    const err = (await t.services.certificate
      .renderPdf('00000000-0000-4000-8000-000000000000')
      .catch((e) => e)) as AppError
    expect(err.code).toBe('CERTIFICATE_NOT_FOUND')
  })
})

describe('signing keys', () => {
  it('one active key, private half encrypted; a node with another master key cannot issue but can verify', async () => {
    const [c] = (await issue(t, fourCertificates())).certificates
    const keys = await t.platform.db.query('select key_id, private_key_enc, status from certificate_signing_key')
    expect(keys.rows.filter((k) => k.status === 'active')).toHaveLength(1)
    for (const k of keys.rows) expect(k.private_key_enc).not.toContain('PRIVATE KEY')
    const otherNode = createCertificateService({
      db: t.platform.db,
      events: t.platform.events,
      config: { ...t.platform.config, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-other-node-')) },
      env: { RUYU_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') },
    })
    expect((await otherNode.verify(c!.number)).status).toBe('VALID')
    await expect(
      issue({ ...t, services: { ...t.services, certificate: otherNode } }, fourCertificates()),
    ).rejects.toThrow(/same master key/)
  })
})
