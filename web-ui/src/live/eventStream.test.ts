import { describe, expect, it } from 'vitest'
import { EventStreamParser, readEventStream, type ServerEvent } from './eventStream'

describe('the event stream format', () => {
  it('reads named events and skips heartbeat comments', () => {
    const parser = new EventStreamParser()
    expect(parser.feed(': heartbeat\n\nevent: report\ndata: {"id":7,"action":"submit","state":"submitted"}\n\n')).toEqual([
      { event: 'report', data: '{"id":7,"action":"submit","state":"submitted"}' },
    ])
  })

  it('joins events split across chunks, at any byte, with CRLF, CR or LF line ends', () => {
    const parser = new EventStreamParser()
    const text = 'event: report\r\ndata: {"id":1}\r\n\r\nevent:report\rdata:{"id":2}\r\rdata: a\ndata: b\n\n'
    const events: ServerEvent[] = []
    for (const ch of text) events.push(...parser.feed(ch))
    expect(events).toEqual([
      { event: 'report', data: '{"id":1}' },
      { event: 'report', data: '{"id":2}' },
      { event: 'message', data: 'a\nb' },
    ])
  })

  it('holds back an event until its empty line arrives', () => {
    const parser = new EventStreamParser()
    expect(parser.feed('event: report\ndata: {"id":3}\n')).toEqual([])
    expect(parser.feed('\n')).toEqual([{ event: 'report', data: '{"id":3}' }])
  })

  it('reads a response body to its end and notices every chunk', async () => {
    const encoder = new TextEncoder()
    const chunks = [': hi\n\n', 'event: report\nda', 'ta: {"id":4}\n\n']
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
        controller.close()
      },
    })
    const events: ServerEvent[] = []
    let activity = 0
    await readEventStream(body, (e) => events.push(e), () => activity++)
    expect(events).toEqual([{ event: 'report', data: '{"id":4}' }])
    expect(activity).toBe(3)
  })
})
