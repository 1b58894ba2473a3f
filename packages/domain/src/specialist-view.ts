/**
 * What the specialist card sends to the admin (types only): the specialists a staff member reaches,
 * and one specialist's card — their personal data as the staff profile holds them, their private
 * documents (listed here, their bytes served one by one), the people they consulted, and their
 * consultation journal's figures.
 */
import type { DocumentKind, DocumentType } from './specialist-document.ts';

export type SpecialistListItem = {
  /** The booking plugin's specialist id: the card's id in admin URLs. */
  id: number;
  name: string;
  position: string | null;
  /** The centre's slug and name (in the page's language). */
  centre: { slug: string; name: string };
  region: string | null;
  /** This is the staff member's own card. */
  mine: boolean;
};

export type SpecialistList = { data: SpecialistListItem[] };

export type SpecialistDocument = {
  id: number;
  kind: DocumentKind;
  /** Diplomas, certificates and awards: what, from whom, when. */
  title: string | null;
  issuer: string | null;
  year: number | null;
  /** The safe name it is served under. */
  filename: string;
  type: DocumentType;
  size: number;
  uploadedAt: string;
};

/**
 * A person the specialist consulted (a completed booking) or whose talent they confirmed, as far
 * as the viewer's scope reaches.
 */
export type ConsultedPerson = {
  /** The registry's id (the person's card), and name. */
  id: number;
  name: string;
  consultations: number;
  lastConsultationAt: string | null;
  /** Talent entries of this person the specialist confirmed. */
  confirmations: number;
};

export type SpecialistCard = SpecialistListItem & {
  email: string | null;
  active: boolean;
  documents: SpecialistDocument[];
  consulted: ConsultedPerson[];
  /** Completed bookings, and the journal's entries for them when the journal is installed (null otherwise). */
  journal: { completed: number; entries: number | null };
  can: { upload: boolean; remove: boolean; export: boolean };
  /** What an upload may be: its types (by their bytes) and its largest size in bytes. */
  limits: { types: DocumentType[]; maxBytes: number };
};
