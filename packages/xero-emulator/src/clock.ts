/** The emulator's controllable clock. It ticks with real time unless frozen; tests move it with advance/set. */
export interface EmulatorClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
  freeze(): void;
  resume(): void;
}

export class Clock implements EmulatorClock {
  private offset: number;
  private frozenAt: number | undefined;
  private readonly listeners: Array<() => void> = [];

  constructor(initialMs: number, frozen: boolean) {
    this.offset = initialMs - Date.now();
    this.frozenAt = frozen ? initialMs : undefined;
  }

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  set(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = ms;
    else this.offset = ms - Date.now();
    for (const listener of this.listeners) listener();
  }

  freeze(): void {
    this.frozenAt = this.now();
  }

  resume(): void {
    if (this.frozenAt === undefined) return;
    this.offset = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
