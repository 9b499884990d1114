import { encodeQuery, fieldEquals, odataLiteral, percentEncode } from '../../src/store/graph/odata';
import { parseEqualityFilter, parseLiteral } from '../fakes/graph/odata-filter';

describe('OData literal encoder', () => {
  test.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O''Brien'"],
    ["''", "''''''"],
    ['', "''"],
    ['say "hi" & <b>', `'say "hi" & <b>'`],
  ])('string %j → %s', (value, literal) => {
    expect(odataLiteral(value)).toBe(literal);
  });

  test('numbers, booleans and null', () => {
    expect(odataLiteral(2024)).toBe('2024');
    expect(odataLiteral(-1.5)).toBe('-1.5');
    expect(odataLiteral(true)).toBe('true');
    expect(odataLiteral(false)).toBe('false');
    expect(odataLiteral(null)).toBe('null');
    expect(() => odataLiteral(Number.NaN)).toThrow(RangeError);
    expect(() => odataLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  test('a filter on a column; column names are never user text', () => {
    expect(fieldEquals('SrStatus', "it's")).toBe("fields/SrStatus eq 'it''s'");
    expect(fieldEquals('SrStartYear', null)).toBe('fields/SrStartYear eq null');
    expect(() => fieldEquals('x eq 1 or fields/y', 1)).toThrow(RangeError);
  });

  test.each(["O'Brien", "''", "a'b''c'''", '%27 or 1 eq 1', "x' or fields/y eq 'z", '#&=?+/'])('round trip through the fake parser: %j', (value) => {
    expect(parseLiteral(odataLiteral(value))).toBe(value);
    expect(parseEqualityFilter(fieldEquals('SrKey', value))).toEqual({ column: 'SrKey', value });
  });

  test('the fake parser refuses an unescaped quote (what concatenation would produce)', () => {
    expect(() => parseLiteral("'O'Brien'")).toThrow();
    expect(() => parseEqualityFilter("fields/SrKey eq 'x' or fields/SrKey eq 'y'")).toThrow();
  });

  test('query values are fully percent-encoded, keys stay literal', () => {
    const query = encodeQuery({ $filter: fieldEquals('SrTitle', "a&b=c #d 100% 'e' +"), $top: 200, $skip: undefined });
    expect(query).toBe(`?$filter=${percentEncode("fields/SrTitle eq 'a&b=c #d 100% ''e'' +'")}&$top=200`);
    expect(query).not.toMatch(/[ '#+]|&b=/);
    expect(new URLSearchParams(query).get('$filter')).toBe("fields/SrTitle eq 'a&b=c #d 100% ''e'' +'");
  });
});
