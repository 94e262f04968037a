import { defineStore } from 'pinia'
import { api } from '../../api/client'
import { outboxState } from '../outbox/outbox'
import { ReportOutbox } from './outbox'

/** The signed-in rider's reports waiting on the phone (待发送); see {@link outboxState}. */
export const useOutboxStore = defineStore('report-outbox', () => {
  const outbox = new ReportOutbox(api)
  const state = outboxState(outbox)

  /** The rider confirmed the place of a kept report found outside the township: send it so. */
  function confirmOutside(key: string) {
    return state.track([key], async () => [await outbox.confirmOutside(key)])
  }

  return { ...state, confirmOutside }
})
