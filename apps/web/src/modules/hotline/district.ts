/** The district the hotline serves (牟平区); its towns/streets and their villages/communities come from the directory. */
export const DISTRICT_CODE = '370612'
