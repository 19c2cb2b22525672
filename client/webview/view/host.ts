// The one connection of the panel to the extension host: typed messages out, typed messages in.
import type { HostMessage, WebviewMessage } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

type Acquire = () => VsCodeApi;

const acquire = (globalThis as unknown as { acquireVsCodeApi?: Acquire }).acquireVsCodeApi;
// Outside VS Code (a test page) the messages go nowhere but the panel still renders.
const api: VsCodeApi = acquire ? acquire() : { postMessage: () => undefined };

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function onHostMessage(listener: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') {
      listener(data as HostMessage);
    }
  });
}
