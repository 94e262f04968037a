import type { components } from '../api/schema'

export type Epass = components['schemas']['EpassView']
