// The executor's clock, read once per synchronous turn: a task's creation, dispatch and end each ask
// for the time several times in a row, and reading the system clock cost more than the rest of some
// of those steps. The Date is shared until the current microtask ends (callers only read it), so a
// later turn (a task resuming after an await, a timer) always reads the clock again.
export class TurnClock {
  private current?: Date;
  private readonly endTurn = (): void => {
    this.current = undefined;
  };

  now(): Date {
    if (this.current === undefined) {
      this.current = new Date();
      queueMicrotask(this.endTurn);
    }
    return this.current;
  }
}
