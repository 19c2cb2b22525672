// Debug Outputs: evaluate any expression against the run (by the host, with the project's Pebble
// engine) and show the value, or the error message as Kestra words it.
import type { EvaluationResultMessage } from '../protocol';
import { button, el } from './dom';

export class DebugBox {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly result: HTMLElement;
  private lastRequest = 0;

  constructor(private readonly evaluate: (requestId: number, expression: string) => void) {
    this.input = el('input', {
      className: 'debug-input',
      attrs: {
        type: 'text',
        placeholder: '{{ outputs.my_task.value }}',
        'aria-label': 'Expression to evaluate',
        spellcheck: 'false',
      },
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.submit();
      }
    });
    this.result = el('div', { className: 'debug-result', attrs: { 'aria-live': 'polite' } });
    this.element = el('section', { className: 'debug-box', attrs: { 'aria-label': 'Debug Outputs' } }, [
      el('h3', { text: 'Debug Outputs' }),
      el('div', { className: 'debug-row' }, [
        this.input,
        button('Evaluate', () => this.submit(), { className: 'primary debug-evaluate' }),
      ]),
      this.result,
    ]);
  }

  private submit(): void {
    this.lastRequest++;
    this.result.replaceChildren(el('span', { className: 'muted', text: 'Evaluating…' }));
    this.evaluate(this.lastRequest, this.input.value);
  }

  showResult(message: EvaluationResultMessage): void {
    if (message.requestId !== this.lastRequest) return;
    const { result } = message;
    if (result.ok) {
      this.result.replaceChildren(el('pre', { className: 'debug-value', text: result.text }));
    } else {
      this.result.replaceChildren(
        el('pre', { className: 'debug-error', text: result.message, attrs: { role: 'alert' } }),
      );
    }
  }

  /** Clears the result of a previous run (the expression stays, to evaluate it again). */
  reset(): void {
    this.result.replaceChildren();
  }
}
