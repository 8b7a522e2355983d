import { isPlaceholder } from '../protocol/load';
import type { Clinic } from '../protocol/types';

/** The clinic's name, unless the clinic file still holds the template's placeholder. */
export const clinicName = (c: Clinic): string | undefined => (isPlaceholder(c.name) ? undefined : c.name);

/** The clinic's phone, unless it is still a placeholder: a made-up number is never spoken. */
export const clinicPhone = (c: Clinic): string | undefined => (isPlaceholder(c.phone) ? undefined : c.phone);

/** "Call Bright Skin Clinic at 555-0100." — nothing while the phone is a placeholder. */
export function callClinic(c: Clinic): string | undefined {
  const phone = clinicPhone(c);
  return phone ? `Call ${clinicName(c) ?? 'your clinic'} at ${phone}.` : undefined;
}
