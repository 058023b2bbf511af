/**
 * Workgroups and projects (sonet_group.*), their people, and the group boards (task.stages.*
 * with entityId = the group), as the web client uses them (see ../../docs/api-groups.md).
 */
import { rest } from './rest'
import type { Stage } from './tasks'
import type { FileUpload } from './types'

export type YesNo = 'Y' | 'N'
/** A owner, E moderator, K member, Z pending (a request or an invitation). */
export type GroupRole = 'A' | 'E' | 'K' | 'Z'
/** Who adds people (INITIATE_PERMS) or moves cards (MOVE_PERMS). */
export type GroupPerms = 'A' | 'E' | 'K'

export interface Group {
  ID: string
  NAME: string
  DESCRIPTION: string
  DATE_CREATE: string
  DATE_UPDATE?: string
  DATE_ACTIVITY?: string
  ACTIVE?: YesNo
  VISIBLE: YesNo
  OPENED: YesNo
  CLOSED: YesNo
  OWNER_ID: string
  KEYWORDS?: string
  NUMBER_OF_MEMBERS: string | number
  INITIATE_PERMS: GroupPerms
  PROJECT: YesNo
  PROJECT_DATE_START: string | null
  PROJECT_DATE_FINISH: string | null
  IS_EXTRANET: YesNo
  /** The picture's id and address ('' without one). */
  IMAGE_ID?: string
  IMAGE?: string
  CURATORS: string[]
  CURATOR_ROLE: 'AUDITOR' | 'ACCOMPLICE'
  EXTRANET_TASKS: 'ALL' | 'OWN'
  MOVE_PERMS: GroupPerms
  /** The caller's role, or '' for none. */
  USER_ROLE: GroupRole | ''
}

export interface GroupMember {
  USER_ID: string
  ROLE: GroupRole
  /** For a pending row: U the person asked, G the group invited. */
  INITIATED_BY_TYPE: 'U' | 'G'
}

export interface MyGroup {
  GROUP_ID: string
  GROUP_NAME: string
  ROLE: GroupRole
  IS_EXTRANET: YesNo
  PROJECT: YesNo
}

/** A column of a group board, with Artel's rule for extranet members. */
export interface BoardStage extends Stage {
  EXTRANET_MOVE: YesNo
}

export type GroupFields = Partial<
  Pick<
    Group,
    | 'NAME'
    | 'DESCRIPTION'
    | 'VISIBLE'
    | 'OPENED'
    | 'CLOSED'
    | 'KEYWORDS'
    | 'INITIATE_PERMS'
    | 'PROJECT'
    | 'PROJECT_DATE_START'
    | 'PROJECT_DATE_FINISH'
    | 'IS_EXTRANET'
    | 'CURATORS'
    | 'CURATOR_ROLE'
    | 'EXTRANET_TASKS'
    | 'MOVE_PERMS'
  >
> & {
  /** A new picture as ["name", "<base64>"]; IMAGE_FILE_ID 0 removes the picture. */
  IMAGE?: FileUpload
  IMAGE_FILE_ID?: 0
}

export interface GroupPage {
  groups: Group[]
  total: number
  next?: number
}

export interface ClientInvite {
  EMAIL: string
  NAME?: string
  LAST_NAME?: string
}

const ids = (list: Array<string | number>) => list.map(Number)

export const groupsApi = {
  async list(
    filter: Record<string, unknown> = {},
    start = 0,
    order: Record<string, 'ASC' | 'DESC'> = { NAME: 'ASC' },
  ): Promise<GroupPage> {
    const r = await rest.call<Group[]>('sonet_group.get', { FILTER: filter, ORDER: order, start })
    return { groups: r.result ?? [], total: r.total ?? r.result?.length ?? 0, next: r.next }
  },
  /** One group, or null when it is missing or hidden from the caller (the same answer). */
  async get(id: string | number): Promise<Group | null> {
    const r = await rest.result<Group[]>('sonet_group.get', { FILTER: { ID: id } })
    return r?.[0] ?? null
  },
  create(fields: GroupFields): Promise<number> {
    return rest.result<number>('sonet_group.create', { ...fields })
  },
  update(id: string | number, fields: GroupFields): Promise<number> {
    return rest.result<number>('sonet_group.update', { GROUP_ID: id, ...fields })
  },
  remove(id: string | number): Promise<boolean> {
    return rest.result<boolean>('sonet_group.delete', { GROUP_ID: id })
  },
  members(id: string | number): Promise<GroupMember[]> {
    return rest.result<GroupMember[]>('sonet_group.user.get', { ID: id })
  },
  /** Adds people (or accepts their requests). */
  addMembers(id: string | number, userIds: Array<string | number>): Promise<string[]> {
    return rest.result<string[]>('sonet_group.user.add', { GROUP_ID: id, USER_ID: ids(userIds) })
  },
  /** Removes a member, rejects a request, withdraws an invitation, or leaves. */
  removeMember(id: string | number, userId: string | number): Promise<string[]> {
    return rest.result<string[]>('sonet_group.user.delete', {
      GROUP_ID: id,
      USER_ID: Number(userId),
    })
  },
  setRole(id: string | number, userId: string | number, role: 'E' | 'K'): Promise<boolean> {
    return rest.result<boolean>('sonet_group.user.update', {
      GROUP_ID: id,
      USER_ID: Number(userId),
      ROLE: role,
    })
  },
  /** Hands the group over: the person becomes its owner, the former owner a moderator. */
  setOwner(id: string | number, userId: string | number): Promise<boolean> {
    return rest.result<boolean>('sonet_group.setowner', { GROUP_ID: id, USER_ID: Number(userId) })
  },
  invite(id: string | number, userIds: Array<string | number>, message = ''): Promise<string[]> {
    return rest.result<string[]>('sonet_group.user.invite', {
      GROUP_ID: id,
      USER_ID: ids(userIds),
      ...(message ? { MESSAGE: message } : {}),
    })
  },
  /** Joins an open group, accepts an invitation, or asks to be let in. */
  request(id: string | number, message = ''): Promise<boolean> {
    return rest.result<boolean>('sonet_group.user.request', {
      GROUP_ID: id,
      ...(message ? { MESSAGE: message } : {}),
    })
  },
  mine(): Promise<MyGroup[]> {
    return rest.result<MyGroup[]>('sonet_group.user.groups')
  },
  /** An outside person, put into extranet groups and sent the invitation link. */
  inviteClient(groupIds: Array<string | number>, person: ClientInvite): Promise<number> {
    return rest.result<number>('user.add', {
      ...person,
      EXTRANET: 'Y',
      SONET_GROUP_ID: ids(groupIds),
    })
  },
  async stages(groupId: string | number): Promise<BoardStage[]> {
    const r = await rest.result<Record<string, BoardStage> | BoardStage[]>('task.stages.get', {
      entityId: Number(groupId),
    })
    return Object.values(r ?? {}).sort((a, b) => Number(a.SORT) - Number(b.SORT))
  },
  addStage(
    groupId: string | number,
    fields: { TITLE: string; COLOR?: string; AFTER_ID?: string; EXTRANET_MOVE?: YesNo },
  ): Promise<number> {
    return rest.result<number>('task.stages.add', {
      fields: { ...fields, ENTITY_ID: Number(groupId) },
    })
  },
  updateStage(
    id: string,
    fields: { TITLE?: string; COLOR?: string; AFTER_ID?: string; EXTRANET_MOVE?: YesNo },
  ): Promise<boolean> {
    return rest.result<boolean>('task.stages.update', { id, fields })
  },
  deleteStage(id: string): Promise<boolean> {
    return rest.result<boolean>('task.stages.delete', { id })
  },
}
