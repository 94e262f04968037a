import { ref } from 'vue'
import { ApiProblem } from '../api/client'

/**
 * For a console form: runs a save, and when the API refuses it keeps the RFC 9457 problem's
 * per-field messages (`errors.<field>`, for `el-form-item :error`) and its text (`message`, for an
 * alert above the form). Other failures propagate to the layout.
 */
export function useProblem() {
  const errors = ref<Record<string, string>>({})
  const message = ref('')
  const busy = ref(false)

  function clear(): void {
    errors.value = {}
    message.value = ''
  }

  /** Resolves to whether `save` succeeded. */
  async function run(save: () => Promise<unknown>): Promise<boolean> {
    clear()
    busy.value = true
    try {
      await save()
      return true
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status === 0 || error.status >= 500) throw error
      const fields = error.problem.errors ?? []
      errors.value = Object.fromEntries(fields.map((e) => [e.field, e.message]))
      message.value = error.message
      return false
    } finally {
      busy.value = false
    }
  }

  return { errors, message, busy, clear, run }
}
