import { describe, expect, it } from 'vitest'
import { arc } from './flow-layer'

describe('arc', () => {
  it('starts and ends at the two countries', () => {
    const points = arc([26, 45], [4, 50])

    expect(points[0]).toEqual([26, 45])
    expect(points.at(-1)?.[0]).toBeCloseTo(4)
    expect(points.at(-1)?.[1]).toBeCloseTo(50)
  })

  it('bows away from the straight line between them', () => {
    const points = arc([0, 0], [10, 0])
    const middle = points[Math.floor(points.length / 2)]

    expect(Math.abs(middle?.[1] ?? 0)).toBeGreaterThan(0.5)
  })
})
