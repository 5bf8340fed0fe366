import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Http } from '../api/http';
import { RequestRefused } from '../api/http';
import type { StateAnswer } from '../api/records';
import { LiveStore } from './store';
import { SILENCE_LIMIT_MS, StateSync, type LinkState } from './sync';

/** A socket the test drives: it records the URL and lets the test deliver messages and closes. */
class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  open() {
    this.onopen?.();
  }
  send(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  close(code = 1000) {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.({ code, reason: '' });
  }
}

function setup(states: (StateAnswer | Error)[]) {
  const store = new LiveStore();
  const sockets: FakeSocket[] = [];
  const links: LinkState[] = [];
  let loads = 0;
  const http = {
    get: vi.fn(async (path: string) => {
      if (path === '/api/v1/positions') return { items: [] };
      const next = states[Math.min(loads, states.length - 1)]!;
      loads += 1;
      if (next instanceof Error) throw next;
      return next;
    }),
  } as unknown as Http;
  const sync = new StateSync({
    http,
    store,
    schedule: (f) => f(),
    onLink: (s) => links.push(s),
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  return { store, sockets, links, sync, http };
}

const state = (seq: number): StateAnswer => ({ seq, scope: 'c', snapshot: { incidents: [], calls: [], orders: [], units: [], warnings: [] } });
const change = (n: number, seq: number) => ({ type: 'change', n, seq, first_seq: seq, events: [], incidents: [] });

describe('StateSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('location', { protocol: 'http:', host: 'console.test' });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('loads the state, then follows the stream from its seq', async () => {
    const { sockets, store, links, sync } = setup([state(7)]);
    sync.start();
    await vi.runOnlyPendingTimersAsync();
    expect(sockets[0]?.url).toBe('ws://console.test/api/v1/stream?from=7');
    sockets[0]!.open();
    sockets[0]!.send(change(1, 9));
    expect(store.seq).toBe(9);
    expect(links.at(-1)).toBe('live');
    sync.stop();
  });

  it('resumes from the last applied seq after the socket closes (a server restart)', async () => {
    const { sockets, sync } = setup([state(7)]);
    sync.start();
    await vi.runOnlyPendingTimersAsync();
    sockets[0]!.open();
    sockets[0]!.send(change(1, 11));
    sockets[0]!.close(1001);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets[1]?.url).toBe('ws://console.test/api/v1/stream?from=11');
    expect(sync.loads).toBe(1);
    sync.stop();
  });

  it('reloads the whole state after a gap in n, a resync or silence', async () => {
    const { sockets, sync, store } = setup([state(7), state(20), state(30), state(40)]);
    sync.start();
    await vi.runOnlyPendingTimersAsync();
    sockets[0]!.open();
    sockets[0]!.send(change(2, 9)); // n 1 was lost
    await vi.advanceTimersByTimeAsync(1000);
    expect(sync.loads).toBe(2);
    expect(sockets[1]?.url).toContain('from=20');
    sockets[1]!.open();
    sockets[1]!.send({ type: 'resync', reason: 'too old', seq: 25 });
    sockets[1]!.close(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sync.loads).toBe(3);
    expect(store.seq).toBe(30);
    sockets[2]!.open();
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS + 1000);
    expect(sockets[2]!.closed).toBe(true);
    expect(sockets[3]?.url).toContain('from=30');
    sync.stop();
  });

  it('keeps retrying while the server is down, and stops at a 401', async () => {
    const down = new Error('connection refused');
    const ended = new RequestRefused('GET', '/api/v1/state', { status: 401, code: 'unauthenticated', message: 'log in' });
    const { sockets, links, sync } = setup([down, down, ended]);
    sync.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(0);
    expect(links.at(-1)).toBe('signed_out');
    sync.stop();
  });
});
