import type { Http } from '../api/http';
import { RequestRefused } from '../api/http';
import type { ChangeMessage, Position, PositionsMessage, StateAnswer } from '../api/records';
import type { LiveStore } from './store';

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'signed_out';

export interface SyncOptions {
  http: Http;
  store: LiveStore;
  /** Called whenever the link state changes. */
  onLink?: (state: LinkState, detail: string) => void;
  /** Schedules the store's flush; the default waits for the next animation frame. */
  schedule?: (flush: () => void) => void;
  /** Makes the socket (tests pass a fake); the default opens a browser WebSocket. */
  openSocket?: (url: string) => WebSocket;
}

/** Longest silence before the link counts as dead: the server's heartbeat comes every 5 s. */
export const SILENCE_LIMIT_MS = 12_000;
const RETRY_FIRST_MS = 300;
const RETRY_MAX_MS = 4_000;

/**
 * Keeps a LiveStore equal to the server's state: loads `GET /api/v1/state` and the live
 * positions, follows `GET /api/v1/stream?from=<seq>`, and on anything that breaks the
 * chain (a gap in `n`, `resync`, `dropped`, a closed or silent socket, a server restart)
 * reconnects by itself: resuming from the last applied `seq` when the server still has
 * it, reloading the whole state when not. It gives up only when the session has ended
 * (401), which it reports as `signed_out`.
 */
export class StateSync {
  private socket: WebSocket | null = null;
  private expectedN = 1;
  private reloadNeeded = true;
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private flushQueued = false;
  private stopped = false;
  private state: LinkState = 'connecting';
  /** How many times the whole state was loaded (first load included). */
  loads = 0;
  /** How many sockets were opened (first one included). */
  connects = 0;

  constructor(private readonly options: SyncOptions) {}

  get link(): LinkState {
    return this.state;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Drops the socket and starts over from a fresh state (the user asked for it). */
  reload(): void {
    this.reloadNeeded = true;
    this.socket?.close(4000);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { http, store } = this.options;
    try {
      if (this.reloadNeeded) {
        const [state, positions] = await Promise.all([
          http.get<StateAnswer>('/api/v1/state'),
          http.get<{ items: Position[] }>('/api/v1/positions'),
        ]);
        if (this.stopped) return;
        store.load(state.seq, state.snapshot, positions.items, state.deadline_policy ?? null);
        this.loads += 1;
        this.reloadNeeded = false;
        this.queueFlush();
      }
    } catch (error) {
      if (error instanceof RequestRefused && error.refusal.status === 401) {
        this.setLink('signed_out', error.refusal.message);
        return;
      }
      this.retryLater(error instanceof Error ? error.message : String(error));
      return;
    }
    this.openSocket();
  }

  private openSocket(): void {
    const { store } = this.options;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/api/v1/stream?from=${store.seq}`;
    const socket = this.options.openSocket ? this.options.openSocket(url) : new WebSocket(url);
    this.socket = socket;
    this.connects += 1;
    this.expectedN = 1;
    socket.onopen = () => {
      this.retryMs = RETRY_FIRST_MS;
      this.setLink('live', '');
      this.armSilence();
    };
    socket.onmessage = (message) => {
      if (socket !== this.socket) return;
      this.armSilence();
      this.receive(String(message.data));
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      clearTimeout(this.silenceTimer);
      if (this.stopped) return;
      this.retryLater(`stream closed (${event.code}${event.reason ? ': ' + event.reason : ''})`);
    };
    socket.onerror = () => {
      // A close always follows; it decides what to do.
    };
  }

  private receive(text: string): void {
    let message: { type?: string; n?: number; reason?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      this.restart('a message that is not JSON');
      return;
    }
    if (typeof message.n === 'number') {
      if (message.n !== this.expectedN) {
        this.restart(`message ${message.n} arrived when ${this.expectedN} was due`);
        return;
      }
      this.expectedN += 1;
    }
    switch (message.type) {
      case 'change':
        this.options.store.apply(message as ChangeMessage);
        this.queueFlush();
        break;
      case 'positions':
        this.options.store.applyPositions((message as PositionsMessage).positions);
        this.queueFlush();
        break;
      case 'resync':
      case 'dropped':
        this.reloadNeeded = true;
        break;
      default:
        break;
    }
  }

  /** Something is lost: reload the state and subscribe again. */
  private restart(why: string): void {
    this.reloadNeeded = true;
    this.setLink('reconnecting', why);
    this.socket?.close(4000);
  }

  private retryLater(why: string): void {
    if (this.stopped) return;
    this.setLink('reconnecting', why);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  private armSilence(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.setLink('reconnecting', 'no heartbeat');
      this.socket?.close(4001);
    }, SILENCE_LIMIT_MS);
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    const schedule = this.options.schedule ?? ((f: () => void) => requestAnimationFrame(() => f()));
    schedule(() => {
      this.flushQueued = false;
      this.options.store.flush();
    });
  }

  private setLink(state: LinkState, detail: string): void {
    if (state === this.state && state !== 'reconnecting') return;
    this.state = state;
    this.options.onLink?.(state, detail);
  }
}
