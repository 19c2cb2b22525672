// Kestra's Slugify.of: whitespace → '-', accents stripped (NFD then non-word characters removed),
// '_' → '-', runs of '-' collapsed, one leading and one trailing '-' removed, lower-cased.
export function slugify(input: string): string {
  let slug = input
    .replace(/[ \t\n\v\f\r]/g, '-')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/_/g, '-');
  while (slug.includes('--')) slug = slug.replace(/--/g, '-');
  if (slug.startsWith('-')) slug = slug.slice(1);
  if (slug.endsWith('-')) slug = slug.slice(0, -1);
  return slug.toLowerCase();
}
