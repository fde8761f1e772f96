import type { IssueBatch } from '@ruyu/contracts/certificate'
import { usccCheckChar } from '@ruyu/contracts/identifiers'
import type { TestContext } from '@ruyu/testkit'
import { type Actor, SYSTEM_ACTOR } from '../../../platform/audit.ts'

/** The demo enterprise (login `enterprise`): 烟台如鱼生物科技有限公司. */
export const ENTERPRISE_A = { name: '烟台如鱼生物科技有限公司', uscc: '91370612MA3C12346J' }
/** A second enterprise, with a valid USCC of its own. */
export const ENTERPRISE_B = {
  name: '烟台蓝色药谷制药有限公司',
  uscc: `91370612MA3D88887${usccCheckChar('91370612MA3D88887')}`,
}

let subjectSeq = 0

/** A 四证齐发 batch for one project in the life-science park: the four certificates with realistic fields. */
export function fourCertificates(over: Partial<IssueBatch> = {}): IssueBatch {
  subjectSeq++
  return {
    subjectType: 'approval_case',
    subjectId: `case-${process.pid}-${subjectSeq}`,
    divisionCode: '370612106',
    holder: ENTERPRISE_A,
    certificates: [
      {
        kind: 'real_estate',
        payload: {
          coOwnership: '单独所有',
          location: '牟平区玉林店镇蓝色药谷生命科学产业园创新路9号',
          unitNumber: '370612106001GB00123W00000000',
          rightType: '国有建设用地使用权',
          rightNature: '出让',
          landUse: '工业用地',
          landArea: '宗地面积 53,200.00㎡',
          term: '2026年03月18日起2076年03月17日止',
        },
      },
      {
        kind: 'land_use_planning',
        payload: {
          projectName: '如鱼生物医药产业化基地项目',
          location: '玉林店镇蓝色药谷生命科学产业园创新路北、科技大道东',
          landArea: '53,200.00 平方米（约79.8亩）',
          landUse: '工业用地（M1）',
          constructionScale: '总建筑面积 68,000 平方米',
          landAcquisition: '出让',
        },
      },
      {
        kind: 'construction_planning',
        payload: {
          projectName: '如鱼生物医药产业化基地项目（一期）1#—4#厂房',
          location: '玉林店镇蓝色药谷生命科学产业园创新路9号',
          constructionScale: '地上建筑面积 41,600 平方米，地下 3,200 平方米',
          attachments: '总平面图、建筑单体方案',
        },
      },
      {
        kind: 'construction_permit',
        payload: {
          projectName: '如鱼生物医药产业化基地项目（一期）',
          location: '玉林店镇蓝色药谷生命科学产业园创新路9号',
          constructionScale: '44,800 平方米',
          contractPrice: '18,600 万元',
          designUnit: '烟台市建筑设计研究股份有限公司',
          contractor: '烟台建设集团有限公司',
          supervisor: '山东恒信建设监理有限公司',
          contractPeriod: '540 日历天',
        },
      },
    ],
    ...over,
  }
}

/** Issues a batch in its own transaction (what the approval module does inside its own). */
export function issue(t: TestContext, batch: IssueBatch, actor: Actor = SYSTEM_ACTOR) {
  return t.platform.db.tx((tx) => t.services.certificate.issueBatch(tx, actor, batch))
}
