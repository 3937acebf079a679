import { describe, expect, it } from 'vitest';
import { pulledIn } from '../../../utils/content/dockPage';

// The geometry of docking is checked in a real browser (tests/e2e/dock.spec.ts); this is the rule.
describe('pulling a fixed box out from under a docked panel', () => {
  it('a bar across the page keeps its left edge and ends at the panel', () => {
    expect(pulledIn({ left: 0, right: 1280 }, 1280, 360)).toEqual({ left: '0px', right: '360px', width: 'auto' });
  });
  it('a drawer on the right edge keeps its width and moves left of the panel', () => {
    expect(pulledIn({ left: 1080, right: 1280 }, 1280, 360)).toEqual({ right: '360px' });
  });
  it('a box a little in from the right edge keeps that gap beside the panel', () => {
    expect(pulledIn({ left: 900, right: 1264 }, 1280, 400)).toEqual({ right: '416px' });
  });
});
