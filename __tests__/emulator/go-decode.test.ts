// Go's error texts, which the emulator must reproduce byte for byte (checked against Go 1.24 behaviour).
import { goDecodeBase64, goUnmarshalObjectError } from '../../emulator/go-decode.js'
import { parseLabelSelector } from '../../emulator/selectors.js'

test.each([
  ['', 'unexpected end of JSON input'],
  ['x', "invalid character 'x' looking for beginning of value"],
  ['{', 'unexpected end of JSON input'],
  ['{"a":1}x', "invalid character 'x' after top-level value"],
  ['{a}', "invalid character 'a' looking for beginning of object key string"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
  ['[1 2]', "invalid character '2' after array element"],
  ["'", "invalid character '\\'' looking for beginning of value"],
  ['1.', "invalid character ' ' after decimal point in numeric literal"],
  ['[]', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
  ['"s"', 'json: cannot unmarshal string into Go value of type map[string]interface {}'],
  ['true', 'json: cannot unmarshal bool into Go value of type map[string]interface {}'],
  ['12', 'json: cannot unmarshal number into Go value of type map[string]interface {}'],
  ['null', undefined],
  [' {"auths":{"r":{"auth":"dTpw"}}}\n', undefined]
])('json.Unmarshal(%j) into a map', (input, expected) => {
  expect(goUnmarshalObjectError(Buffer.from(input))).toBe(expected)
})

test.each([
  ['YWJj', 'abc'],
  ['YQ==', 'a'],
  ['YWI=', 'ab'],
  ['YWJj\nYWJj', 'abcabc'],
  ['YW!j', 'illegal base64 data at input byte 2'],
  ['YWI', 'illegal base64 data at input byte 0'],
  ['YQ=', 'illegal base64 data at input byte 3'],
  ['YQ==x', 'illegal base64 data at input byte 4'],
  ['Y', 'illegal base64 data at input byte 0']
])('base64.StdEncoding.DecodeString(%j)', (input, expected) => {
  let result: string
  try {
    result = goDecodeBase64(input).toString('utf8')
  } catch (error) {
    result = (error as Error).message
  }
  expect(result).toBe(expected)
})

test('label selectors', () => {
  const object = (labels: Record<string, string>) => ({ metadata: { labels } })
  const matches = (selector: string, labels: Record<string, string>) => parseLabelSelector(selector)(object(labels))
  expect(matches('a=1,b!=2', { a: '1', b: '3' })).toBe(true)
  expect(matches('a=1,b!=2', { a: '1', b: '2' })).toBe(false)
  expect(matches('env in (prod, staging)', { env: 'staging' })).toBe(true)
  expect(matches('env notin (prod)', {})).toBe(true)
  expect(matches('!env', { env: 'x' })).toBe(false)
  expect(() => parseLabelSelector('a b c')).toThrow(/unable to parse requirement/)
})
