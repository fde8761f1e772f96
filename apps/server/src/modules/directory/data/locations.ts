/**
 * Seed service locations of Muping District: the district hall, one 便民服务中心 per town or street, a sample of
 * village and community 党群服务中心 stations, and the park workstation.
 * Addresses name real roads and villages, but house numbers and phone numbers are placeholders: replace them with the
 * district's published contacts before go-live. Village stations publish no landline, hence `phone: null`.
 */

export type LocationKind = 'district_hall' | 'town_centre' | 'village_station' | 'park_station'

export interface Location {
  /** Short stable ASCII code. */
  code: string
  name: string
  kind: LocationKind
  /** Division the location serves: 6-digit district, 9-digit town or 12-digit village code (divisions-370612.json). */
  divisionCode: string
  address: string
  phone: string | null
}

function townCentre(suffix: string, townName: string, address: string, phone: string): Location {
  return {
    code: `MP-L${suffix}`,
    name: `${townName}便民服务中心`,
    kind: 'town_centre',
    divisionCode: `370612${suffix}`,
    address,
    phone,
  }
}

// Station names drop the committee suffix: 观水村委会 → 观水村党群服务中心.
function villageStation(villageCode: string, placeName: string, address: string): Location {
  return {
    code: `MP-V${villageCode.slice(6)}`,
    name: `${placeName}党群服务中心`,
    kind: 'village_station',
    divisionCode: villageCode,
    address,
    phone: null,
  }
}

export const locations: readonly Location[] = [
  {
    code: 'MP-HALL',
    name: '牟平区政务服务中心',
    kind: 'district_hall',
    divisionCode: '370612',
    address: '牟平区通海路601号',
    phone: '0535-4212345',
  },
  townCentre('001', '宁海街道', '牟平区宁海街道政府街102号', '0535-4232101'),
  townCentre('002', '文化街道', '牟平区文化街道文兴路48号', '0535-4232102'),
  townCentre('004', '武宁街道', '牟平区武宁街道西武宁村', '0535-4232104'),
  townCentre('005', '大窑街道', '牟平区大窑街道南大窑村', '0535-4232105'),
  townCentre('006', '姜格庄街道', '牟平区姜格庄街道姜格庄村', '0535-4232106'),
  townCentre('101', '观水镇', '牟平区观水镇观水村', '0535-4232201'),
  townCentre('105', '龙泉镇', '牟平区龙泉镇龙泉汤村', '0535-4232205'),
  townCentre('106', '玉林店镇', '牟平区玉林店镇玉林店村', '0535-4232206'),
  townCentre('107', '水道镇', '牟平区水道镇水道村', '0535-4232207'),
  townCentre('109', '高陵镇', '牟平区高陵镇高陵村', '0535-4232209'),
  townCentre('110', '王格庄镇', '牟平区王格庄镇王格庄村', '0535-4232210'),
  townCentre('111', '昆嵛镇', '牟平区昆嵛镇西殿后村', '0535-4232211'),
  townCentre('112', '莒格庄镇', '牟平区莒格庄镇东莒格庄村', '0535-4232212'),
  villageStation('370612001031', '通海路社区', '牟平区宁海街道通海路社区'),
  villageStation('370612001037', '政府街社区', '牟平区宁海街道政府街社区'),
  villageStation('370612002022', '文兴路社区', '牟平区文化街道文兴路社区'),
  villageStation('370612004201', '西武宁村', '牟平区武宁街道西武宁村'),
  villageStation('370612005201', '南大窑村', '牟平区大窑街道南大窑村'),
  villageStation('370612006201', '姜格庄村', '牟平区姜格庄街道姜格庄村'),
  villageStation('370612101201', '观水村', '牟平区观水镇观水村'),
  villageStation('370612105201', '龙泉汤村', '牟平区龙泉镇龙泉汤村'),
  villageStation('370612106221', '玉林店村', '牟平区玉林店镇玉林店村'),
  villageStation('370612107201', '水道村', '牟平区水道镇水道村'),
  villageStation('370612109201', '高陵村', '牟平区高陵镇高陵村'),
  villageStation('370612110201', '王格庄村', '牟平区王格庄镇王格庄村'),
  villageStation('370612111201', '东殿后村', '牟平区昆嵛镇东殿后村'),
  villageStation('370612112202', '东莒格庄村', '牟平区莒格庄镇东莒格庄村'),
  {
    code: 'MP-PARK',
    name: '牟平新城·国际生命科学城园区工作站',
    kind: 'park_station',
    // The park straddles several streets, so the station is filed at district level.
    divisionCode: '370612',
    address: '牟平区牟平新城·国际生命科学城园区服务大楼',
    phone: '0535-4232301',
  },
]
