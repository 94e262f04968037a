import type { AttendanceView } from '../../rider/events/events'

type Translate = (key: string, values: Record<string, unknown>) => string

/** Who was checked in and what it earned them: "郑小龙 · 136****0001 · +10 积分" (or pending, or none). */
export function attendanceLine(t: Translate, a: Pick<AttendanceView, 'rider' | 'points' | 'pointsPending'>): string {
  const who = { name: a.rider?.name ?? '', phone: a.rider?.phone ?? '', n: a.points ?? 0 }
  if (a.points) return t('events.console.pointsNow', who)
  return t(a.pointsPending ? 'events.console.pointsPending' : 'events.console.noPointsNow', who)
}
