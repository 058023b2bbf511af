// Shared by the leak tests: an answer with the ids of the objects asked about and the times
// blanked, so that the answer about a hidden object can be compared with the one about a
// missing id. A value equal to one of the ids, or an id standing alone inside a text, becomes
// <ID>; `time` and `result_time` (the envelope's and batch's timings) are left out.
const ISO_DATE = /^\d{4}-\d\d-\d\d(T[0-9:.]+([+-]\d\d:\d\d|Z)?)?$/

export function blankedAnswer(r, ids) {
  const values = Object.values(ids).map(String)
  const blank = (v) => {
    if (typeof v === 'number' || typeof v === 'string') {
      if (values.includes(String(v))) return '<ID>'
      // A date is no id, though its month or day may read like a small one.
      if (typeof v === 'string' && ISO_DATE.test(v)) return v
      if (typeof v === 'string')
        for (const id of values) v = v.replace(new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'), '<ID>')
      return v
    }
    if (Array.isArray(v)) return v.map(blank)
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'time' && k !== 'result_time')
          .map(([k, x]) => [blank(k), blank(x)]),
      )
    return v
  }
  return { status: r.status, body: blank(r.body ?? null) }
}
