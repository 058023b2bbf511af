import type { Department } from '../api/types'

export interface DepartmentNode {
  department: Department
  children: DepartmentNode[]
  depth: number
}

export function parentId(department: Department): string {
  const parent = department.PARENT
  return parent === null || parent === undefined || parent === '' || parent === 0 || parent === '0'
    ? ''
    : String(parent)
}

function bySort(a: Department, b: Department): number {
  return (a.SORT ?? 500) - (b.SORT ?? 500) || a.NAME.localeCompare(b.NAME)
}

/** Builds the tree; departments whose parent is missing become roots so nothing disappears. */
export function buildTree(list: Department[]): DepartmentNode[] {
  const ids = new Set(list.map((d) => String(d.ID)))
  const children = new Map<string, Department[]>()
  for (const department of list) {
    const parent = parentId(department)
    const key = parent && ids.has(parent) && parent !== String(department.ID) ? parent : ''
    if (!children.has(key)) children.set(key, [])
    children.get(key)!.push(department)
  }
  const seen = new Set<string>()
  const grow = (key: string, depth: number): DepartmentNode[] =>
    (children.get(key) ?? [])
      .slice()
      .sort(bySort)
      .filter((d) => !seen.has(String(d.ID)))
      .map((department) => {
        seen.add(String(department.ID))
        return { department, depth, children: grow(String(department.ID), depth + 1) }
      })
  return grow('', 0)
}

/** The department and every department below it. */
export function subtreeIds(list: Department[], rootId: string): Set<string> {
  const result = new Set<string>([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const department of list) {
      const id = String(department.ID)
      if (!result.has(id) && result.has(parentId(department))) {
        result.add(id)
        grew = true
      }
    }
  }
  return result
}

/** Depth-first order with depth, for indented selects. */
export function flatten(nodes: DepartmentNode[]): DepartmentNode[] {
  const out: DepartmentNode[] = []
  const walk = (list: DepartmentNode[]) => {
    for (const node of list) {
      out.push(node)
      walk(node.children)
    }
  }
  walk(nodes)
  return out
}
