import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LiveSocket } from '../api/live'
import type { User } from '../api/types'
import { useDepartmentsStore } from './departments'
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
    socket.onStateChange = (isOpen) => {
      connected.value = isOpen
      if (isOpen && everConnected) catchUp()
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
    socket?.close()
    socket = null
    everConnected = false
    connected.value = false
  }

  return { connected, start, stop }
})
