import { describe, expect, it } from 'vitest';
import { formatAttributes, parseAttributes } from './attributes';

describe('product attributes', () => {
  it('reads one name: value per line, skipping blank lines and keeping colons in the value', () => {
    expect(parseAttributes('colour: brass\n\n  time:  12:30 \n')).toEqual({
      attributes: [
        { name: 'colour', value: 'brass' },
        { name: 'time', value: '12:30' },
      ],
    });
  });

  it('names the line that has no name, no value or a repeated name', () => {
    expect(parseAttributes('colour: brass\nwattage').error).toBe('Line 2: write each attribute as name: value.');
    expect(parseAttributes(': brass').error).toBe('Line 1: write each attribute as name: value.');
    expect(parseAttributes('colour: brass\nColour: red').error).toBe('Line 2: "Colour" is already given.');
  });

  it('writes them back the way it reads them', () => {
    const attributes = [{ name: 'colour', value: 'brass' }, { name: 'weight', value: '2 kg' }];
    expect(parseAttributes(formatAttributes(attributes)).attributes).toEqual(attributes);
  });
});
