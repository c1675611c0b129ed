import fc from 'fast-check';
import { isCheckDigit, mod11CheckDigit } from './mod11';

describe('mod11CheckDigit', () => {
  it('Given the worked example of child-protection.md (body 12345678), When computing its check digit, Then it is 5', () => {
    expect(mod11CheckDigit('12345678')).toBe('5');
  });

  it('Given bodies whose remainder maps to 10 and 11, When computing, Then the digits are K and 0', () => {
    expect(mod11CheckDigit('2320012345')).toBe('K'); // synthetic RUC body from the research notes
    expect(mod11CheckDigit('1700123456')).toBe('0');
    expect(mod11CheckDigit('0')).toBe('0');
  });

  it('Given anything but a string of digits, When computing, Then it is a programming error (RangeError)', () => {
    for (const bad of ['', '12a', ' 1', '-1', '1.0']) expect(() => mod11CheckDigit(bad)).toThrow(RangeError);
  });

  it('Given any digit string, When leading zeros are added, Then the check digit does not change', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{1,15}$/), fc.integer({ min: 1, max: 5 }), (digits, zeros) => {
      expect(mod11CheckDigit('0'.repeat(zeros) + digits)).toBe(mod11CheckDigit(digits));
    }));
  });

  it('Given any digit string, When computing, Then the result is one of 0–9 or K', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{1,20}$/), (digits) => {
      expect(isCheckDigit(mod11CheckDigit(digits))).toBe(true);
    }));
  });

  it('Given lower-case k or two characters, When asking isCheckDigit, Then they are not check digits', () => {
    expect(isCheckDigit('k')).toBe(false);
    expect(isCheckDigit('10')).toBe(false);
    expect(isCheckDigit('K')).toBe(true);
  });
});
