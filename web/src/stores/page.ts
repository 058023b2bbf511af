import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The title of the page on screen, shown above the content card and in the tab. */
export const usePageStore = defineStore('page', () => {
  const title = ref('')
  return { title }
})
