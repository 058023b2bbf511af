import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LiveSocket } from '../api/live'
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

  function start(): void {
    if (socket) return
    socket = new LiveSocket()
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
      if (isOpen && everConnected) catchUp()
      // Notices sent before the socket was listening arrive with the list.
      if (isOpen)
        void useNotificationsStore()
          .load()
          .catch(() => undefined)
      if (isOpen) everConnected = true
    }
    socket.open()
    void useNotificationsStore()
      .load()
      .catch(() => undefined)
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
    connected.value = false
  }

  return { connected, start, stop }
})
