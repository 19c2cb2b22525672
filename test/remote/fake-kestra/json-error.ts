// Micronaut's JSON error bodies as Kestra's ErrorController builds them (reference kestra.md §8.9).

export interface JsonErrorBody {
  message: string;
  _links: { self: { href: string; templated: boolean } };
  _embedded?: { errors: { message: string; path?: string }[] };
}

export function jsonError(
  href: string,
  message: string,
  errors?: { message: string; path?: string }[],
): JsonErrorBody {
  return {
    message,
    _links: { self: { href, templated: false } },
    ...(errors ? { _embedded: { errors } } : {}),
  };
}

/** A ConstraintViolationException: 422 `Invalid entity: <message>`, one embedded error per violation. */
export function constraintViolation(
  href: string,
  violations: { path: string; message: string }[],
  message?: string,
): JsonErrorBody {
  // Jakarta's default exception message joins the violations as `path: message`.
  const text = message ?? violations.map((v) => `${v.path}: ${v.message}`).join(', ');
  return jsonError(
    href,
    `Invalid entity: ${text}`,
    violations.map((v) => ({ message: v.message, path: v.path })),
  );
}
