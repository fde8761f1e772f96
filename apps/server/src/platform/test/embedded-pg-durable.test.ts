import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { type EmbeddedPg, startEmbeddedPg } from '../embedded-pg.ts'

const repoRoot = path.resolve(import.meta.dirname, '../../../../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-durable-'))
const servers: EmbeddedPg[] = []
afterAll(async () => {
  for (const s of servers.reverse()) await s.stop()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function show(url: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(`show ${name}`)).rows[0][name]
  } finally {
    await c.end()
  }
}

describe('embedded PostgreSQL durability', () => {
  it('acknowledges a commit only once it is flushed: synchronous_commit and fsync are on', async () => {
    const s = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
    servers.push(s)
    expect(await show(s.url, 'synchronous_commit')).toBe('on')
    expect(await show(s.url, 'fsync')).toBe('on')
  }, 60_000)

  it('a start that finds the cluster already running adopts it and says so', async () => {
    const lines: string[] = []
    const again = await startEmbeddedPg({ dataDir: tmp, log: (l) => lines.push(l) })
    expect(again.port).toBe(servers[0]!.port)
    expect(again.adoptedPid).toBeGreaterThan(0)
    expect(lines.join('\n')).toMatch(new RegExp(`already running .*pid ${again.adoptedPid}`))
  }, 60_000)

  it('no code turns durability off', () => {
    // git grep over tracked sources (not docs, which name the setting to forbid it).
    let hits = ''
    try {
      hits = execFileSync(
        'git',
        [
          'grep',
          '-nIiE',
          "(synchronous_commit|fsync)\\s*(=|to)\\s*'?(off|false|local)",
          '--',
          '*.ts',
          '*.mjs',
          '*.sql',
        ],
        { cwd: repoRoot, encoding: 'utf8' },
      )
    } catch (err) {
      if ((err as { status?: number }).status !== 1) throw err // 1 = no match
    }
    expect(hits).toBe('')
  })
})
