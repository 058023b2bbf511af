/**
 * The one WebSocket to `/ws` (same origin, cookie auth). Messages are `{type, data}`.
 * Reconnects with exponential backoff until closed on purpose.
 */

export interface LiveMessage {
  type: string
  data: unknown
}

export type LiveHandler = (data: unknown, message: LiveMessage) => void

export interface LiveSocketOptions {
  url?: string
  minDelayMs?: number
  maxDelayMs?: number
  createSocket?: (url: string) => WebSocket
}

export function liveUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/ws`
}

export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, attempt))
}

export class LiveSocket {
  private socket: WebSocket | null = null
  private handlers = new Map<string, Set<LiveHandler>>()
  private attempt = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private wanted = false
  private readonly options: Required<LiveSocketOptions>
  onStateChange: ((connected: boolean) => void) | null = null

  constructor(options: LiveSocketOptions = {}) {
    this.options = {
      url: options.url ?? liveUrl(window.location),
      minDelayMs: options.minDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      createSocket: options.createSocket ?? ((url) => new WebSocket(url)),
    }
  }

  on(type: string, handler: LiveHandler): () => void {
    let set = this.handlers.get(type)
    if (!set) {
      set = new Set()
      this.handlers.set(type, set)
    }
    set.add(handler)
    return () => set.delete(handler)
  }

  open(): void {
    this.wanted = true
    if (!this.socket) this.connect()
  }

  close(): void {
    this.wanted = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const socket = this.socket
    this.socket = null
    socket?.close()
  }

  private connect(): void {
    let socket: WebSocket
    try {
      socket = this.options.createSocket(this.options.url)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    socket.onopen = () => {
      this.attempt = 0
      this.onStateChange?.(true)
    }
    socket.onmessage = (event) => this.dispatch(String(event.data))
    socket.onclose = () => {
      if (this.socket !== socket) return
      this.socket = null
      this.onStateChange?.(false)
      this.scheduleReconnect()
    }
    socket.onerror = () => socket.close()
  }

  private scheduleReconnect(): void {
    if (!this.wanted || this.timer) return
    const delay = backoffDelay(this.attempt++, this.options.minDelayMs, this.options.maxDelayMs)
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.wanted && !this.socket) this.connect()
    }, delay)
  }

  dispatch(raw: string): void {
    let message: LiveMessage
    try {
      message = JSON.parse(raw) as LiveMessage
    } catch {
      return
    }
    if (!message || typeof message.type !== 'string') return
    for (const handler of this.handlers.get(message.type) ?? []) handler(message.data, message)
    for (const handler of this.handlers.get('*') ?? []) handler(message.data, message)
  }
}
