import { describe, expect, it } from 'vitest'
import { buildTree, flatten, subtreeIds } from './tree'
import { movedDepartments, userStatus } from './people'
import { parseEmails } from './emails'
import { toDateInput } from './dates'
import { escapeHtml } from './html'
import type { Department } from '../api/types'

const list: Department[] = [
  { ID: '1', NAME: 'Company', PARENT: '' },
  { ID: '2', NAME: 'Sales', PARENT: '1', SORT: 200 },
  { ID: '3', NAME: 'Marketing', PARENT: '1', SORT: 100 },
  { ID: '4', NAME: 'Retail', PARENT: '2' },
  { ID: '5', NAME: 'Orphan', PARENT: '99' },
]

describe('department tree', () => {
  it('nests departments under their parents, ordered by SORT', () => {
    const tree = buildTree(list)
    expect(tree.map((n) => n.department.NAME)).toEqual(['Company', 'Orphan'])
    expect(tree[0].children.map((n) => n.department.NAME)).toEqual(['Marketing', 'Sales'])
    expect(flatten(tree).map((n) => `${n.depth}:${n.department.ID}`)).toEqual([
      '0:1',
      '1:3',
      '1:2',
      '2:4',
      '0:5',
    ])
  })

  it('finds a department and everything below it', () => {
    expect([...subtreeIds(list, '2')].sort()).toEqual(['2', '4'])
    expect([...subtreeIds(list, '1')].sort()).toEqual(['1', '2', '3', '4'])
  })
})

describe('people helpers', () => {
  it('moves a person between departments and keeps the others', () => {
    expect(movedDepartments(['2'], '2', '3')).toEqual(['3'])
    expect(movedDepartments(['2', '4'], '2', '3')).toEqual(['4', '3'])
    expect(movedDepartments(['2', '3'], '2', '3')).toEqual(['3'])
  })

  it('tells invited and dismissed people apart', () => {
    expect(userStatus({ ACTIVE: true, INVITED: true })).toBe('invited')
    expect(userStatus({ ACTIVE: false, INVITED: false })).toBe('dismissed')
    expect(userStatus({ ACTIVE: true, INVITED: false })).toBe('active')
  })

  it('splits pasted e-mail lists', () => {
    expect(parseEmails('a@x.test, b@x.test;\nA@x.test  <c@x.test>')).toEqual([
      'a@x.test',
      'b@x.test',
      'c@x.test',
    ])
  })

  it('reads the date part of API dates', () => {
    expect(toDateInput('1990-05-31')).toBe('1990-05-31')
    expect(toDateInput('1990-05-31T00:00:00+03:00')).toBe('1990-05-31')
    expect(toDateInput('')).toBe('')
  })
})

describe('escapeHtml', () => {
  it('leaves no markup and no way out of an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co',
    )
  })
})
