import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'

/** Asks the rider to confirm (确认 / 取消); whether they did. Closing the dialog is a no. */
export function confirmed(message: string): Promise<boolean> {
  return showConfirmDialog({ message }).then(
    () => true,
    () => false,
  )
}
