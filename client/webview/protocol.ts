// The typed messages between the extension host and the run panel, both ways. Pure data: the host
// (client/src) and the webview (client/webview) import this module; nothing here touches Node or the DOM.
import type { JsonValue, RunEvent } from '../../server/src/engine/events';
import type { InputDefinition } from '../../server/src/engine/inputs/input-definition';

export type RunTarget = 'embedded' | 'server';

/** A value in the inputs form: text for most types, a boolean for BOOLEAN, a list for MULTISELECT. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

export interface FlowIdentity {
  id: string;
  namespace: string;
  /** The flow file's name, for the panel title. */
  fileName: string;
}

// ---- host → webview ----------------------------------------------------------------------------

/** Show the inputs form, prefilled (defaults, then the last values used for this flow). */
export interface ShowFormMessage {
  type: 'showForm';
  flow: FlowIdentity;
  inputs: InputDefinition[];
  values: FormValues;
  target: RunTarget;
}

/** A run begins: the panel resets and shows the run view. */
export interface RunStartedMessage {
  type: 'runStarted';
  runId: number;
  flow: FlowIdentity;
  target: RunTarget;
  /** Whether the flow declares inputs (the panel then offers to change them). */
  hasInputs: boolean;
  /** Epoch ms when the process was started. */
  startedAt: number;
}

/** Events of the running execution, batched (many log lines arrive at once). */
export interface RunEventsMessage {
  type: 'runEvents';
  runId: number;
  events: RunEvent[];
}

/** The CLI process ended; `message` is what it said on stderr when nothing was executed (exit 2). */
export interface RunExitedMessage {
  type: 'runExited';
  runId: number;
  exitCode: number | null;
  message?: string;
  cancelled: boolean;
}

export interface EvaluationResultMessage {
  type: 'evaluationResult';
  requestId: number;
  expression: string;
  result: { ok: true; value: JsonValue; text: string } | { ok: false; message: string };
}

export interface FilePickedMessage {
  type: 'filePicked';
  inputId: string;
  path: string;
}

export type HostMessage =
  | ShowFormMessage
  | RunStartedMessage
  | RunEventsMessage
  | RunExitedMessage
  | EvaluationResultMessage
  | FilePickedMessage;

// ---- webview → host ----------------------------------------------------------------------------

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'submitInputs'; values: FormValues }
  | { type: 'cancelForm' }
  | { type: 'cancelRun' }
  | { type: 'rerun' }
  | { type: 'editInputs' }
  | { type: 'evaluate'; requestId: number; expression: string }
  | { type: 'copy'; text: string; what: string }
  | { type: 'pickFile'; inputId: string };

const WEBVIEW_MESSAGE_TYPES = new Set<WebviewMessage['type']>([
  'ready',
  'submitInputs',
  'cancelForm',
  'cancelRun',
  'rerun',
  'editInputs',
  'evaluate',
  'copy',
  'pickFile',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFormValue(value: unknown): value is FormValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

/**
 * Checks a message from the webview before the host acts on it: the webview is untrusted content
 * (it renders logs and outputs), so every field is verified, not cast.
 */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (!isRecord(data) || typeof data.type !== 'string') return undefined;
  const type = data.type as WebviewMessage['type'];
  if (!WEBVIEW_MESSAGE_TYPES.has(type)) return undefined;
  switch (type) {
    case 'submitInputs': {
      if (!isRecord(data.values)) return undefined;
      const values: FormValues = {};
      for (const [id, value] of Object.entries(data.values)) {
        if (!isFormValue(value)) return undefined;
        values[id] = value;
      }
      return { type, values };
    }
    case 'evaluate':
      return typeof data.requestId === 'number' && typeof data.expression === 'string'
        ? { type, requestId: data.requestId, expression: data.expression }
        : undefined;
    case 'copy':
      return typeof data.text === 'string' && typeof data.what === 'string'
        ? { type, text: data.text, what: data.what }
        : undefined;
    case 'pickFile':
      return typeof data.inputId === 'string' ? { type, inputId: data.inputId } : undefined;
    case 'ready':
    case 'cancelForm':
    case 'cancelRun':
    case 'rerun':
    case 'editInputs':
      return { type };
  }
}
