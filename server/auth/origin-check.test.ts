import { describe, expect, it } from 'vitest'
import { isSameOriginRequest } from './origin-check'

const config = { publicOrigin: 'https://ciatteh.example' }
const check = (headers: Record<string, string>) =>
  isSameOriginRequest(new Headers(headers), config)

describe('isSameOriginRequest', () => {
  it('accepts the public origin or a same-origin fetch', () => {
    expect(check({ Origin: 'https://ciatteh.example' })).toBe(true)
    expect(check({ 'Sec-Fetch-Site': 'same-origin' })).toBe(true)
  })

  it('refuses other origins, look-alikes, null and silence', () => {
    expect(check({ Origin: 'https://evil.example' })).toBe(false)
    expect(check({ Origin: 'https://ciatteh.example.evil.example' })).toBe(
      false,
    )
    expect(check({ Origin: 'http://ciatteh.example' })).toBe(false)
    expect(check({ Origin: 'null' })).toBe(false)
    expect(check({ 'Sec-Fetch-Site': 'same-site' })).toBe(false)
    expect(check({})).toBe(false)
  })
})
