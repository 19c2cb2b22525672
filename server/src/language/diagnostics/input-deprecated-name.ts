// `name` is the pre-0.15 spelling of an input's `id`: still accepted, flagged as deprecated.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import { diagnostic, getPair, keyRange, type FlowRule } from './rule-context';

export const inputDeprecatedName: FlowRule = ({ model, lines }) =>
  model.inputs
    .filter((input) => input.usesDeprecatedName)
    .map((input) => {
      const pair = getPair(input.node, 'name')!;
      return diagnostic(
        keyRange(lines, pair)!,
        'warning',
        'deprecated-property',
        'The input property `name` is deprecated: rename it to `id`.',
        { replacement: 'id' },
      );
    })
    .filter((d): d is FlowDiagnostic => d.range !== undefined);
