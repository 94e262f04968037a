import { ref } from 'vue'
import { ApiProblem } from './core'

/**
 * A form's view of a failed call: the problem's per-field messages (by field, e.g. `phone` or
 * `rows[5].phone`) and its general message. Anything that is not an ApiProblem is rethrown.
 */
export function useProblemFields() {
  const fields = ref<Record<string, string>>({})
  const message = ref('')

  function clear(): void {
    fields.value = {}
    message.value = ''
  }

  function capture(error: unknown): void {
    if (!(error instanceof ApiProblem)) throw error
    fields.value = Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]))
    message.value = error.message
  }

  /** Runs the call with the messages cleared first; resolves to false when it failed with a problem. */
  async function attempt(call: () => Promise<unknown>): Promise<boolean> {
    clear()
    try {
      await call()
      return true
    } catch (error) {
      capture(error)
      return false
    }
  }

  return { fields, message, clear, attempt }
}
