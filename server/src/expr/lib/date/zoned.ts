// A ZonedDateTime: an instant (epoch second + nano), the offset in force and the zone, with its local
// fields. Arithmetic follows ZonedDateTime.plus: time units move the instant, date units move the
// local date-time and keep the previous offset when it is still valid.
import { fail } from '../args';
import {
  fromEpochDay,
  lengthOfMonth,
  localFromEpochSeconds,
  toEpochDay,
  type LocalDateTime,
} from './calendar';
import { offsetAt, resolveLocal, type Zone } from './zone';

export interface ZonedDateTime {
  epochSecond: number;
  nano: number;
  offset: number;
  zone: Zone;
  local: LocalDateTime;
}

export function ofInstant(epochSecond: number, nano: number, zone: Zone): ZonedDateTime {
  const offset = offsetAt(zone, epochSecond);
  return { epochSecond, nano, offset, zone, local: localFromEpochSeconds(epochSecond + offset, nano) };
}

export function ofLocal(local: LocalDateTime, zone: Zone, preferredOffset?: number): ZonedDateTime {
  const { epochSecond, offset } = resolveLocal(local, zone, preferredOffset);
  return {
    epochSecond,
    nano: local.nano,
    offset,
    zone,
    local: localFromEpochSeconds(epochSecond + offset, local.nano),
  };
}

/** The same instant seen in another zone (ZonedDateTime.withZoneSameInstant). */
export function withZone(date: ZonedDateTime, zone: Zone): ZonedDateTime {
  return ofInstant(date.epochSecond, date.nano, zone);
}

const TIME_UNITS: Record<string, bigint> = {
  NANOS: 1n,
  MICROS: 1_000n,
  MILLIS: 1_000_000n,
  SECONDS: 1_000_000_000n,
  MINUTES: 60_000_000_000n,
  HOURS: 3_600_000_000_000n,
  HALF_DAYS: 43_200_000_000_000n,
};

const MONTH_UNITS: Record<string, number> = {
  MONTHS: 1,
  YEARS: 12,
  DECADES: 120,
  CENTURIES: 1200,
  MILLENNIA: 12000,
};

const UNIT_NAMES: Record<string, string> = { ERAS: 'Eras', FOREVER: 'Forever' };

function plusMonths(local: LocalDateTime, months: number): LocalDateTime {
  const total = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { ...local, year, month, day: Math.min(local.day, lengthOfMonth(year, month)) };
}

function plusDays(local: LocalDateTime, days: number): LocalDateTime {
  return { ...local, ...fromEpochDay(toEpochDay(local) + days) };
}

/** ZonedDateTime.plus(amount, ChronoUnit.valueOf(unit)). */
export function plusUnit(date: ZonedDateTime, amount: number, unit: string): ZonedDateTime {
  const timeUnit = TIME_UNITS[unit];
  if (timeUnit !== undefined) {
    const totalNanos =
      BigInt(date.epochSecond) * 1_000_000_000n + BigInt(date.nano) + BigInt(amount) * timeUnit;
    let seconds = totalNanos / 1_000_000_000n;
    let nanos = totalNanos % 1_000_000_000n;
    if (nanos < 0n) {
      nanos += 1_000_000_000n;
      seconds -= 1n;
    }
    return ofInstant(Number(seconds), Number(nanos), date.zone);
  }
  let local: LocalDateTime;
  if (unit === 'DAYS') local = plusDays(date.local, amount);
  else if (unit === 'WEEKS') local = plusDays(date.local, amount * 7);
  else if (MONTH_UNITS[unit] !== undefined) local = plusMonths(date.local, amount * MONTH_UNITS[unit]);
  else if (UNIT_NAMES[unit]) fail(`Unsupported unit: ${UNIT_NAMES[unit]}`);
  else fail(`No enum constant java.time.temporal.ChronoUnit.${unit}`);
  return ofLocal(local, date.zone, date.offset);
}
