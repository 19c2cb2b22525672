import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaDate } from '../lib/date/value';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

const zoned = javaDate('ZonedDateTime', '2013-09-08T16:19:12.123456+01:00');
const paris = { timeZone: 'Europe/Paris' };

describe('date', () => {
  it('formats date values of every Java kind in the target zone', () => {
    assert.equal(
      applyFilter('date', javaDate('Date', '2013-09-08T15:19:12Z'), { format: 'iso', ...paris }),
      '2013-09-08T17:19:12.000000+02:00',
    );
    assert.equal(
      applyFilter('date', javaDate('Instant', '2013-09-08T15:19:12.123456Z'), {
        format: 'iso_sec',
        ...paris,
      }),
      '2013-09-08T17:19:12+02:00',
    );
    assert.equal(applyFilter('date', zoned, { format: 'iso', ...paris }), '2013-09-08T17:19:12.123456+02:00');
    const local = javaDate('LocalDateTime', '2013-09-08T16:19:12.123456');
    assert.equal(
      applyFilter('date', local, { format: 'yyyy-MM-dd HH:mm:ss.SSSSSSXXX', ...paris }),
      '2013-09-08 16:19:12.123456+02:00',
    );
    assert.equal(
      applyFilter('date', local, { format: 'yyyy-MM-dd HH:mm:ss.SSSSSSXXX', timeZone: 'UTC' }),
      '2013-09-08 16:19:12.123456Z',
    );
    assert.equal(
      applyFilter('date', javaDate('LocalDate', '2013-09-08'), { format: 'iso', timeZone: 'UTC' }),
      '2013-09-08T12:00:00.000000Z',
    );
  });

  it('reads zoned, local date-time and local date strings', () => {
    assert.equal(applyFilter('date', '2013-09-08T17:19:12+02:00', paris), '2013-09-08T17:19:12.000000+02:00');
    assert.equal(applyFilter('date', '2013-09-08T17:19:12', paris), '2013-09-08T17:19:12.000000+02:00');
    assert.equal(applyFilter('date', '2013-09-08', paris), '2013-09-08T00:00:00.000000+02:00');
    assert.equal(applyFilter('date', '2024-01-31T10:00:00Z'), '2024-01-31T10:00:00.000000Z');
  });

  it('reads epoch seconds', () => {
    assert.equal(applyFilter('date', 1378653552, { timeZone: 'UTC' }), '2013-09-08T15:19:12.000000Z');
  });

  it('parses with existingFormat, named or pattern', () => {
    assert.equal(
      applyFilter('date', 'July 24, 2001', { format: 'yyyy-MM-dd', existingFormat: 'MMMM dd, yyyy' }),
      '2001-07-24',
    );
    assert.equal(
      applyFilter('date', 'Tue, 08 Feb 2022 19:38:26 GMT', {
        existingFormat: 'rfc_1123_date_time',
        ...paris,
      }),
      '2022-02-08T20:38:26.000000+01:00',
    );
    assert.equal(
      applyFilter('date', '20240131', { existingFormat: 'yyyyMMdd', format: 'iso_local_date' }),
      '2024-01-31',
    );
  });

  it('prints the named formats', () => {
    const cases: Record<string, string> = {
      iso_date_time: '2013-09-08T17:19:12.123456+02:00[Europe/Paris]',
      iso_date: '2013-09-08+02:00',
      iso_time: '17:19:12.123456+02:00',
      iso_local_date: '2013-09-08',
      iso_instant: '2013-09-08T15:19:12.123456Z',
      iso_local_date_time: '2013-09-08T17:19:12.123456',
      iso_local_time: '17:19:12.123456',
      iso_offset_time: '17:19:12.123456+02:00',
      iso_ordinal_date: '2013-251+02:00',
      iso_week_date: '2013-W36-7+02:00',
      iso_zoned_date_time: '2013-09-08T17:19:12.123456+02:00[Europe/Paris]',
      rfc_1123_date_time: 'Sun, 8 Sep 2013 17:19:12 +0200',
      sql: '2013-09-08 17:19:12.123456',
      sql_seq: '2013-09-08 17:19:12',
      medium: 'Sep 8, 2013, 5:19:12\u202fPM',
      short: '9/8/13, 5:19\u202fPM',
    };
    for (const [format, expected] of Object.entries(cases)) {
      assert.equal(applyFilter('date', zoned, { format, ...paris }), expected, format);
    }
  });

  it('prints Java pattern letters, texts and zones', () => {
    assert.equal(
      applyFilter('date', zoned, { format: "EEEE d MMMM yyyy 'at' h:mm a z VV", ...paris }),
      'Sunday 8 September 2013 at 5:19 PM CEST Europe/Paris',
    );
    assert.equal(
      applyFilter('date', zoned, { format: 'X XX XXX x Z ZZZZ O', ...paris }),
      '+02 +0200 +02:00 +02 +0200 GMT+02:00 GMT+2',
    );
    assert.equal(
      applyFilter('date', zoned, { format: "Q QQQ G D w e ''yy''", ...paris }),
      "3 Q3 AD 251 37 1 '13'",
    );
    assert.equal(
      applyFilter('date', zoned, { format: 'EEEE d MMMM', locale: 'fr_FR', ...paris }),
      'dimanche 8 septembre',
    );
  });

  it('reports bad inputs, patterns and zones', () => {
    assert.equal(
      errorOf(() => applyFilter('date', 'garbage')),
      "Text 'garbage' could not be parsed at index 0",
    );
    assert.equal(
      errorOf(() => applyFilter('date', '2013-13-01')),
      "Text '2013-13-01' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13",
    );
    assert.equal(
      errorOf(() => applyFilter('date', '2013-09-08', { format: 'ddd' })),
      'Too many pattern letters: d',
    );
    assert.equal(
      errorOf(() => applyFilter('date', '2013-09-08', { format: 'b' })),
      'Unknown pattern letter: b',
    );
    assert.equal(
      errorOf(() => applyFilter('date', '2013-09-08', { timeZone: 'Mars/Base' })),
      'Unknown time-zone ID: Mars/Base',
    );
  });

  it('moves local times in a DST gap forward', () => {
    assert.equal(applyFilter('date', '2024-03-31T02:30:00', paris), '2024-03-31T03:30:00.000000+02:00');
  });
});

describe('dateAdd', () => {
  it('adds time and date units', () => {
    assert.equal(
      applyFilter('dateAdd', zoned, { amount: -1, unit: 'DAYS', ...paris }),
      '2013-09-07T17:19:12.123456+02:00',
    );
    assert.equal(
      applyFilter('dateAdd', '2024-01-31T10:00:00Z', { amount: 1, unit: 'MONTHS', timeZone: 'UTC' }),
      '2024-02-29T10:00:00.000000Z',
    );
    assert.equal(
      applyFilter('dateAdd', '2024-01-31T10:00:00Z', {
        amount: 90,
        unit: 'MINUTES',
        format: 'HH:mm',
        timeZone: 'UTC',
      }),
      '11:30',
    );
  });

  it('keeps the local time across a DST change for day units', () => {
    assert.equal(
      applyFilter('dateAdd', '2024-03-30T12:00:00+01:00[Europe/Paris]', {
        amount: 1,
        unit: 'DAYS',
        ...paris,
      }),
      '2024-03-31T12:00:00.000000+02:00',
    );
  });

  it('rejects unknown units', () => {
    assert.equal(
      errorOf(() => applyFilter('dateAdd', zoned, { amount: 1, unit: 'DAY' })),
      'No enum constant java.time.temporal.ChronoUnit.DAY',
    );
    assert.equal(
      errorOf(() => applyFilter('dateAdd', zoned, { amount: 1, unit: 'ERAS' })),
      'Unsupported unit: Eras',
    );
  });
});

describe('timestamps', () => {
  it('timestamp gives epoch seconds', () => {
    assert.equal(applyFilter('timestamp', zoned, paris), 1378653552);
    assert.equal(applyFilter('timestamp', '2013-09-08', { timeZone: 'UTC' }), 1378598400);
  });

  it('timestampNano gives epoch nanoseconds as text', () => {
    assert.equal(applyFilter('timestampNano', zoned, paris), '1378653552123456000');
  });

  it("timestampMicro reproduces Kestra's seconds × 10^9 + micros", () => {
    assert.equal(applyFilter('timestampMicro', zoned, paris), '1378653552000123456');
  });

  it('compare as numbers', () => {
    const earlier = applyFilter('dateAdd', zoned, { amount: -1, unit: 'DAYS' });
    assert.ok((applyFilter('timestamp', zoned) as number) > (applyFilter('timestamp', earlier) as number));
  });
});

describe('Java date values', () => {
  it('print like Java toString and serialise like Jackson', () => {
    assert.equal(
      javaDate('ZonedDateTime', '2013-09-08T16:19:00+02:00').toPebbleString(),
      '2013-09-08T16:19+02:00',
    );
    assert.equal(zoned.toPebbleString(), '2013-09-08T16:19:12.123456+01:00');
    assert.equal(
      JSON.stringify(javaDate('ZonedDateTime', '2013-09-08T16:19:00+02:00')),
      '"2013-09-08T16:19:00+02:00"',
    );
    assert.equal(
      javaDate('Instant', '2013-09-08T15:19:12.120Z').toPebbleString(),
      '2013-09-08T15:19:12.120Z',
    );
    assert.equal(javaDate('LocalDate', '2013-09-08').toPebbleString(), '2013-09-08');
  });
});
