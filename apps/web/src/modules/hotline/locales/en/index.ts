import type hotline from '../zh-CN'
import admin from './admin'
import handling from './handling'
import labels from './labels'
import orders from './orders'
import publicPages from './public'

/** The English strings of the 12345 hotline, in the same areas as the Chinese. */
const en: typeof hotline = { ...labels, ...orders, ...handling, ...admin, ...publicPages }

export default en
