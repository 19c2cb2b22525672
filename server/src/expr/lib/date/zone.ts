// Time zones as java.time.ZoneId sees them: fixed offsets (`Z`, `+02:00`), prefixed offsets (`UTC+1`)
// and IANA regions, whose rules come from Intl. Local date-times resolve like ZonedDateTime.ofLocal:
// in a gap the time moves forward by the gap, in an overlap the earlier offset wins (or the preferred one).
import { fail } from '../args';
import { localEpochSeconds, type LocalDateTime } from './calendar';

export interface Zone {
  /** The id as Java prints it (`Europe/Paris`, `UTC`, `+02:00`, `Z`). */
  id: string;
  /** Set for zones with a single offset (seconds east of UTC). */
  fixedOffset?: number;
  /** True for ZoneOffset ids (`Z`, `+02:00`), which ISO formats never print in brackets. */
  isOffset: boolean;
}

/** Java's ZoneOffset id: `Z`, `+02:00`, `-05:30`, `+01:02:03`. */
export function offsetId(seconds: number): string {
  if (seconds === 0) return 'Z';
  const abs = Math.abs(seconds);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  const ss = abs % 60;
  return `${seconds < 0 ? '-' : '+'}${hh}:${mm}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`;
}

/** Parses `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss` (ZoneOffset.of). */
export function parseOffset(text: string): number | null {
  const match = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  if (match[2].length === 1 && match[3] !== undefined) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  const seconds = Number(match[4] ?? 0);
  if (hours > 18 || minutes > 59 || seconds > 59 || (hours === 18 && (minutes || seconds))) return null;
  const total = hours * 3600 + minutes * 60 + seconds;
  return match[1] === '-' ? -total : total;
}

export function fixedZone(offsetSeconds: number): Zone {
  return { id: offsetId(offsetSeconds), fixedOffset: offsetSeconds, isOffset: true };
}

const regionFormatters = new Map<string, Intl.DateTimeFormat>();

function regionFormatter(id: string): Intl.DateTimeFormat | null {
  const cached = regionFormatters.get(id);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    regionFormatters.set(id, formatter);
    return formatter;
  } catch {
    return null;
  }
}

/** ZoneId.of(id), with Java's error messages. */
export function zoneOf(id: string): Zone {
  if (id === 'Z' || /^[+-]/.test(id)) {
    const offset = id === 'Z' ? 0 : parseOffset(id);
    if (offset === null) fail(`Invalid ID for ZoneOffset, invalid format: ${id}`);
    return fixedZone(offset);
  }
  const prefixed = /^(UTC|GMT|UT)([+-].*)?$/.exec(id);
  if (prefixed) {
    if (prefixed[2] === undefined) return { id, fixedOffset: 0, isOffset: false };
    const offset = parseOffset(prefixed[2]);
    if (offset === null) fail(`Invalid ID for offset-based ZoneId: ${id}`);
    return {
      id: offset === 0 ? prefixed[1] : prefixed[1] + offsetId(offset),
      fixedOffset: offset,
      isOffset: false,
    };
  }
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id))
    fail(`Invalid ID for region-based ZoneId, invalid format: ${id}`);
  const formatter = regionFormatter(id);
  const resolved = formatter?.resolvedOptions().timeZone;
  // Intl ignores case ("europe/paris"); Java's region ids are case-sensitive.
  if (!formatter || (resolved !== id && resolved?.toLowerCase() === id.toLowerCase())) {
    fail(`Unknown time-zone ID: ${id}`);
  }
  return { id, isOffset: false };
}

/** The machine's zone (what ZoneId.systemDefault() gives the JVM). */
export function systemZoneId(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Offset (seconds east of UTC) of a zone at an instant. */
export function offsetAt(zone: Zone, epochSecond: number): number {
  if (zone.fixedOffset !== undefined) return zone.fixedOffset;
  const formatter = regionFormatter(zone.id);
  if (!formatter) fail(`Unknown time-zone ID: ${zone.id}`);
  const parts: Record<string, string> = {};
  const clamped = Math.max(-8.64e12, Math.min(8.64e12, epochSecond * 1000));
  for (const part of formatter.formatToParts(new Date(clamped))) parts[part.type] = part.value;
  const rawYear = Number(parts.year);
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - rawYear : rawYear;
  const local = localEpochSeconds({
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    nano: 0,
  });
  return local - Math.floor(clamped / 1000);
}

/** Epoch second and offset of a local date-time in a zone (ZonedDateTime.ofLocal). */
export function resolveLocal(
  local: LocalDateTime,
  zone: Zone,
  preferredOffset?: number,
): { epochSecond: number; offset: number } {
  const localSeconds = localEpochSeconds(local);
  if (zone.fixedOffset !== undefined) {
    return { epochSecond: localSeconds - zone.fixedOffset, offset: zone.fixedOffset };
  }
  // Offsets in force a day around the local time bound every candidate.
  const before = offsetAt(zone, localSeconds - 86400);
  const after = offsetAt(zone, localSeconds + 86400);
  const candidates = [...new Set([before, after])].filter(
    (offset) => offsetAt(zone, localSeconds - offset) === offset,
  );
  if (candidates.length === 0) {
    // A gap: shift forward by its length, keeping the offset before it.
    return { epochSecond: localSeconds - before, offset: after };
  }
  if (preferredOffset !== undefined && candidates.includes(preferredOffset)) {
    return { epochSecond: localSeconds - preferredOffset, offset: preferredOffset };
  }
  const offset = Math.max(...candidates);
  return { epochSecond: localSeconds - offset, offset };
}
