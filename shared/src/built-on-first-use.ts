/**
 * A value built the first time it is used. zod builds a schema's whole structure when it is
 * declared: declaring every claim schema took 20–110 ms of the browser's start-up, before the
 * article could be drawn, though most pages never validate a claim. An export made with this is
 * a stand-in that builds the real object on first use and then forwards everything to it (the
 * real schemas inside the builder refer to each other directly, not through stand-ins).
 */
export function builtOnFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A stand-in may not report a fixed property its own (empty) target lacks.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
