/**
 * The plugin's admin HTTP API (README "Admin API") as typed calls. Every request names the admin's
 * language, so the server's error messages come back in the language the page is shown in (the
 * pages read them with the plugin kit's problemOf).
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  BookingStaffMe,
  BookingStatus,
  BookingView,
  Format,
  Service,
  SpecialistScheduleView,
  StaffBookingView,
  Timings,
  WorkingHours,
} from '@qabilet/domain';

export { FORMATS, SERVICES, type Format, type Service } from '@qabilet/domain';
export type Status = BookingStatus;
export type StaffAction = 'confirm' | 'complete' | 'no-show' | 'cancel';

/** A specialist as a page names one: the id the server sends, or as the address or a select carries it. */
export type SpecialistId = string | number;
/** What the API sends (packages/domain/src/booking-admin-view.ts), by the names the pages use. */
export type {
  BookingStaffMe as Me,
  ScheduleExceptionView as ScheduleException,
  SpecialistScheduleView as Schedule,
  StaffBookingView as StaffBooking,
  StaffSpecialist as SpecialistSummary,
} from '@qabilet/domain';

export const personName = (booking: StaffBookingView) => [booking.person.surname, booking.person.firstName].filter(Boolean).join(' ');

export type NewException =
  { kind: 'closed'; from: string; to: string; note?: string } | { kind: 'extra'; date: string; opens: string; closes: string; note?: string };

export type WeeklySchedule = {
  hours: WorkingHours[];
  /** Only the services offered need timings; the others may be missing. */
  timings: Timings;
  services: Service[];
  formats: Format[];
};

export function useBookingApi() {
  const { get, post, put, del } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    const specialistPath = (id: SpecialistId) => `/booking/specialists/${encodeURIComponent(String(id))}`;
    return {
      me: async () => (await get<{ data: BookingStaffMe }>('/booking/me', options)).data.data,
      bookings: async (query: { from: string; to: string; specialist?: SpecialistId }) =>
        (await get<{ data: StaffBookingView[] }>('/booking/bookings', { ...options, params: query })).data.data,
      act: async (id: string, action: StaffAction, reason?: string) =>
        (await post<{ data: BookingView }>(`/booking/bookings/${encodeURIComponent(id)}/${action}`, reason === undefined ? {} : { reason }, options)).data.data,
      schedule: async (id: SpecialistId) => (await get<{ data: SpecialistScheduleView }>(`${specialistPath(id)}/schedule`, options)).data.data,
      saveSchedule: async (id: SpecialistId, schedule: WeeklySchedule) =>
        (await put<{ data: SpecialistScheduleView }>(`${specialistPath(id)}/schedule`, schedule, options)).data.data,
      addException: async (id: SpecialistId, exception: NewException) =>
        (await post<{ data: SpecialistScheduleView }>(`${specialistPath(id)}/exceptions`, exception, options)).data.data,
      deleteException: async (id: SpecialistId, exceptionId: SpecialistScheduleView['exceptions'][number]['id']) =>
        del(`${specialistPath(id)}/exceptions/${encodeURIComponent(String(exceptionId))}`, options),
    };
  }, [get, post, put, del, locale]);
}
