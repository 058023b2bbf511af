import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LiveSocket, type LiveHandler } from '../api/live'
import type { NoticeAdded, NoticesChanged } from '../api/notifications'
import type { User } from '../api/types'
import { useDepartmentsStore } from './departments'
import { useNotificationsStore } from './notifications'
import { useSessionStore } from './session'
import { useUsersStore } from './users'

/** Feeds the stores from the one WebSocket while someone is logged in. */
export const useLiveStore = defineStore('live', () => {
  const connected = ref(false)
  let socket: LiveSocket | null = null
  let everConnected = false
  let noticesRead = false
  /** Bumped after every reconnect: pages that show live data read it again. */
  const reconnects = ref(0)
  const listeners = new Map<string, Set<LiveHandler>>()

  /**
   * Subscribes a page or a component to one type of live message; returns the unsubscribe
   * function (call it in onUnmounted).
   */
  function on(type: string, handler: LiveHandler): () => void {
    let set = listeners.get(type)
    if (!set) {
      set = new Set()
      listeners.set(type, set)
    }
    set.add(handler)
    return () => set.delete(handler)
  }

  function start(): void {
    if (socket) return
    socket = new LiveSocket()
    socket.on('*', (data, message) => {
      for (const handler of listeners.get(message.type) ?? []) handler(data, message)
    })
    socket.on('user.updated', (data) => {
      if (!data || typeof data !== 'object' || !('ID' in data)) return
      const user = useUsersStore().upsert(data as User)
      useSessionStore().replaceMe(user)
    })
    socket.on('department.changed', () => {
      const departments = useDepartmentsStore()
      if (departments.loaded) void departments.load()
    })
    socket.on('settings.changed', () => {
      void useSessionStore()
        .loadPortal()
        .catch(() => undefined)
    })
    socket.on('notify.added', (data) => useNotificationsStore().added(data as NoticeAdded))
    socket.on('notify.read', (data) => useNotificationsStore().readChanged(data as NoticesChanged))
    socket.on('notify.deleted', (data) => useNotificationsStore().deleted(data as NoticesChanged))
    socket.onStateChange = (isOpen) => {
      connected.value = isOpen
      if (isOpen && everConnected) {
        catchUp()
        reconnects.value++
      }
      // The bell's list is read once the socket listens, so nothing sent meanwhile is missed,
      // and again after every reconnect; a socket that cannot connect still gets it read once.
      if (isOpen || !noticesRead) {
        noticesRead = true
        void useNotificationsStore()
          .load()
          .catch(() => undefined)
      }
      if (isOpen) everConnected = true
    }
    socket.open()
  }

  /** After a reconnect, events may have been missed: reload what is cheap to reload. */
  function catchUp(): void {
    const departments = useDepartmentsStore()
    if (departments.loaded) void departments.load().catch(() => undefined)
    void useSessionStore()
      .loadPortal()
      .catch(() => undefined)
  }

  function stop(): void {
    useNotificationsStore().clear()
    socket?.close()
    socket = null
    everConnected = false
    noticesRead = false
    connected.value = false
  }

  return { connected, reconnects, on, start, stop }
})
