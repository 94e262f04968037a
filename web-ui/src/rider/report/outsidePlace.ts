import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'
import { i18n } from '../../i18n'

/**
 * Asks the rider to confirm a place the API found outside every grid of the township, with the API's
 * own message; resolves to whether they confirmed it (else they go back and move the pin).
 */
export function confirmOutsidePlace(message: string): Promise<boolean> {
  const { t } = i18n.global
  return showConfirmDialog({
    title: t('report.outside.title'),
    message,
    confirmButtonText: t('report.outside.confirm'),
    cancelButtonText: t('report.outside.change'),
  }).then(
    () => true,
    () => false,
  )
}
