/**
 * The statistics' rates from grouped counts, under the conventions of the `hotline.settings` stats section
 * (docs/hotline.md "Statistics"). Pure: both code paths (stats-rollup.ts, stats-scan.ts) deliver the same counts of
 * every convention, and the settings only choose among them here, so a change of setting applies at once.
 */
import type {
  FollowupResult,
  HotlineSettings,
  StatsQuery,
  StatsRate,
  StatsResult,
  StatsRow,
} from '@ruyu/contracts/hotline'

export type StatsSettings = HotlineSettings['stats']

/** The 办结 family over one cohort: orders received in the period, or orders due in it. */
export interface CohortCounts {
  total: number
  declined: number
  /** Closed in any way but merged (declines included). */
  closed: number
  closedOnTimeFirst: number
  closedOnTimeLast: number
  repliedOnTimeFirst: number
  repliedOnTimeLast: number
}

/** Follow-up results, per call or per order (latest); `valid` and `solved` already use the valid results. */
export interface ResultCounts {
  satisfied: number
  basicallySatisfied: number
  unsatisfied: number
  unreachable: number
  valid: number
  solved: number
}

export interface StatsCounts {
  key: string
  name: string
  /** Received in the period. */
  total: number
  dispatched: number
  closedByUnit: number
  ackedOnTime: number
  contactedOnTime: number
  followupDue: number
  followedUp: number
  latest: ResultCounts
  calls: ResultCounts
  received: CohortCounts
  due: CohortCounts
}

/** Every rate is its exact fraction rounded half up to 4 decimals (0.01 percentage point). */
export const ROUNDING = '比率 = 分子 ÷ 分母，四舍五入保留 4 位小数（即百分比保留 2 位小数）；分母为 0 时不计算（空）。'

/**
 * Half up to 4 decimals, exactly: the numerator is fixed to 6 decimals first (满意 + w × 基本满意 may have
 * decimals), then one integer division, so 0.5 of the last place always rounds up and never by float noise.
 */
export function ratio(n: number, d: number): number | null {
  if (d <= 0) return null
  return Math.round(Math.round(n * 1e6) / (d * 100)) / 10000
}

const zeroResults = (): ResultCounts => ({
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  unreachable: 0,
  valid: 0,
  solved: 0,
})
const zeroCohort = (): CohortCounts => ({
  total: 0,
  declined: 0,
  closed: 0,
  closedOnTimeFirst: 0,
  closedOnTimeLast: 0,
  repliedOnTimeFirst: 0,
  repliedOnTimeLast: 0,
})
export const zeroCounts = (key: string, name: string): StatsCounts => ({
  key,
  name,
  total: 0,
  dispatched: 0,
  closedByUnit: 0,
  ackedOnTime: 0,
  contactedOnTime: 0,
  followupDue: 0,
  followedUp: 0,
  latest: zeroResults(),
  calls: zeroResults(),
  received: zeroCohort(),
  due: zeroCohort(),
})

function addInto<T extends object>(into: T, from: T) {
  for (const k of Object.keys(from) as (keyof T)[]) {
    const v = from[k]
    if (typeof v === 'number') (into[k] as number) += v
    else if (v && typeof v === 'object') addInto(into[k] as object, v as object)
  }
}

/** Counts of one group from a SQL row (column names shared by the rollup and the scan). */
export function countsFromRow(r: Record<string, unknown>): StatsCounts {
  const n = (k: string) => Number(r[k] ?? 0)
  const results = (p: string): ResultCounts => ({
    satisfied: n(`${p}_satisfied`),
    basicallySatisfied: n(`${p}_basically_satisfied`),
    unsatisfied: n(`${p}_unsatisfied`),
    unreachable: n(`${p}_unreachable`),
    valid: n(`${p}_valid`),
    solved: n(`${p}_solved`),
  })
  const cohort = (p: string): CohortCounts => ({
    total: n(`${p}_total`),
    declined: n(`${p}_declined`),
    closed: n(`${p}_closed`),
    closedOnTimeFirst: n(`${p}_closed_on_time_first`),
    closedOnTimeLast: n(`${p}_closed_on_time_last`),
    repliedOnTimeFirst: n(`${p}_replied_on_time_first`),
    repliedOnTimeLast: n(`${p}_replied_on_time_last`),
  })
  return {
    key: String(r.key),
    name: String(r.name),
    total: n('r_total'),
    dispatched: n('dispatched'),
    closedByUnit: n('closed_by_unit'),
    ackedOnTime: n('acked_on_time'),
    contactedOnTime: n('contacted_on_time'),
    followupDue: n('followup_due'),
    followedUp: n('followed_up'),
    latest: results('l'),
    calls: results('c'),
    received: cohort('r'),
    due: cohort('d'),
  }
}

/** The counts and eight rates of one group under the settings' conventions. */
export function rates(c: StatsCounts, s: StatsSettings): StatsRow {
  const base = s.closeBasis === 'due' ? c.due : c.received
  const first = s.onTimeBy === 'first_reply'
  const declinedIn = s.declined === 'excluded' ? 0 : base.declined
  const declinedOnTime = s.declined === 'closed_on_time' ? base.declined : 0
  const cohort = base.total - base.declined + declinedIn
  const closed = base.closed - base.declined + declinedIn
  const closedOnTime = (first ? base.closedOnTimeFirst : base.closedOnTimeLast) + declinedOnTime
  const repliedOnTime = (first ? base.repliedOnTimeFirst : base.repliedOnTimeLast) + declinedOnTime
  const respondedOnTime = s.responseBy === 'contact' ? c.contactedOnTime : c.ackedOnTime
  const res = s.followupCount === 'every_call' ? c.calls : c.latest
  const followups = res.satisfied + res.basicallySatisfied + res.unsatisfied + res.unreachable
  const valid = new Set<FollowupResult>(s.validResults)
  const points =
    Math.round(
      ((valid.has('satisfied') ? res.satisfied : 0) +
        (valid.has('basically_satisfied') ? s.basicallySatisfiedWeight * res.basicallySatisfied : 0)) *
        1e6,
    ) / 1e6
  const fractions: StatsRow['fractions'] = {
    closeRate: { numerator: closed, denominator: cohort },
    onTimeRate: { numerator: closedOnTime, denominator: cohort },
    onTimeReplyRate: { numerator: repliedOnTime, denominator: cohort },
    responseRate: { numerator: respondedOnTime, denominator: c.dispatched },
    followupRate: { numerator: c.followedUp, denominator: c.followupDue },
    validFollowupRate: { numerator: res.valid, denominator: followups },
    solveRate: { numerator: res.solved, denominator: res.valid },
    satisfactionRate: { numerator: points, denominator: res.valid },
  }
  const rate = (k: StatsRate) => ratio(fractions[k].numerator, fractions[k].denominator)
  return {
    key: c.key,
    name: c.name,
    total: c.total,
    dispatched: c.dispatched,
    cohort,
    declined: base.declined,
    closed,
    closedByUnit: c.closedByUnit,
    closedOnTime,
    repliedOnTime,
    respondedOnTime,
    followupDue: c.followupDue,
    followedUp: c.followedUp,
    followups,
    validFollowups: res.valid,
    satisfied: res.satisfied,
    basicallySatisfied: res.basicallySatisfied,
    unsatisfied: res.unsatisfied,
    unreachable: res.unreachable,
    solved: res.solved,
    closeRate: rate('closeRate'),
    onTimeRate: rate('onTimeRate'),
    onTimeReplyRate: rate('onTimeReplyRate'),
    responseRate: rate('responseRate'),
    followupRate: rate('followupRate'),
    validFollowupRate: rate('validFollowupRate'),
    solveRate: rate('solveRate'),
    satisfactionRate: rate('satisfactionRate'),
    fractions,
  }
}

const RESULT_NAMES: Record<FollowupResult, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  unreachable: '联系不上',
}

/** The formulas under the current conventions, in Chinese (the API and the export's 口径说明 sheet). */
export function formulas(s: StatsSettings): Record<StatsRate, string> {
  const valid = s.validResults.map((r) => RESULT_NAMES[r]).join('、')
  const cohort =
    (s.closeBasis === 'due' ? '统计期内到期（首次办理时限落在统计期内）的工单' : '统计期内受理的工单') +
    {
      excluded: '，不予受理的不计',
      closed: '，不予受理计为办结（不计按期）',
      closed_on_time: '，不予受理计为按期办结',
    }[s.declined]
  const onTime =
    s.onTimeBy === 'first_reply'
      ? '以中心审核通过的首次答复是否在当时的办理时限内为准（重办后的答复不改变结果），直办件计为按期'
      : '以最后一次答复是否在当前办理时限内为准（重办后按新时限），直办件计为按期'
  const counted =
    s.followupCount === 'every_call' ? '每次回访各计一次（重办前的不满意仍计入）' : '每件工单只计最后一次回访结果'
  return {
    closeRate: `办结率 = 已办结工单数 ÷ 应办结工单数（${cohort}；合并的重复工单不计）`,
    onTimeRate: `按期办结率 = 按期办结工单数 ÷ 应办结工单数（${onTime}）`,
    onTimeReplyRate: `按时反馈率 = 按时答复工单数 ÷ 应办结工单数（${onTime}，不要求已办结）`,
    responseRate:
      s.responseBy === 'contact'
        ? '响应率 = 在办理时限内联系诉求人或答复的工单数 ÷ 派单工单数（联系时间取承办单位随首次通过审核的答复登记的联系时间，未填写则取答复时间；“无需联系”只看答复时间）'
        : '响应率 = 在签收时限内签收的工单数 ÷ 派单工单数',
    followupRate: '回访率 = 已回访工单数 ÷ 应回访工单数（答复经中心审核通过、进入待回访的工单，含回访不满意后重办的）',
    validFollowupRate: `有效回访率 = 有效回访数 ÷ 回访数（有效回访：${valid}；${counted}）`,
    solveRate: `解决率 = 回访判定已解决数 ÷ 有效回访数（${counted}）`,
    satisfactionRate: `满意率 = (满意 + ${s.basicallySatisfiedWeight} × 基本满意) ÷ 有效回访数（${counted}）`,
  }
}

/** Totals, rates and formulas of a period from the grouped counts of either code path. */
export function statsResult(q: StatsQuery, s: StatsSettings, rows: StatsCounts[]): StatsResult {
  const sum = zeroCounts('all', '合计')
  for (const r of rows) addInto(sum, { ...r, key: undefined, name: undefined } as unknown as StatsCounts)
  return {
    groupBy: q.groupBy,
    from: q.from,
    to: q.to,
    formulas: formulas(s),
    settings: s,
    rounding: ROUNDING,
    overall: rates(sum, s),
    rows: rows.map((r) => rates(r, s)),
  }
}

/** Names of each rate and of its numerator and denominator (export headers). */
export const RATE_PARTS: Record<StatsRate, { name: string; numerator: string; denominator: string }> = {
  closeRate: { name: '办结率', numerator: '已办结', denominator: '应办结' },
  onTimeRate: { name: '按期办结率', numerator: '按期办结', denominator: '应办结' },
  onTimeReplyRate: { name: '按时反馈率', numerator: '按时反馈', denominator: '应办结' },
  responseRate: { name: '响应率', numerator: '按时响应', denominator: '派单量' },
  followupRate: { name: '回访率', numerator: '已回访工单', denominator: '应回访工单' },
  validFollowupRate: { name: '有效回访率', numerator: '有效回访', denominator: '回访数' },
  solveRate: { name: '解决率', numerator: '已解决', denominator: '有效回访' },
  satisfactionRate: { name: '满意率', numerator: '满意+权重×基本满意', denominator: '有效回访' },
}

/** The conventions in force, in Chinese, for the export's 口径说明 sheet. */
export function conventionLines(s: StatsSettings): [string, string][] {
  return [
    [
      '办结口径',
      s.closeBasis === 'due'
        ? '按到期：统计期内到期（首次办理时限落在统计期内）的工单（默认，山东/全国口径）'
        : '按受理：统计期内受理的工单',
    ],
    [
      '按期判定',
      s.onTimeBy === 'first_reply'
        ? '按首次答复：中心审核通过的首次答复是否在当时的办理时限内（默认）'
        : '按最后答复：最后一次答复是否在当前（重办后）的办理时限内',
    ],
    [
      '不予受理',
      {
        excluded: '不计入办结率、按期办结率、按时反馈率（默认）',
        closed: '计为办结，不计按期',
        closed_on_time: '计为按期办结',
      }[s.declined],
    ],
    [
      '响应口径',
      s.responseBy === 'contact' ? '按联系诉求人：在办理时限内联系诉求人或答复（默认）' : '按签收：在签收时限内签收',
    ],
    [
      '回访结果',
      s.followupCount === 'every_call'
        ? '每次回访都计入（重办前的不满意不会因重办后的满意而消失）（默认）'
        : '每件工单只计最后一次回访结果',
    ],
    ['基本满意权重', String(s.basicallySatisfiedWeight)],
    [
      '有效回访结果',
      s.validResults
        .map(
          (r) =>
            ({ satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unreachable: '联系不上' })[r],
        )
        .join('、'),
    ],
  ]
}
