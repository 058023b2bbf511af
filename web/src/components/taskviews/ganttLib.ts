/**
 * dhtmlx-gantt (Community edition, MIT), loaded only when a Gantt chart opens. Its stylesheet's
 * remote Inter font is removed at build time (vite.config.ts); the chart uses the portal's font.
 */
import { Gantt } from 'dhtmlx-gantt'
import 'dhtmlx-gantt/codebase/dhtmlxgantt.css'

export type { GanttStatic } from 'dhtmlx-gantt'

/** A chart of its own, so leaving the page can destroy it completely. */
export function createGantt() {
  return Gantt.getGanttInstance()
}
