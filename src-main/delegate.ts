// Handlers are registered once, but the services behind them change when the user switches
// account context. A delegate forwards every method call to whichever instance is current.
export function delegateTo<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = current();
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
