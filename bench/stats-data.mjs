// The stats bench's data set (bench/stats.mjs), written set-based by SQL (generate_series,
// INSERT … SELECT) straight into the tables the rollups read, in one transaction on one connection
// seeded with setseed(): the same rows on every run. A year of days back from today (bookings up to
// 20 days ahead). People live in the 20 region codes of the database in proportion to their
// population (so most activity is in the big cities and Turkistan), half of them in the region's
// administrative centre; a fifth are children (their parent the user before them), a twentieth
// callers known only to the CRM. Activity per person is skewed (a few people take many tests).
// Partners' and desktop results and the items' answers are a share of the attempts (answers for a
// sample only: 50 million answer rows are out of reach here).

/** Population in thousands (2024), by ISO 3166-2 code: the weight of each region. */
const POPULATION = {
  'KZ-10': 600,
  'KZ-11': 790,
  'KZ-15': 930,
  'KZ-19': 1530,
  'KZ-23': 700,
  'KZ-27': 690,
  'KZ-31': 1230,
  'KZ-33': 700,
  'KZ-35': 1130,
  'KZ-39': 830,
  'KZ-43': 830,
  'KZ-47': 770,
  'KZ-55': 750,
  'KZ-59': 530,
  'KZ-61': 2100,
  'KZ-62': 220,
  'KZ-63': 720,
  'KZ-71': 1450,
  'KZ-75': 2250,
  'KZ-79': 1230,
};
/** Typical minutes per test (log-normal around it), by the test's kind. */
const MINUTES = { interests: 15, primary: 10, 'soft-skills': 12, profession: 7 };
const TALENT_DOMAINS = [
  'interest:investigative',
  'interest:artistic',
  'interest:social',
  'soft:communication',
  'soft:creativity',
  'profession:software-developer',
];

/** What the data set is made of, from the seeded database: regions, localities, centres, specialists, tests. */
async function catalogue(strapi) {
  const knex = strapi.db.connection;
  const regions = (await knex('regions').distinct('code').whereNotNull('code')).map((r) => r.code).filter((c) => POPULATION[c]);
  const localities = (
    await knex('localities as l')
      .join('localities_region_lnk as lr', 'lr.locality_id', 'l.id')
      .join('regions as r', 'r.id', 'lr.region_id')
      .where('l.locale', 'kk')
      .select('l.key', 'r.code', 'l.admin_centre')
      .orderBy('l.key')
  ).filter((l) => l.key);
  const centres = await strapi.db
    .query('api::centre.centre')
    .findMany({ where: { locale: 'kk' }, select: ['slug'], populate: { region: { select: ['code'] }, regions: { select: ['code'] } } });
  const servedBy = (code) =>
    centres.find((c) => c.region?.code === code)?.slug ?? centres.find((c) => c.regions?.some((r) => r.code === code))?.slug ?? centres[0].slug;
  const versions = await knex('assessment_versions').where({ active: true }).select('id', 'test_slug', 'kind', 'definition').orderBy('test_slug');
  const tests = versions.map((v) => {
    const d = JSON.parse(v.definition);
    return {
      slug: v.test_slug,
      version_id: v.id,
      primary_test: v.kind === 'primary',
      minutes: MINUTES[v.kind] ?? 10,
      scales: d.scales.map((s) => s.key),
      items: d.sections.flatMap((s) => (s.items ?? []).map((i) => i.key)),
    };
  });
  const specialists = await knex('booking_specialists').select('id', 'centre').orderBy('id');
  return { regions, localities, centres: centres.map((c) => c.slug), servedBy, tests, specialists };
}

const count = (n) => Number(n).toLocaleString('en');

/**
 * Fills the sources: `people` in the registry (with their users, children and parents' links),
 * `attempts` finished site attempts (their answers for `answerShare` of them), statements from
 * partners and desktop imports (`statementShare` of the attempts' number), `bookings` with their
 * user/child/specialist links, CRM requests, written recommendations and talent entries.
 * `staffOf` maps a centre to its bench specialist's admin id (recommendations' authors).
 * Answers what was written, by table.
 */
export async function fillStatsSources(strapi, { people, attempts, bookings, requests, notes, answerShare, statementShare, staffOf }) {
  const c = await catalogue(strapi);
  const knex = strapi.db.connection;
  const DAY = 86_400_000;
  const today = new Date(`${new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+05:00`).getTime();
  const max = async (table) => Number((await knex(table).max({ m: 'id' }).first()).m ?? 0);
  const base = { user: (await max('up_users')) + 1000, child: (await max('children')) + 1000, booking: (await max('booking_bookings')) + 1000 };
  const total = Object.values(POPULATION).reduce((a, b) => a + b, 0);
  let lo = 0;
  const regionRows = c.regions.map((code) => {
    const w = POPULATION[code] / total;
    const own = c.localities.filter((l) => l.code === code);
    const row = { code, lo, hi: lo + w, centre: c.servedBy(code), nloc: own.length, admin_key: own.find((l) => l.admin_centre)?.key ?? own[0]?.key ?? null };
    lo += w;
    return row;
  });
  regionRows.at(-1).hi = 1.000001;
  const localityRows = c.regions.flatMap((code) => c.localities.filter((l) => l.code === code).map((l, idx) => ({ code, idx, key: l.key })));
  const general = c.tests.filter((t) => !t.primary_test);
  let tlo = 0;
  const testRows = c.tests.map((t) => {
    const w = t.primary_test ? 0 : t.slug.startsWith('profession') ? 0.3 / general.filter((g) => g.slug.startsWith('profession')).length : 0.35;
    const row = { ...t, lo: tlo, hi: tlo + w };
    tlo += w;
    return row;
  });
  const spec = c.centres.flatMap((centre) => c.specialists.filter((s) => s.centre === centre).map((s, idx) => ({ centre, idx, id: s.id })));
  const centreRows = c.centres.map((slug) => ({ slug, nspec: spec.filter((s) => s.centre === slug).length, admin_id: staffOf[slug] ?? null }));
  const last = testRows.findLast((t) => t.hi > t.lo);
  if (last) last.hi = 1.000001;
  const written = {};
  const statements = Math.round(attempts * statementShare);
  const every = Math.max(1, Math.round(1 / answerShare));
  const todayUtc = `(to_timestamp(${today / 1000}) AT TIME ZONE 'UTC')`;
  const otherCentre = `(ARRAY[${c.centres.map((slug) => `'${slug}'`).join(', ')}])`;

  await knex.transaction(async (trx) => {
    const run = (sql, bindings = {}) => trx.raw(sql, bindings);
    const table = (name, rows, columns) =>
      run(`CREATE TEMP TABLE ${name} ON COMMIT DROP AS SELECT * FROM json_to_recordset(:rows::json) AS x(${columns})`, { rows: JSON.stringify(rows) });
    await run('SELECT setseed(0.19)');
    await table('bench_region', regionRows, 'code text, lo float8, hi float8, centre text, nloc int, admin_key text');
    await table('bench_locality', localityRows, 'code text, idx int, key text');
    await table('bench_test', testRows, 'slug text, version_id int, primary_test bool, minutes float8, scales text[], items text[], lo float8, hi float8');
    await table('bench_centre', centreRows, 'slug text, nspec int, admin_id int');
    await table('bench_specialist', spec, 'centre text, idx int, id int');

    // People: a family (every five) shares a region and locality; n % 5 = 0 a child of user n − 1.
    await run(`CREATE TEMP TABLE bench_family ON COMMIT DROP AS
      SELECT f, random() AS rr, random() AS rl, random() AS rl2 FROM generate_series(0, ${people} / 5 + 1) f`);
    await run(`CREATE TEMP TABLE bench_people ON COMMIT DROP AS
      WITH q AS (SELECT n, (n + 1) / 5 AS f, random() AS ra, random() AS rt FROM generate_series(1, ${people}) n)
      SELECT q.n,
        CASE WHEN q.n % 5 = 0 THEN 'child' WHEN q.n % 20 = 1 THEN 'lead' ELSE 'user' END AS kind,
        CASE WHEN q.n % 5 = 0 THEN ${base.user} + q.n - 1 WHEN q.n % 20 = 1 THEN NULL ELSE ${base.user} + q.n END AS user_id,
        CASE WHEN q.n % 5 = 0 THEN ${base.child} + q.n END AS child_id,
        CASE WHEN q.n % 5 = 0 THEN 'c:' || (${base.child} + q.n) WHEN q.n % 20 = 1 THEN 'l:77' || lpad(q.n::text, 9, '0') ELSE 'u:' || (${base.user} + q.n) END AS person_key,
        '+77' || lpad(q.n::text, 9, '0') AS phone,
        r.code AS region, r.centre,
        CASE WHEN fam.rl < 0.5 THEN r.admin_key ELSE coalesce(l.key, r.admin_key) END AS locality,
        CASE WHEN q.n % 5 = 0 THEN 7 + floor(q.ra * 11) WHEN q.n % 5 = 4 THEN 30 + floor(q.ra * 22)
             WHEN q.rt < 0.7 THEN 12 + floor(q.ra * 7) ELSE 17 + floor(q.ra * 8) END::int AS age,
        CASE WHEN q.n % 5 = 0 THEN 'pupil' WHEN q.n % 5 = 4 THEN 'parent' WHEN q.rt < 0.7 THEN 'pupil' ELSE 'student' END AS user_type
      FROM q JOIN bench_family fam ON fam.f = q.f
      JOIN bench_region r ON fam.rr >= r.lo AND fam.rr < r.hi
      LEFT JOIN bench_locality l ON l.code = r.code AND l.idx = floor(fam.rl2 * r.nloc)::int`);
    await run(`ALTER TABLE bench_people ADD COLUMN birth date, ADD COLUMN an int`);
    await run(`UPDATE bench_people SET birth = (${todayUtc} - make_interval(years => age) - random() * interval '364 days')::date`);
    // The people with results (not callers), numbered 1…; the lower the number, the more they do.
    await run(
      `UPDATE bench_people b SET an = s.an FROM (SELECT n, row_number() OVER (ORDER BY n) AS an FROM bench_people WHERE kind <> 'lead') s WHERE s.n = b.n`,
    );
    for (const sql of [
      'CREATE INDEX ON bench_people (an)',
      'CREATE INDEX ON bench_people (n)',
      'CREATE INDEX ON bench_people (person_key)',
      'ANALYZE bench_people',
    ])
      await run(sql);

    await run(`INSERT INTO up_users (id, document_id, username, email, provider, confirmed, blocked, surname, first_name, gender, birth_date, region,
        locality, phone, phone_verified, education, user_type, language, created_at, updated_at, published_at)
      SELECT user_id, substr(md5('u' || n), 1, 24), 'bench' || n, 'bench' || n || '@example.kz', 'local', true, false, 'Бенчмарк', 'Тест',
        CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, birth, region, locality, phone, true, 'school-11', user_type, 'kk', now(), now(), now()
      FROM bench_people WHERE kind = 'user'`);
    await run(`INSERT INTO children (id, document_id, surname, first_name, gender, birth_date, region, locality, education, created_at, updated_at, published_at)
      SELECT child_id, substr(md5('c' || n), 1, 24), 'Бенчмарк', 'Бала', 'female', birth, region, locality, 'school-9', now(), now(), now()
      FROM bench_people WHERE kind = 'child'`);
    await run(`INSERT INTO children_parent_lnk (child_id, user_id) SELECT child_id, user_id FROM bench_people WHERE kind = 'child'`);
    await run(`INSERT INTO talent_people (person_key, kind, user_id, child_id, surname, first_name, phone, email, birth_date, region, locality,
        education, user_type, consent, services, last_activity_at, talent_status, search, updated_at)
      SELECT person_key, kind, user_id, child_id, 'Бенчмарк', 'Тест', phone, CASE WHEN kind = 'user' THEN 'bench' || n || '@example.kz' END,
        to_char(birth, 'YYYY-MM-DD'), region, locality, 'school-11', user_type, 'given', ',test,booking,', ${today}, 'none',
        'бенчмарк тест ' || phone, ${today}
      FROM bench_people`);
    await run(`INSERT INTO talent_person_regions (person_id, region) SELECT t.id, b.region FROM talent_people t JOIN bench_people b ON b.person_key = t.person_key
      WHERE b.region IS NOT NULL ON CONFLICT DO NOTHING`);
    await run(`INSERT INTO talent_person_centres (person_id, centre) SELECT t.id, b.centre FROM talent_people t JOIN bench_people b ON b.person_key = t.person_key
      WHERE b.n % 5 < 2 ON CONFLICT DO NOTHING`);
    written.people = people;

    // Finished site attempts: a person by a skewed draw, the test by age and weight, a log-normal duration.
    const active = Number((await run(`SELECT count(*) AS n FROM bench_people WHERE an IS NOT NULL`)).rows[0].n);
    await run(`CREATE TEMP TABLE bench_attempt ON COMMIT DROP AS
      SELECT g, 1 + floor(${active} * power(random(), 1.7))::int AS an, random() AS rt, floor(random() * 365)::int AS d, random() AS rh,
        sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z, random() AS rout
      FROM generate_series(1, ${attempts}) g`);
    await run(`INSERT INTO assessment_attempts (version_id, test_slug, user_id, child_id, person_key, status, age, extra_time, started_at, finished_at, last_seq, result)
      SELECT t.version_id, t.slug, p.user_id, p.child_id, p.person_key, 'finished', greatest(6, p.age - a.d / 365), 0,
        x.finished - x.seconds * 1000, x.finished, cardinality(t.items),
        json_build_object('score', json_build_object(
            'scales', (SELECT json_agg(json_build_object('scale', s, 'raw', 0, 'min', 0, 'max', 0, 'percent', round((random() * 100)::numeric, 1))) FROM unnest(t.scales) s),
            'answered', cardinality(t.items), 'total', cardinality(t.items), 'itemTimeMs', x.seconds * 900, 'late', json_build_array()),
          'items', json_build_array(), 'durationMs', x.seconds * 1000)::text
      FROM bench_attempt a
      JOIN bench_people p ON p.an = a.an
      JOIN bench_test t ON t.slug = CASE WHEN p.age < 12 AND EXISTS (SELECT 1 FROM bench_test WHERE primary_test) THEN (SELECT slug FROM bench_test WHERE primary_test LIMIT 1)
        ELSE (SELECT slug FROM bench_test WHERE a.rt >= lo AND a.rt < hi LIMIT 1) END
      CROSS JOIN LATERAL (SELECT ${today}::bigint - a.d * ${DAY}::bigint + round((9 + a.rh * 12) * 3600000)::bigint AS finished,
        round(t.minutes * 60 * exp(0.45 * a.z) * CASE WHEN a.rout < 0.01 THEN 5 ELSE 1 END)::bigint AS seconds) x
      ORDER BY a.g`);
    written.attempts = Number((await run(`SELECT count(*) AS n FROM assessment_attempts WHERE status = 'finished'`)).rows[0].n);
    await run(`INSERT INTO assessment_answers (attempt_id, item_key, value, seq, time_ms, answered_at, received_at)
      SELECT a.id, i.item, '3', i.ord, round(8000 * exp(0.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::int, a.finished_at, a.finished_at
      FROM assessment_attempts a JOIN bench_test t ON t.slug = a.test_slug CROSS JOIN LATERAL unnest(t.items) WITH ORDINALITY AS i(item, ord)
      WHERE a.status = 'finished' AND a.id % ${every} = 0`);
    written.answers = Number((await run(`SELECT count(*) AS n FROM assessment_answers`)).rows[0].n);
    written.answered = Number((await run(`SELECT count(DISTINCT attempt_id) AS n FROM assessment_answers`)).rows[0].n);

    // Results from partners (7 in 10) and the centres' desktop imports, for users and children.
    await run(`INSERT INTO assessment_statements (id, person_key, user_id, child_id, source_kind, source_id, source_name, test_key, statement, timestamp, stored_at)
      SELECT md5('statement' || g)::uuid::text, p.person_key, p.user_id, p.child_id, s.kind, s.source, s.name, t.slug,
        json_build_object('id', md5('statement' || g)::uuid, 'actor', json_build_object('objectType', 'Agent', 'account', json_build_object('name', p.person_key)),
          'verb', json_build_object('id', 'http://adlnet.gov/expapi/verbs/completed'),
          'object', json_build_object('objectType', 'Activity', 'id', 'bench:' || t.slug),
          'result', json_build_object('completion', true, 'extensions', json_build_object('https://qabilet.kz/xapi/extensions/scales',
            (SELECT json_agg(json_build_object('scale', sc, 'score', round((random() * 100)::numeric, 1), 'raw', 0, 'min', 0, 'max', 100)) FROM unnest(t.scales) sc))),
          'timestamp', to_char(to_timestamp(x.at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
        x.at, x.at
      FROM (SELECT g, 1 + floor(${active} * power(random(), 1.7))::int AS an, random() AS rk, random() AS rt, floor(random() * 365)::int AS d, random() AS rh
            FROM generate_series(1, ${statements}) g) q
      JOIN bench_people p ON p.an = q.an
      JOIN bench_test t ON t.slug = (SELECT slug FROM bench_test WHERE q.rt >= lo AND q.rt < hi LIMIT 1)
      CROSS JOIN LATERAL (SELECT CASE WHEN q.rk < 0.7 THEN 'partner' ELSE 'desktop' END AS kind, CASE WHEN q.rk < 0.7 THEN 1 + floor(q.rk * 4)::int ELSE 10 END AS source,
        CASE WHEN q.rk < 0.7 THEN 'Bench partner ' || (1 + floor(q.rk * 4)::int) ELSE 'Desktop ' || p.centre END AS name) s
      CROSS JOIN LATERAL (SELECT ${today}::bigint - q.d * ${DAY}::bigint + round((9 + q.rh * 12) * 3600000)::bigint AS at) x`);
    written.statements = Number((await run(`SELECT count(*) AS n FROM assessment_statements`)).rows[0].n);

    // Bookings: most in the past (completed, cancelled, no-show…), some up to 20 days ahead.
    await run(`CREATE TEMP TABLE bench_booking ON COMMIT DROP AS
      SELECT ${base.booking} + b.g AS id, p.user_id, p.child_id, b.service, b.format, b.start,
        CASE WHEN b.rc < 1.0 / 12 THEN ${otherCentre}[1 + floor(b.rc * 12 * ${c.centres.length})::int] ELSE p.centre END AS centre,
        b.start - (1 + floor(random() * 21)) * interval '1 day' + random() * interval '8 hours' AS created,
        CASE WHEN b.start > ${todayUtc}
          THEN CASE WHEN b.rs < 0.4 THEN 'requested' WHEN b.rs < 0.9 THEN 'confirmed' ELSE 'cancelled' END
          ELSE CASE WHEN b.rs < 0.6 THEN 'completed' WHEN b.rs < 0.75 THEN 'cancelled' WHEN b.rs < 0.85 THEN 'no_show' WHEN b.rs < 0.95 THEN 'confirmed' ELSE 'requested' END
        END AS status, b.rsp
      FROM (SELECT g, 1 + floor(${active} * power(random(), 1.5))::int AS an, CASE WHEN random() < 0.65 THEN 'consultation' ELSE 'testing' END AS service,
              CASE WHEN random() < 0.4 THEN 'online' ELSE 'offline' END AS format, random() AS rs, random() AS rsp, random() AS rc,
              ${todayUtc} + (20 - floor(random() * 355)) * interval '1 day' + (9 + floor(random() * 9)) * interval '1 hour' AS start
            FROM generate_series(1, ${bookings}) g) b
      JOIN bench_people p ON p.an = b.an`);
    // The booking's specialist: one of its centre's.
    await run(`ALTER TABLE bench_booking ADD COLUMN specialist_id int`);
    await run(`UPDATE bench_booking b SET specialist_id = s.id FROM bench_centre c, bench_specialist s
      WHERE c.slug = b.centre AND s.centre = b.centre AND s.idx = floor(b.rsp * c.nspec)::int`);
    await run(`INSERT INTO booking_bookings (id, document_id, centre, service, format, status, start, "end", history, is_demo, created_at, updated_at, published_at)
      SELECT id, substr(md5('b' || id), 1, 24), centre, service, format, status, start, start + interval '1 hour', '[]'::jsonb, false, created, created, created
      FROM bench_booking ORDER BY id`);
    await run(`INSERT INTO booking_bookings_user_lnk (booking_id, user_id) SELECT id, user_id FROM bench_booking WHERE user_id IS NOT NULL ORDER BY id`);
    await run(`INSERT INTO booking_bookings_child_lnk (booking_id, child_id) SELECT id, child_id FROM bench_booking WHERE child_id IS NOT NULL ORDER BY id`);
    await run(
      `INSERT INTO booking_bookings_specialist_lnk (booking_id, specialist_id) SELECT id, specialist_id FROM bench_booking WHERE specialist_id IS NOT NULL ORDER BY id`,
    );
    written.bookings = bookings;

    // CRM requests (callers among them), recommendations by the centre's specialist, talent entries.
    await run(`INSERT INTO crm_requests (document_id, source, status, service, format, person_kind, user_id, child_id, lead_name, phone, region, centre, history, is_demo,
        created_at, updated_at, published_at)
      SELECT substr(md5('r' || g), 1, 24), CASE WHEN q.rs < 0.6 THEN 'site' ELSE 'call_centre' END,
        (ARRAY['open', 'booked', 'confirmed', 'completed', 'completed', 'completed', 'cancelled', 'no_show', 'no_answer'])[1 + floor(q.rst * 9)::int],
        CASE WHEN q.rv < 0.7 THEN 'consultation' ELSE 'testing' END, CASE WHEN q.rf < 0.6 THEN 'offline' ELSE 'online' END,
        p.kind, CASE WHEN p.kind <> 'lead' THEN p.user_id END, p.child_id, CASE WHEN p.kind = 'lead' THEN 'Bench' END, CASE WHEN p.kind = 'lead' THEN p.phone END,
        p.region, p.centre, '[]'::jsonb, false, q.at, q.at, q.at
      FROM (SELECT g, 1 + floor(${people} * power(random(), 1.5))::int AS n, random() AS rs, random() AS rst, random() AS rv, random() AS rf,
              ${todayUtc} - random() * interval '365 days' AS at FROM generate_series(1, ${requests}) g) q
      JOIN bench_people p ON p.n = q.n`);
    written.requests = requests;
    await run(
      `INSERT INTO assessment_notes (person_key, user_id, author_id, author_name, text, professions, created_at)
      SELECT p.person_key, p.user_id, c.admin_id, 'Bench specialist', 'Bench recommendation', '[]',
        ${today}::bigint - floor(q.d * 365)::bigint * ${DAY} + round((9 + q.rh * 10) * 3600000)::bigint
      FROM (SELECT g, 1 + floor(${active} * power(random(), 1.5))::int AS an, random() AS d, random() AS rh FROM generate_series(1, ${notes}) g) q
      JOIN bench_people p ON p.an = q.an JOIN bench_centre c ON c.slug = p.centre WHERE c.admin_id IS NOT NULL`,
      { active },
    );
    written.notes = Number((await run(`SELECT count(*) AS n FROM assessment_notes`)).rows[0].n);
    await run(`INSERT INTO talent_entries (person_id, person_key, domain, status, strength, trend, evidence, rules_version, updated_at)
      SELECT t.id, t.person_key, d.domain, CASE WHEN random() < 0.7 THEN 'candidate' ELSE 'confirmed' END, 60 + floor(random() * 40)::int, 'flat', '{}', 1,
        ${today}::bigint - floor(random() * 365)::bigint * ${DAY}
      FROM talent_people t JOIN bench_people p ON p.person_key = t.person_key
      CROSS JOIN LATERAL (SELECT (ARRAY[${TALENT_DOMAINS.map((d) => `'${d}'`).join(', ')}])[1 + (p.n / 25) % ${TALENT_DOMAINS.length}] AS domain) d
      WHERE p.n % 25 = 3 ON CONFLICT DO NOTHING`);
    written.talents = Number((await run(`SELECT count(*) AS n FROM talent_entries`)).rows[0].n);
    for (const t of ['up_users', 'children', 'booking_bookings']) await run(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  });
  for (const t of [
    'up_users',
    'children',
    'talent_people',
    'talent_person_regions',
    'talent_person_centres',
    'assessment_attempts',
    'assessment_answers',
    'assessment_statements',
    'assessment_notes',
    'booking_bookings',
    'booking_bookings_user_lnk',
    'booking_bookings_child_lnk',
    'booking_bookings_specialist_lnk',
    'crm_requests',
    'talent_entries',
  ])
    await knex.raw(`VACUUM ANALYZE ${t}`);
  return { ...written, regions: c.regions.length, centres: c.centres.length, tests: c.tests.map((t) => t.slug), count };
}
