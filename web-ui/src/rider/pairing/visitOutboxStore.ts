import { defineStore } from 'pinia'
import { api } from '../../api/client'
import { outboxState } from '../outbox/outbox'
import { VisitOutbox } from './pairing'

/** The signed-in rider's look-ins waiting on the phone (待发送); see {@link outboxState}. */
export const useVisitOutboxStore = defineStore('visit-outbox', () => outboxState(new VisitOutbox(api)))
