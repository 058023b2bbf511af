import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { tasksApi } from '../api/tasks'
import { useLiveStore } from './live'
import { useSessionStore } from './session'

/**
 * My running task timer ("НАЧАТЬ УЧЁТ МОЕГО ВРЕМЕНИ"): one per person, shared by the list, the
 * card and any other tab — `task.timer` live messages keep every open page in step, and starting
 * one timer stops the other (the server records the stopped one's time).
 */
export const useTasksTimerStore = defineStore('tasksTimer', () => {
  const taskId = ref<string | null>(null)
  const title = ref('')
  /** When it started, in ms since the epoch (the server's clock). */
  const startedAt = ref<number | null>(null)
  /** Bumped every second while a timer runs, so shown durations tick. */
  const now = ref(Date.now())
  const busy = ref<string | null>(null)
  let loaded: Promise<void> | null = null
  let subscribed = false
  let tick: ReturnType<typeof setInterval> | undefined
  /** The difference between the server's clock and this browser's, from the last answer. */
  let skew = 0

  const running = computed(() => taskId.value !== null)
  const seconds = computed(() =>
    startedAt.value === null
      ? 0
      : Math.max(0, Math.floor((now.value + skew - startedAt.value) / 1000)),
  )

  watch(running, (on) => {
    clearInterval(tick)
    tick = undefined
    if (on) tick = setInterval(() => (now.value = Date.now()), 1000)
  })

  function set(id: string | null, startedIso: string | null, runSeconds?: number, name?: string) {
    title.value = id ? (name ?? (id === taskId.value ? title.value : '')) : ''
    taskId.value = id
    if (!id) {
      startedAt.value = null
      return
    }
    const at = startedIso ? Date.parse(startedIso) : NaN
    startedAt.value = Number.isFinite(at) ? at : Date.now() - (runSeconds ?? 0) * 1000
    // RUN_TIME is the server's own count: line the local clock up with it.
    if (runSeconds !== undefined && Number.isFinite(at)) skew = at + runSeconds * 1000 - Date.now()
    now.value = Date.now()
  }

  async function load(): Promise<void> {
    const state = await tasksApi.timer()
    if (state) set(String(state.TASK_ID), state.TIMER_STARTED_AT, state.RUN_TIME, state.TITLE)
    else set(null, null)
  }

  /** Reads the timer once and follows it live from then on. */
  function ensure(): Promise<void> {
    if (!subscribed) {
      subscribed = true
      // Another person logging in on this page has their own timer.
      watch(
        () => useSessionStore().user?.ID,
        () => {
          set(null, null)
          loaded = null
          if (useSessionStore().user) void ensure()
        },
      )
      const live = useLiveStore()
      live.on('task.timer', (data) => {
        const d = (data ?? {}) as Record<string, unknown>
        const id = String(d.TASK_ID ?? '')
        const on = d.RUNNING === true || d.RUNNING === 'Y' || d.RUNNING === 1
        if (on && id) set(id, typeof d.TIMER_STARTED_AT === 'string' ? d.TIMER_STARTED_AT : null)
        else if (!on && (!id || id === taskId.value)) set(null, null)
      })
      watch(
        () => live.reconnects,
        () => void load().catch(() => undefined),
      )
    }
    if (!loaded) loaded = load().catch(() => set(null, null))
    return loaded
  }

  function isRunning(id: string | number): boolean {
    return taskId.value === String(id)
  }

  async function start(id: string | number, name?: string): Promise<void> {
    busy.value = String(id)
    try {
      const state = await tasksApi.startTimer(id)
      set(String(state.TASK_ID), state.TIMER_STARTED_AT, state.RUN_TIME, state.TITLE ?? name)
    } finally {
      busy.value = null
    }
  }

  async function stop(id?: string | number): Promise<void> {
    busy.value = String(id ?? taskId.value ?? '')
    try {
      await tasksApi.stopTimer(id)
      if (!id || String(id) === taskId.value) set(null, null)
    } finally {
      busy.value = null
    }
  }

  function toggle(id: string | number, name?: string): Promise<void> {
    return isRunning(id) ? stop(id) : start(id, name)
  }

  return {
    taskId,
    title,
    startedAt,
    seconds,
    running,
    busy,
    ensure,
    load,
    isRunning,
    start,
    stop,
    toggle,
  }
})
