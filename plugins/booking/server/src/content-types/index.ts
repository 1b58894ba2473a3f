/**
 * The plugin's content types. Specialists, exceptions and holidays are edited in the plugin's own
 * admin page (and are visible to super admins in the Content Manager); bookings change only through
 * the plugin's routes, which keep their history and the database's occupancy cells in step.
 */
const hidden = { 'content-type-builder': { visible: false }, i18n: { localized: false } };

const schema = (singularName: string, pluralName: string, displayName: string, description: string, attributes: Record<string, unknown>) => ({
  schema: {
    kind: 'collectionType',
    collectionName: `booking_${pluralName.replace(/-/g, '_')}`,
    info: { singularName, pluralName, displayName, description },
    options: { draftAndPublish: false },
    pluginOptions: hidden,
    attributes,
  },
});

/** Whom a booking or a waitlist place is for, and what is asked for where: the same columns in both. */
const person = {
  user: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' },
  child: { type: 'relation', relation: 'manyToOne', target: 'api::child.child' },
};
const asked = {
  centre: { type: 'string', required: true, maxLength: 80 },
  service: { type: 'enumeration', enum: ['consultation', 'testing'], required: true },
  format: { type: 'enumeration', enum: ['offline', 'online'], required: true },
};

export default {
  specialist: schema(
    'specialist',
    'specialists',
    'Specialist',
    'A psychologist or career counsellor who takes bookings: services, formats, weekly hours and slot timings.',
    {
      name: { type: 'string', required: true, maxLength: 80 },
      centre: { type: 'string', required: true, maxLength: 80, regex: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      staffProfile: { type: 'relation', relation: 'oneToOne', target: 'api::staff-profile.staff-profile' },
      services: { type: 'json', required: true },
      formats: { type: 'json', required: true },
      hours: { type: 'json', required: true },
      timings: { type: 'json', required: true },
      active: { type: 'boolean', default: true },
      isDemo: { type: 'boolean', default: false },
    },
  ),
  exception: schema('exception', 'exceptions', 'Schedule exception', 'Leave or closure (closed from–to) or one-off extra hours on a date.', {
    specialist: { type: 'relation', relation: 'manyToOne', target: 'plugin::booking.specialist' },
    kind: { type: 'enumeration', enum: ['closed', 'extra'], required: true },
    from: { type: 'date' },
    to: { type: 'date' },
    date: { type: 'date' },
    opens: { type: 'string', maxLength: 5 },
    closes: { type: 'string', maxLength: 5 },
    note: { type: 'string', maxLength: 200 },
  }),
  holiday: schema(
    'holiday',
    'holidays',
    'Public holiday',
    "Kazakhstan's public days off (no bookings). Seeded for this year and next; a moved or announced day off can be added here.",
    {
      date: { type: 'date', required: true, unique: true },
      key: { type: 'string', required: true, maxLength: 40 },
    },
  ),
  policy: schema('policy', 'policies', 'Centre booking policy', 'How a centre takes bookings: horizon, notices, confirmation, limits, formats.', {
    centre: { type: 'string', required: true, unique: true, maxLength: 80 },
    horizonDays: { type: 'integer', required: true, min: 1, max: 180, default: 30 },
    minNoticeMinutes: { type: 'integer', required: true, min: 0, max: 10080, default: 120 },
    changeNoticeMinutes: { type: 'integer', required: true, min: 0, max: 10080, default: 720 },
    autoConfirm: { type: 'boolean', default: false },
    maxFuturePerService: { type: 'integer', required: true, min: 1, max: 10, default: 2 },
    formats: { type: 'json', required: true },
    videoBase: { type: 'string', maxLength: 200 },
  }),
  booking: schema(
    'booking',
    'bookings',
    'Booking',
    'A consultation or test booked by a user for themselves or their child. Personal data: changes go through the booking routes.',
    {
      ...person,
      specialist: { type: 'relation', relation: 'manyToOne', target: 'plugin::booking.specialist' },
      ...asked,
      status: { type: 'enumeration', enum: ['requested', 'confirmed', 'completed', 'cancelled', 'no_show'], required: true },
      start: { type: 'datetime', required: true },
      end: { type: 'datetime', required: true },
      videoLink: { type: 'string', maxLength: 300, private: true },
      lead: { type: 'json', private: true },
      history: { type: 'json', required: true },
      isDemo: { type: 'boolean', default: false },
    },
  ),
  // A place on the waitlist (waitlist.ts): its status moves by conditional updates of `booking_waitlist`.
  'waitlist-entry': {
    schema: {
      ...schema(
        'waitlist-entry',
        'waitlist-entries',
        'Waitlist entry',
        'A user waiting for a free time of a centre, service and format between two dates. Personal data: changes go through the waitlist routes.',
        {
          ...person,
          ...asked,
          from: { type: 'date', required: true },
          to: { type: 'date', required: true },
          status: { type: 'enumeration', enum: ['waiting', 'offered', 'booked', 'lapsed', 'left'], required: true },
          history: { type: 'json', required: true },
        },
      ).schema,
      collectionName: 'booking_waitlist',
    },
  },
};
