/**
 * 统一社会信用代码 (GB 32100-2015) for government bodies: `1` (registered by 机构编制) `1` (机关),
 * the 6-digit division code of the registering authority, the 9-character 组织机构代码
 * (GB 11714, 8 characters plus its own check) and the GB 32100 check character.
 */
import { hash32 } from './random.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** A valid, deterministic code for a government body: the organisation code comes from a hash of `key`. */
export function governmentCreditCode(divisionCode: string, key: string): string {
  // Government organisation codes are numeric and commonly begin with 0 (e.g. 014500000).
  const body = '0' + String(hash32(key) % 10_000_000).padStart(7, '0');
  const first17 = `11${divisionCode}${body}${orgCodeCheck(body)}`;
  return first17 + creditCodeCheck(first17);
}
