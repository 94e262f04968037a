/** One server-sent event: its name (`message` when the server names none) and its data lines joined. */
export interface ServerEvent {
  event: string
  data: string
}

/**
 * Reads `text/event-stream` (the WHATWG HTML event stream format) chunk by chunk: lines end in CRLF,
 * LF or CR, an empty line ends an event, lines starting with a colon are comments (heartbeats).
 */
export class EventStreamParser {
  private buffer = ''
  private event = ''
  private data: string[] = []

  /** The events completed by this chunk. */
  feed(chunk: string): ServerEvent[] {
    let text = this.buffer + chunk
    // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
    const held = text.endsWith('\r') ? '\r' : ''
    if (held) text = text.slice(0, -1)
    const lines = text.split(/\r\n|\r|\n/)
    // The last piece has no line end yet.
    this.buffer = (lines.pop() ?? '') + held
    const events: ServerEvent[] = []
    for (const line of lines) {
      const event = this.line(line)
      if (event) events.push(event)
    }
    return events
  }

  private line(line: string): ServerEvent | null {
    if (line === '') {
      const event = this.data.length ? { event: this.event || 'message', data: this.data.join('\n') } : null
      this.event = ''
      this.data = []
      return event
    }
    if (line.startsWith(':')) return null
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') this.event = value
    else if (field === 'data') this.data.push(value)
    return null
  }
}

/**
 * Reads a response body of server-sent events until the server ends it or the request is aborted;
 * `onActivity` hears every chunk, heartbeats included, so a caller can notice a silent connection.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerEvent) => void,
  onActivity: () => void = () => {},
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder() // UTF-8; `stream` keeps a character split across chunks
  const parser = new EventStreamParser()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    onActivity()
    for (const event of parser.feed(decoder.decode(value, { stream: true }))) onEvent(event)
  }
}
