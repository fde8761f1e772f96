/** Field helpers shared by the hotline schema files; not part of the public contract (the barrel skips them). */
import { z } from 'zod'

export const Text = (max: number) => z.string().trim().min(1).max(max)
export const Lat = z.number().min(-90).max(90)
export const Lng = z.number().min(-180).max(180)
