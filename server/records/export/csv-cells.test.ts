import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from './csv-cells'

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('turns the formula %j into text', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('quotes commas, quotes and line breaks and leaves plain text alone', () => {
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('antwerpen')).toBe('antwerpen')
  })

  it('writes numbers as they are, negative ones included, and null as empty', () => {
    expect(csvLine([3, -1, null, '48+'])).toBe('3,-1,,48+\r\n')
  })
})
