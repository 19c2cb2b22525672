// Kestra's date filters: date, dateAdd, timestamp, timestampMicro, timestampNano.
import type { Args, CallContext, FilterSpec, ParamSpec } from '../registry-types';
import type { PebbleValue } from '../values';
import { asLong, asString, fail } from '../lib/args';
import { convertDate, formatDate, formatZoned, localeArgument, zoneArgument } from '../lib/date/kestra-date';
import { plusUnit, type ZonedDateTime } from '../lib/date/zoned';
import { optional, param } from '../lib/spec-helpers';

const FORMAT_PARAMS: ParamSpec[] = [
  optional(
    'format',
    'string',
    'iso',
    'A named format (iso, iso_sec, sql, iso_date, rfc_1123_date_time…) or a Java pattern.',
  ),
  optional(
    'timeZone',
    'string',
    undefined,
    'Zone of the result (IANA id or offset); the server zone by default.',
  ),
  optional(
    'existingFormat',
    'string',
    undefined,
    'Named format or Java pattern used to parse a string input.',
  ),
  optional('locale', 'string', undefined, 'Locale for names of months and days (e.g. fr_FR).'),
];

const PARSE_PARAMS: ParamSpec[] = [FORMAT_PARAMS[1], FORMAT_PARAMS[2]];

function readDate(input: PebbleValue, args: Args, ctx: CallContext): ZonedDateTime {
  return convertDate(input, zoneArgument(args, ctx), args, localeArgument(args));
}

function timestampFilter(
  name: string,
  description: string,
  returns: string,
  value: (date: ZonedDateTime) => PebbleValue,
): FilterSpec {
  return {
    name,
    params: PARSE_PARAMS,
    returns,
    description,
    kestra: true,
    apply: (input, args, ctx) =>
      input === null || input === undefined ? null : value(readDate(input, args, ctx)),
  };
}

const NANOS_PER_SECOND = 1_000_000_000n;

export const dateFilters: FilterSpec[] = [
  {
    name: 'date',
    params: FORMAT_PARAMS,
    returns: 'string',
    description: 'Formats a date, a date string or epoch seconds, in the given zone and format.',
    kestra: true,
    apply: (input, args, ctx) =>
      input === null || input === undefined ? null : formatDate(input, args, ctx),
  },
  {
    name: 'dateAdd',
    params: [
      param('amount', 'integer', 'How many units to add (negative to subtract).'),
      param(
        'unit',
        'string',
        'A Java ChronoUnit: NANOS … SECONDS, MINUTES, HOURS, HALF_DAYS, DAYS, WEEKS, MONTHS, YEARS…',
      ),
      ...FORMAT_PARAMS,
    ],
    returns: 'string',
    description: 'Adds an amount of a time unit to a date, then formats it like the date filter.',
    kestra: true,
    apply(input, args, ctx) {
      if (input === null || input === undefined) return null;
      const amount = asLong(args.amount, "The 'dateAdd' filter's 'amount'");
      const unit = asString(args.unit, "The 'dateAdd' filter's 'unit'");
      if (amount === null) fail("The 'dateAdd' filter expects an integer 'amount'.");
      if (unit === null) fail("The 'dateAdd' filter expects a 'unit' such as DAYS or HOURS.");
      return formatZoned(plusUnit(readDate(input, args, ctx), amount, unit), args, ctx);
    },
  },
  timestampFilter('timestamp', 'Converts a date to epoch seconds.', 'integer', (date) => date.epochSecond),
  timestampFilter(
    'timestampMicro',
    "Converts a date to Kestra's micro timestamp string (epoch seconds × 10^9 plus microseconds, as Kestra computes it).",
    'string',
    (date) => String(BigInt(date.epochSecond) * NANOS_PER_SECOND + BigInt(Math.floor(date.nano / 1000))),
  ),
  timestampFilter('timestampNano', 'Converts a date to epoch nanoseconds, as a string.', 'string', (date) =>
    String(BigInt(date.epochSecond) * NANOS_PER_SECOND + BigInt(date.nano)),
  ),
];
