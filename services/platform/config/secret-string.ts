import { inspect } from 'node:util';

/**
 * A secret read from configuration (a password). Printing it, JSON-encoding it or logging an object
 * that holds it shows `[redacted]`; only `reveal()` gives the value, at the one place that hands it
 * to a client library. So a config object can be logged whole without leaking credentials.
 */
export class SecretString {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return '[redacted]';
  }
}
