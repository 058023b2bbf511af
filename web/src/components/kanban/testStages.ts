import type { Stage } from '../../api/tasks'

/** Columns for the boards' unit tests: one per id, in that order, of one person or group. */
export function testStages(
  ids: string[],
  owner: Pick<Stage, 'ENTITY_ID' | 'ENTITY_TYPE'>,
): Stage[] {
  return ids.map((ID, i) => ({
    ID,
    TITLE: `Column ${ID}`,
    SORT: String((i + 1) * 100),
    COLOR: '00C4FB',
    // My Plan's first column is the system one that takes unplaced tasks.
    SYSTEM_TYPE: i === 0 && owner.ENTITY_TYPE === 'U' ? 'NEW' : null,
    ...owner,
  }))
}
