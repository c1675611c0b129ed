// Integration tests talk to real brokers: jest's default 5 s per test is too short for a first
// consumer-group join. (A per-project `testTimeout` in jest.config.js is not honoured by jest 30.)
jest.setTimeout(120000);
