// A read that many people ask for at once and that may be a little old: kept per key for `ms` and shared by the
// requests that ask while it is being read. A failed read is not kept. No I/O here: the caller passes the read
// and the clock (`at`), so the rule is tested directly.
//
// With `staleMs`, a value past its `ms` but younger than `ms + staleMs` is still answered while one new read runs
// behind it: the person who happens to come first after the minute does not wait for the whole read.
export type SharedRead<T> = (key: string, read: () => Promise<T>) => Promise<T>;

type Kept<T> = { at: number; value: Promise<T>; read: boolean; refreshing: boolean };

export function sharedRead<T>(options: {
  ms: number;
  staleMs?: number;
  maxKeys: number;
  at: () => number;
}): SharedRead<T> {
  const kept = new Map<string, Kept<T>>();
  const keep = (key: string, read: () => Promise<T>): Kept<T> => {
    if (kept.size >= options.maxKeys) kept.clear();
    const value = read();
    const entry: Kept<T> = { at: options.at(), value, read: false, refreshing: false };
    kept.set(key, entry);
    value.then(
      () => (entry.read = true),
      () => {
        if (kept.get(key) === entry) kept.delete(key);
      },
    );
    return entry;
  };
  return (key, read) => {
    const hit = kept.get(key);
    const age = hit ? options.at() - hit.at : Infinity;
    if (hit && age < options.ms) return hit.value;
    if (hit && hit.read && age < options.ms + (options.staleMs ?? 0)) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        // The new value replaces the old only once read; if it fails, the old one is answered and read again later.
        const at = options.at();
        read().then(
          (value) => {
            if (kept.get(key) === hit)
              kept.set(key, { at, value: Promise.resolve(value), read: true, refreshing: false });
          },
          () => (hit.refreshing = false),
        );
      }
      return hit.value;
    }
    return keep(key, read).value;
  };
}
