import type { Division } from './api'

/**
 * The 13 towns and streets of Muping District (NBS 统计用区划代码 2023, as in the server's directory seed
 * `divisions-370612.json`). Used for the division field when the account may not read the directory (enterprises).
 */
export const MUPING_TOWNS: Division[] = [
  { code: '370612001', name: '宁海街道' },
  { code: '370612002', name: '文化街道' },
  { code: '370612004', name: '武宁街道' },
  { code: '370612005', name: '大窑街道' },
  { code: '370612006', name: '姜格庄街道' },
  { code: '370612101', name: '观水镇' },
  { code: '370612105', name: '龙泉镇' },
  { code: '370612106', name: '玉林店镇' },
  { code: '370612107', name: '水道镇' },
  { code: '370612109', name: '高陵镇' },
  { code: '370612110', name: '王格庄镇' },
  { code: '370612111', name: '昆嵛镇' },
  { code: '370612112', name: '莒格庄镇' },
]
