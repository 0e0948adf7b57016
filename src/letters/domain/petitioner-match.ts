import { foldVietnamese } from '../../common/domain/vietnamese-text.js';

/** The parts of a petitioner that identify them for duplicate detection (never shown in lists). */
export interface PetitionerIdentity {
  /** Căn cước number (12 digits), when given. */
  idNumber?: string | null;
  fullName: string;
  address?: string | null;
}

export type PetitionerMatch = 'id_number' | 'name_and_address' | null;

/**
 * Whether two petitioners are the same person: the same ID number, or — when either has none — the same
 * name and address once folded (diacritics, case and punctuation ignored).
 */
export function samePetitioner(a: PetitionerIdentity, b: PetitionerIdentity): PetitionerMatch {
  if (a.idNumber && b.idNumber) return a.idNumber === b.idNumber ? 'id_number' : null;
  if (!a.address || !b.address) return null;
  return foldVietnamese(a.fullName) === foldVietnamese(b.fullName) &&
    foldVietnamese(a.address) === foldVietnamese(b.address)
    ? 'name_and_address'
    : null;
}

/** The key under which a petitioner is indexed for the duplicate search (folded name + address). */
export function petitionerKey(p: PetitionerIdentity): string {
  return `${foldVietnamese(p.fullName)}|${foldVietnamese(p.address ?? '')}`;
}
