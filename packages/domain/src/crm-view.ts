/**
 * What the registry's admin API sends, as the CRM server's views build it and the "Requests" page
 * reads it (types only). Instants are ISO strings (UTC); a booking's `date`/`time` are Kazakhstan's
 * wall clock; names are in the staff member's language.
 */
import type { RequestSource, RequestStatus, PersonKind, TemplateColumn } from './registry.ts';
import type { Service } from './slots.ts';
import type { Format } from './schedule.ts';

export type CrmRole = 'admin' | 'coordinator' | 'curator' | 'operator' | 'specialist' | 'none';

/** `GET /crm/me`: who the staff member is to the registry, what they may do and the choices they have. */
export type CrmMe = {
  role: CrmRole;
  scope: 'all' | 'region' | 'own';
  can: { intake: boolean; manage: boolean; complete: boolean; export: boolean };
  centres: Array<{ slug: string; name: string }>;
  regions: Array<{ code: string; name: string }>;
  specialists: Array<{ id: number; name: string; centre: string }>;
  services: readonly Service[];
  formats: readonly Format[];
  statuses: readonly RequestStatus[];
  sources: readonly RequestSource[];
};

/** A line of a request's history; `by.name` is a staff member's, filled in for staff only. */
export type RequestHistoryEntry = {
  at: string;
  by: { kind: 'user' | 'staff' | 'system' | 'call'; id?: number; name?: string };
  action: string;
  changes?: Record<string, unknown>;
  note?: string;
};

export type RequestView = {
  id: string;
  number: string;
  createdAt: string;
  source: RequestSource;
  status: RequestStatus;
  service: Service;
  format: Format;
  /** `id`: the user's or child's id (for their test results), none for a lead. */
  person: { kind: PersonKind; id: number | null; name: string; phone: string | null };
  region: { code: string; name: string } | null;
  centre: { slug: string; name: string } | null;
  specialist: { id: number; name: string } | null;
  booking: { id: string; status: string; start: string; date: string; time: string } | null;
  callId: string | null;
  wish: string | null;
  outcome: string | null;
  /** Sent with one request (`GET /crm/requests/:id` and the actions), not with a list. */
  history?: RequestHistoryEntry[];
};

export type RequestPage = { data: RequestView[]; meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } } };

/** A registered person with the phone searched for (`GET /crm/people`); `region` is its code. */
export type PhoneMatch = { id: string; name: string; region: string; children: Array<{ id: string; name: string }> };

/** An export template (`GET /crm/exports/templates`), the default one first. */
export type ExportTemplateView = { key: string; name: string; columns: TemplateColumn[]; isDefault: boolean };

/** What a bulk action did: `refused` names each request by the id it was sent as. */
export type BulkResult = { updated: number; refused: Array<{ id: string; message: string }> };
