// Answers the service gives again and again while nothing they depend on changed: screens ask for
// them each time they open (数据概览's overview, 明细's listing, 指标体系's index file), and asking
// DuckDB or parsing the YAML again costs 30–120 ms a time on a busy 2-core machine.

/** Results keyed by their input, valid for one generation of the workspace's data (dataGen). */
export class DataMemo {
  private readonly entries = new Map<string, { gen: number; value: Promise<unknown> }>();

  constructor(private readonly max = 64) {}

  /**
   * The cached answer for `key` at data generation `gen`, or `compute()`'s (a failure is not kept).
   * Each caller gets its own copy: the worker transfers byte arrays (Arrow IPC) to the host, which
   * detaches them, so a cached array must never be the one sent.
   */
  async get<T>(key: string, gen: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.gen === gen) {
      // most recently used last, so the oldest is evicted first
      this.entries.delete(key);
      this.entries.set(key, hit);
      return structuredClone((await hit.value) as T);
    }
    const value = compute();
    this.entries.set(key, { gen, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return structuredClone(await value);
  }

  clear(): void {
    this.entries.clear();
  }
}
