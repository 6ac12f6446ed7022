// Pure: a bounded, short-lived copy of recently seen sessions, so that the JSON calls of a quiz attempt (and
// every page) need not read the session, its person and roles from PostgreSQL on every request
// (ADR 0028). The copy is only trusted while nothing has changed since the read that filled it: every
// change to sessions, people or roles bumps the generation (through the change feed), and a read that
// started under an older generation is not kept.

export type SessionCacheOptions = {
  /** How long an entry is trusted at most, in ms; 0 turns the cache off. */
  ttlMs: () => number;
  /** Entries kept at most; the oldest goes first. */
  maxEntries: number;
  /** Monotonic milliseconds (an age, not a date: tests need no clock here). */
  clock: () => number;
};

export type SessionCache<T> = {
  /** The generation to hand back to `remember` with the result of a read started now. */
  generation: () => number;
  get: (key: string) => T | undefined;
  /** Keeps `value` unless something changed since `generation` was taken. */
  remember: (key: string, value: T, generation: number) => void;
  forget: (key: string) => void;
  /** Everything changed (or may have): drop every entry and refuse reads already under way. */
  forgetAll: () => void;
  size: () => number;
};

export function createSessionCache<T>(options: SessionCacheOptions): SessionCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  let generation = 0;
  return {
    generation: () => generation,
    get(key) {
      const ttl = options.ttlMs();
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (ttl <= 0 || options.clock() - entry.at >= ttl) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    remember(key, value, seenGeneration) {
      if (seenGeneration !== generation || options.ttlMs() <= 0) return;
      entries.delete(key); // re-inserted last: the map's order is the age order
      entries.set(key, { value, at: options.clock() });
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
    },
    forget(key) {
      entries.delete(key);
    },
    forgetAll() {
      generation++;
      entries.clear();
    },
    size: () => entries.size,
  };
}
