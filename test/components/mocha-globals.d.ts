// The browser tests run under Mocha (through @web/test-runner); tsconfig lists no global types.
/// <reference types="mocha" />
