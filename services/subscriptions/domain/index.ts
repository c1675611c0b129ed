export * from './event-types';
export * from './ordering';
export * from './payload';
export * from './retry-schedule';
export * from './routing';
