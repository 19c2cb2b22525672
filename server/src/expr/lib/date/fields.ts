// The value of each pattern field for a zoned date-time.
import { dayOfWeek, dayOfYear, isoWeek, toEpochDay, usWeek } from './calendar';
import type { Field } from './pattern';
import type { ZonedDateTime } from './zoned';

export function fieldValue(date: ZonedDateTime, field: Field): number {
  const local = date.local;
  switch (field) {
    case 'era':
      return local.year > 0 ? 1 : 0;
    case 'year':
      return local.year;
    case 'yearOfEra':
      return local.year > 0 ? local.year : 1 - local.year;
    case 'weekBasedYear':
      return usWeek(local).weekYear;
    case 'weekOfWeekBasedYear':
      return usWeek(local).week;
    case 'weekOfMonth':
      return usWeek(local).weekOfMonth;
    case 'isoWeekYear':
      return isoWeek(local).weekYear;
    case 'isoWeek':
      return isoWeek(local).week;
    case 'quarter':
      return Math.floor((local.month - 1) / 3) + 1;
    case 'month':
      return local.month;
    case 'day':
      return local.day;
    case 'dayOfYear':
      return dayOfYear(local);
    case 'dayOfWeek':
      return dayOfWeek(toEpochDay(local));
    case 'localDayOfWeek':
      return (dayOfWeek(toEpochDay(local)) % 7) + 1;
    case 'alignedWeekOfMonth':
      return Math.floor((local.day - 1) / 7) + 1;
    case 'ampm':
      return local.hour < 12 ? 0 : 1;
    case 'hour':
      return local.hour;
    case 'clockHourAmPm':
      return local.hour % 12 === 0 ? 12 : local.hour % 12;
    case 'hourAmPm':
      return local.hour % 12;
    case 'clockHour':
      return local.hour === 0 ? 24 : local.hour;
    case 'minute':
      return local.minute;
    case 'second':
      return local.second;
    case 'nano':
      return local.nano;
    case 'milliOfDay':
      return (local.hour * 3600 + local.minute * 60 + local.second) * 1000 + Math.floor(local.nano / 1e6);
    case 'nanoOfDay':
      return (local.hour * 3600 + local.minute * 60 + local.second) * 1e9 + local.nano;
  }
}
