// A read that many people ask for at once and that may be a little old: kept per key for `ms` and shared by the
// requests that ask while it is being read. A failed read is not kept. No I/O here: the caller passes the read
// and the clock (`at`), so the rule is tested directly.
export type SharedRead<T> = (key: string, read: () => Promise<T>) => Promise<T>;

export function sharedRead<T>(options: { ms: number; maxKeys: number; at: () => number }): SharedRead<T> {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return (key, read) => {
    const hit = kept.get(key);
    if (hit && options.at() - hit.at < options.ms) return hit.value;
    if (kept.size >= options.maxKeys) kept.clear();
    const value = read();
    const entry = { at: options.at(), value };
    kept.set(key, entry);
    value.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    return value;
  };
}
