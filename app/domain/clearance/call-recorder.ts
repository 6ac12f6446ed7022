// The clearance calls waiting for the call log (call-log.server.ts), kept in columns allocated once and reused:
// a call writes five values into them and allocates nothing. Plain arrays that grew with every call were
// reallocated in the young generation, and the ~120 kB queue of 200 ms was copied by every young-generation GC
// under load (each GC holds the calls in flight; docs/benchmarks.md, session 18). Pure: no I/O.

/** Entries as the INSERT takes them: one array per column, oldest first. */
export type CallColumns = {
  at: number[];
  apiKeyId: Array<string | null>;
  employeeNo: string[];
  status: number[];
  cleared: boolean[];
};

export class CallRecorder {
  private at: Float64Array;
  private status: Uint16Array;
  private cleared: Uint8Array;
  private apiKeyId: Array<string | null>;
  private employeeNo: string[];
  /** Index of the oldest entry: once full at `max`, a new call takes the oldest one's place. */
  private start = 0;
  private count = 0;

  constructor(
    private readonly max: number,
    initial = 4_096,
  ) {
    const capacity = Math.max(1, Math.min(initial, max));
    this.at = new Float64Array(capacity);
    this.status = new Uint16Array(capacity);
    this.cleared = new Uint8Array(capacity);
    this.apiKeyId = new Array<string | null>(capacity).fill(null);
    this.employeeNo = new Array<string>(capacity).fill("");
  }

  get length() {
    return this.count;
  }

  /** Records one call; returns how many were dropped to make room (1 when `max` are waiting: the oldest). */
  add(at: number, apiKeyId: string | null, employeeNo: string, status: number, cleared: boolean): number {
    let dropped = 0;
    if (this.count === this.at.length) {
      if (this.at.length < this.max) this.grow();
      else {
        this.start = (this.start + 1) % this.at.length;
        this.count--;
        dropped = 1;
      }
    }
    const i = (this.start + this.count) % this.at.length;
    this.at[i] = at;
    this.apiKeyId[i] = apiKeyId;
    this.employeeNo[i] = employeeNo;
    this.status[i] = status;
    this.cleared[i] = cleared ? 1 : 0;
    this.count++;
    return dropped;
  }

  /** Every waiting entry, oldest first, as plain arrays; the recorder is then empty. */
  take(): CallColumns {
    const n = this.count;
    const taken: CallColumns = {
      at: new Array<number>(n),
      apiKeyId: new Array<string | null>(n),
      employeeNo: new Array<string>(n),
      status: new Array<number>(n),
      cleared: new Array<boolean>(n),
    };
    const capacity = this.at.length;
    for (let k = 0; k < n; k++) {
      const i = (this.start + k) % capacity;
      taken.at[k] = this.at[i];
      taken.apiKeyId[k] = this.apiKeyId[i];
      taken.employeeNo[k] = this.employeeNo[i];
      taken.status[k] = this.status[i];
      taken.cleared[k] = this.cleared[i] === 1;
    }
    this.start = 0;
    this.count = 0;
    return taken;
  }

  /** Twice the room (at most `max`), the entries moved to the front in order. */
  private grow() {
    const capacity = Math.min(this.max, this.at.length * 2);
    const old = this.take();
    this.at = new Float64Array(capacity);
    this.status = new Uint16Array(capacity);
    this.cleared = new Uint8Array(capacity);
    this.apiKeyId = new Array<string | null>(capacity).fill(null);
    this.employeeNo = new Array<string>(capacity).fill("");
    for (let k = 0; k < old.at.length; k++)
      this.add(old.at[k], old.apiKeyId[k], old.employeeNo[k], old.status[k], old.cleared[k]);
  }
}
