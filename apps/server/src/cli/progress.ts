/** A one-line progress bar on a terminal (plain lines when output is not a TTY). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY
  let lastPct = -1
  return {
    update(done: number, total: number) {
      const pct = total ? Math.floor((done / total) * 100) : 100
      if (pct === lastPct) return
      lastPct = pct
      const width = 30
      const filled = Math.round((pct / 100) * width)
      const line = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}% (${done}/${total})`
      if (tty) process.stderr.write(`\r${line}`)
      else if (pct % 25 === 0) process.stderr.write(`${line}\n`)
    },
    done() {
      if (tty) process.stderr.write('\n')
    },
  }
}
