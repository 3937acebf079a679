import { describe, expect, it } from 'vitest';
import { validatePack } from '../../utils/pack/validate';
describe('smoke', () => { it('rejects an empty object', () => { expect(validatePack({}).ok).toBe(false); }); });
