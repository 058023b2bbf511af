// Assertions on Bitrix24 envelopes, shared by the API and compatibility tests.
import assert from 'node:assert/strict'

import { show } from './rest.mjs'

// date('c') of PHP: 2024-08-29T10:34:19+03:00
export const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/

// The `time` object Bitrix24 puts on every success (clients such as the JS SDK need it).
export function assertTime(time, context = '') {
  assert.ok(time && typeof time === 'object', `time is missing ${context}`)
  for (const key of ['start', 'finish', 'duration', 'processing']) {
    assert.equal(
      typeof time[key],
      'number',
      `time.${key} must be a number ${context}: ${JSON.stringify(time)}`,
    )
    assert.ok(Number.isFinite(time[key]) && time[key] >= 0, `time.${key} ${context}`)
  }
  const now = Date.now() / 1000
  assert.ok(
    Math.abs(time.start - now) < 300,
    `time.start is Unix seconds ${context}: ${time.start}`,
  )
  assert.ok(time.finish >= time.start, `time.finish >= time.start ${context}`)
  for (const key of ['date_start', 'date_finish']) {
    assert.match(String(time[key]), ISO_WITH_OFFSET, `time.${key} ${context}`)
  }
}

// A success envelope: HTTP 200, `result`, `time`; returns the result.
export function ok(r) {
  assert.equal(r.status, 200, show(r))
  assert.ok(r.body && typeof r.body === 'object', `not JSON: ${show(r)}`)
  assert.ok(!('error' in r.body), `unexpected error: ${show(r)}`)
  assert.ok('result' in r.body, `no result: ${show(r)}`)
  assertTime(r.body.time, show(r))
  return r.body.result
}

// An error envelope with the given HTTP status and Bitrix24 code (code may be a RegExp or a list).
export function fails(r, status, code) {
  assert.equal(r.status, status, `expected HTTP ${status} ${code ?? ''}, got ${show(r)}`)
  assert.ok(r.body && typeof r.body === 'object', `error answer is not JSON: ${show(r)}`)
  assert.equal(typeof r.body.error, 'string', `no error code: ${show(r)}`)
  if (code instanceof RegExp) assert.match(r.body.error, code, show(r))
  else if (Array.isArray(code))
    assert.ok(code.includes(r.body.error), `expected one of ${code}: ${show(r)}`)
  else if (code !== undefined) assert.equal(r.body.error, code, show(r))
  assert.equal(typeof r.body.error_description, 'string', `no error_description: ${show(r)}`)
  assert.ok(r.body.error_description.trim().length > 0, `empty error_description: ${show(r)}`)
  assert.ok(!('result' in r.body), `an error carries no result: ${show(r)}`)
  assert.ok(!('time' in r.body), `an error carries no time: ${show(r)}`)
  return r.body
}

// A list answer: result array, total a number; returns the rows.
export function okList(r) {
  const rows = ok(r)
  assert.ok(Array.isArray(rows), `result must be an array: ${show(r)}`)
  return rows
}

// A 1×1 transparent PNG.
export const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

let unique = 0
// A unique e-mail address for a test person.
export function email(tag = 'person') {
  return `${tag}-${process.pid}-${++unique}@example.test`
}
