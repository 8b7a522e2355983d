// Moved to tools/envelope.ts (the simulator uses it outside tests); kept so test imports stay short.
export * from '../../tools/envelope';
