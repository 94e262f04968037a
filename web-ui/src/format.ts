import { i18n } from './i18n'

/**
 * The townships' time zone. The public township profile does not carry one yet and every
 * township is in China, so times show in China Standard Time whatever the device's zone.
 */
export const TOWNSHIP_TIME_ZONE = 'Asia/Shanghai'

/** A date and time (ISO string or epoch milliseconds) in the UI's language and the township's zone. */
export function formatDateTime(value: string | number | undefined, withTime = true): string {
  if (value === undefined || value === '') return ''
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    timeZone: TOWNSHIP_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: withTime ? 'short' : undefined,
  }).format(new Date(value))
}
