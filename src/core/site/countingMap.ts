/** A Map that reports every write, for SiteIndex.version. */
export class CountingMap<K, V> extends Map<K, V> {
  constructor(private readonly onChange: () => void) {
    super();
  }
  override set(key: K, value: V): this {
    this.onChange?.();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.onChange?.();
    return super.delete(key);
  }
  override clear(): void {
    this.onChange?.();
    super.clear();
  }
}
