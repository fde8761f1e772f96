import admin from './admin'
import handling from './handling'
import labels from './labels'
import orders from './orders'
import publicPages from './public'

/**
 * Strings of the 12345 hotline, one file per area; the ids are `hotline.<key>…` whichever file holds them.
 */
const hotline = { ...labels, ...orders, ...handling, ...admin, ...publicPages }

export default hotline
