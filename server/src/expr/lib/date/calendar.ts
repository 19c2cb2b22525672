// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), as java.time does it.

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
  nano: number;
}

export type LocalDateTime = LocalDate & LocalTime;

export const SECONDS_PER_DAY = 86400;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lengthOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
export function toEpochDay({ year, month, day }: LocalDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function dayOfYear(date: LocalDate): number {
  return toEpochDay(date) - toEpochDay({ year: date.year, month: 1, day: 1 }) + 1;
}

/** ISO-8601 week-based year and week (weeks start on Monday, week 1 has at least 4 days). */
export function isoWeek(date: LocalDate): { weekYear: number; week: number } {
  const epochDay = toEpochDay(date);
  const thursday = epochDay - dayOfWeek(epochDay) + 4;
  const weekYear = fromEpochDay(thursday).year;
  const week = Math.floor((thursday - toEpochDay({ year: weekYear, month: 1, day: 1 })) / 7) + 1;
  return { weekYear, week };
}

/** US week fields (weeks start on Sunday, week 1 contains January 1st), used by `Y`, `w` and `W`. */
export function usWeek(date: LocalDate): { weekYear: number; week: number; weekOfMonth: number } {
  const epochDay = toEpochDay(date);
  const sundayIndex = dayOfWeek(epochDay) % 7;
  const saturday = epochDay - sundayIndex + 6;
  const weekYear = fromEpochDay(saturday).year;
  const week = Math.floor((saturday - toEpochDay({ year: weekYear, month: 1, day: 1 })) / 7) + 1;
  const firstOfMonth = toEpochDay({ year: date.year, month: date.month, day: 1 });
  const weekOfMonth = Math.floor((date.day - 1 + (dayOfWeek(firstOfMonth) % 7)) / 7) + 1;
  return { weekYear, week, weekOfMonth };
}

/** Seconds since the epoch of a local date-time read as UTC. */
export function localEpochSeconds(dateTime: LocalDateTime): number {
  return (
    toEpochDay(dateTime) * SECONDS_PER_DAY + dateTime.hour * 3600 + dateTime.minute * 60 + dateTime.second
  );
}

export function localFromEpochSeconds(seconds: number, nano: number): LocalDateTime {
  const epochDay = Math.floor(seconds / SECONDS_PER_DAY);
  const secondOfDay = seconds - epochDay * SECONDS_PER_DAY;
  return {
    ...fromEpochDay(epochDay),
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
    nano,
  };
}
