// The TemplateEngine backed by the project's Pebble implementation (server/src/expr).
import { isTruthy, renderTemplate, renderTyped, renderValue } from '../../expr';
import { fromJsonValue } from '../../expr/values';
import type { TemplateEngine } from './template';

export const pebbleTemplates: TemplateEngine = {
  render: (template, variables, services) => renderTemplate(template, variables, { services }),
  renderTyped: (template, variables, services) => renderTyped(template, variables, { services }),
  renderValue: (value, variables, services) => renderValue(fromJsonValue(value), variables, { services }),
  isTruthy,
};
