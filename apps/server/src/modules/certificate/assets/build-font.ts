/**
 * Builds the committed CJK font `noto-sans-sc-gb2312.ttf` (run once at development time, not at install or start).
 *
 * Source: Noto Sans SC Regular (SIL Open Font License 1.1, see OFL.txt beside this file), as shipped in the npm
 * package @expo-google-fonts/noto-sans-sc@0.4.3 (file 400Regular/NotoSansSC_400Regular.ttf, 10.5 MB). Install it
 * outside the repo, not as a dependency, then run from the repo root:
 *
 *   mkdir -p /tmp/fontpkg && npm install --prefix /tmp/fontpkg --no-save @expo-google-fonts/noto-sans-sc@0.4.3
 *   npx tsx apps/server/src/modules/certificate/assets/build-font.ts \
 *     /tmp/fontpkg/node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf
 *
 * The subset keeps printable ASCII, every character of GB 2312 (6763 hanzi + 682 symbols, enumerated by decoding
 * each EUC-CN code point with Node's ICU), the CJK punctuation and full-width blocks, a few symbols certificates use
 * (㎡ ℃ № ①…⑳) and the characters outside GB 2312 that Muping's own place names need (嵎塂嵠喦桲) plus some common
 * in enterprise names. The result is about 2.4 MB. At run time each PDF subsets it again to the glyphs it uses
 * (subset-font) and embeds that with pdf-lib `subset: false` (pdf-lib's own subsetting is broken for CJK, STACK.md).
 */
import fs from 'node:fs'
import path from 'node:path'
/// <reference path="../subset-font.d.ts" />
import subsetFont from 'subset-font'

/** Characters outside GB 2312: Muping division names (NBS 2023 data) and frequent enterprise-name characters. */
export const EXTRA_CHARACTERS = '嵎塂嵠喦桲㎡〇堃喆昇珺玥瑄赟燊犇垚璟旻暐镕镠祎禕禛甦芃頔鹍鋆濛渼溍堉'

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('')

/** Every character of GB 2312 (EUC-CN rows 0xA1–0xF7, cells 0xA1–0xFE). */
export function gb2312Characters(): string {
  const decoder = new TextDecoder('gb18030')
  let out = ''
  for (let row = 0xa1; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(Uint8Array.of(row, cell))
      if (ch.length === 1 && ch !== '\ufffd') out += ch
    }
  return out
}

export function subsetCharacters(): string {
  return [
    range(0x20, 0x7e), // ASCII
    range(0xa0, 0xff), // Latin-1 (°, ±, ×, ÷, · and accented letters in English text)
    range(0x2010, 0x2027), // dashes, quotes “”‘’, …
    '‰′″※℃№™',
    range(0x2160, 0x216b), // Ⅰ–Ⅻ
    range(0x2460, 0x2473), // ①–⑳
    range(0x3000, 0x303f), // CJK symbols and punctuation 、。〈〉《》「」『』【】〔〕
    range(0xff01, 0xff5e), // full-width forms （），：；
    gb2312Characters(),
    EXTRA_CHARACTERS,
  ].join('')
}

async function main() {
  const source = process.argv[2]
  if (!source) throw new Error('usage: build-font.ts <NotoSansSC-Regular.ttf>')
  const text = [...new Set(subsetCharacters())].join('')
  const out = await subsetFont(fs.readFileSync(source), text, { targetFormat: 'truetype' })
  const target = path.join(import.meta.dirname, 'noto-sans-sc-gb2312.ttf')
  fs.writeFileSync(target, out)
  console.log(`${target}: ${text.length} characters, ${(out.length / 1024 / 1024).toFixed(2)} MB`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main()
