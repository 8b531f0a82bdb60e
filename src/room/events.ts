// The room's pulse: services signal here AFTER their transaction committed, and the hall display
// (Electron's second window through IPC, the browser host's Server-Sent Events) re-reads its state once
// per signal: no polling. A signal carries the session when the caller knows it; null means "something
// in some session changed" (the dispatcher's signal after any write call), which every display takes.
export interface RoomSignal {
  sessionId: string | null;
  /** What happened ('speakers.giveFloor', 'votes.record', 'rollCall.progress'...): for logs and tests. */
  reason: string;
}

export type RoomListener = (signal: RoomSignal) => void;

const listeners = new Set<RoomListener>();

/** Subscribe; returns the unsubscribe. */
export function onRoomSignal(listener: RoomListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tell every display. A listener that throws never stops the others, nor the caller's action. */
export function signalRoom(signal: RoomSignal): void {
  for (const listener of [...listeners]) {
    try {
      listener(signal);
    } catch {
      // A display's failure is its own; the secretary's action has already been stored.
    }
  }
}

export function roomListenerCount(): number {
  return listeners.size;
}
