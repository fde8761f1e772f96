import i18n from 'i18next'
import type { FormField } from './api'

/**
 * Display text of catalogue form fields. The catalogue is data kept in Chinese, so in Chinese its own labels are the
 * truth (an editor may rename a field); other languages translate by the stable field key, option value and unit,
 * and fall back to the catalogue's wording for a field added after this table.
 */
const FIELD_NAMES_EN: Record<string, string> = {
  projectName: 'Project name',
  projectCode: 'Investment project code',
  projectType: 'Project type',
  socialInvestment: 'Social investment project',
  landGrantWithScheme: 'Land granted with the design scheme',
  divisionCode: 'Location (town or street)',
  address: 'Address',
  landAreaMu: 'Land area',
  floorAreaM2: 'Total floor area',
  investmentWan: 'Total investment',
  builder: 'Builder',
  builderUscc: "Builder's unified social credit code",
  contactName: 'Contact person',
  contactPhone: 'Contact phone',
  landUseType: 'Land use',
  landContractNo: 'Land grant contract number',
  landTitleNo: 'Real estate title number',
  landPlanningPermitNo: 'Land-use planning permit number',
  planningPermitNo: 'Construction planning permit number',
  buildingHeightM: 'Building height',
  floorsAbove: 'Floors above ground',
  floorsBelow: 'Floors below ground',
  plannedStart: 'Planned start date',
  plannedFinish: 'Planned completion date',
  designUnit: 'Design firm',
  constructionUnit: 'Construction firm',
  supervisionUnit: 'Supervision firm',
  contractPriceWan: 'Construction contract price',
  civilDefenseAreaM2: 'Civil air defence basement area',
  annualWaterM3: 'Annual water withdrawal',
  waterSource: 'Water source',
  waterDemandM3PerDay: 'Daily water use',
  dischargeM3PerDay: 'Daily discharge',
  loadKw: 'Electrical load',
  voltageLevel: 'Supply voltage',
  gasLoadM3PerHour: 'Gas use',
  roadName: 'Road concerned',
  occupyAreaM2: 'Area occupied',
  occupyFrom: 'Occupation starts',
  occupyTo: 'Occupation ends',
  treeCount: 'Number of trees',
  greenAreaM2: 'Green area concerned',
  wasteVolumeM3: 'Construction waste produced',
  wasteDestination: 'Waste disposal site',
  nightWorkPeriod: 'Night work hours',
  hazardousChemicals: 'Hazardous chemicals and quantities',
  annualEnergyTce: 'Annual energy consumption',
  relicsSite: 'Protected cultural relic concerned',
  craneModel: 'Crane model',
  craneSerialNo: 'Serial number',
  craneRecordNo: 'Ownership record number',
  venueName: 'Venue name',
  venueAreaM2: 'Venue floor area',
  archivesVolumes: 'Archive volumes',
  pollutantTypes: 'Main pollutants',
}

const OPTION_NAMES_EN: Record<string, Record<string, string>> = {
  projectType: {
    industrial: 'Industrial project',
    commercial: 'Commercial and service project',
    residential: 'Residential project',
    public: 'Public service facility',
    infrastructure: 'Municipal infrastructure',
  },
  landUseType: {
    industrial: 'Industrial land',
    commercial: 'Commercial land',
    residential: 'Residential land',
    public: 'Public administration and service land',
    transport: 'Transport land',
  },
  waterSource: { surface: 'Surface water', ground: 'Groundwater' },
  voltageLevel: { '0.4kV': '0.4 kV', '10kV': '10 kV', '35kV': '35 kV' },
}

const UNITS_EN: Record<string, string> = {
  万元: '10,000 CNY',
  亩: 'mu',
  卷: 'volumes',
  吨标准煤: 't of standard coal',
  层: 'floors',
  株: 'trees',
}

const english = () => i18n.language.startsWith('en')

export function fieldLabel(field: Pick<FormField, 'key' | 'label'>): string {
  return (english() && FIELD_NAMES_EN[field.key]) || field.label
}

export function fieldUnit(field: Pick<FormField, 'unit'>): string | undefined {
  if (!field.unit) return undefined
  return (english() && UNITS_EN[field.unit]) || field.unit
}

export function optionLabel(field: Pick<FormField, 'key'>, option: { value: string; label: string }): string {
  return (english() && OPTION_NAMES_EN[field.key]?.[option.value]) || option.label
}

/** "Land area (mu)" / 用地面积（亩）. */
export function fieldLabelWithUnit(field: Pick<FormField, 'key' | 'label' | 'unit'>): string {
  const unit = fieldUnit(field)
  if (!unit) return fieldLabel(field)
  return english() ? `${fieldLabel(field)} (${unit})` : `${fieldLabel(field)}（${unit}）`
}
