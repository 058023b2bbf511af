import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export interface PortalNotification {
  id: string
  text: string
  date: string
  link?: string
  read: boolean
}

/**
 * The bell's list. Nothing produces notifications yet (they arrive with tasks); the store
 * and the panel are ready for a list and an unread count.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<PortalNotification[]>([])
  const unread = computed(() => items.value.filter((item) => !item.read).length)

  function add(item: PortalNotification): void {
    items.value = [item, ...items.value.filter((existing) => existing.id !== item.id)]
  }

  function markAllRead(): void {
    items.value = items.value.map((item) => ({ ...item, read: true }))
  }

  function clear(): void {
    items.value = []
  }

  return { items, unread, add, markAllRead, clear }
})
