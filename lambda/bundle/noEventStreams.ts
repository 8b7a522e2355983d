/**
 * Bundle-time stand-in for `@smithy/core/event-streams` (see scripts/build.js). The SDK's HTTP protocol
 * reaches it by a dynamic import only for event-stream operations, which DynamoDB has none of; but a
 * dynamic import bundled as a lazy `require` makes esbuild wrap everything it imports — ~150 modules of
 * @smithy/core — in lazy initialisers, each compiled twice (pre-parsed with the file, parsed again on
 * first call). Without it those modules run as plain top-level code. Unbundled runs keep the real module.
 */
const unsupported = (): never => {
  throw new Error('event streams are not bundled: no DynamoDB operation uses them');
};
export const EventStreamSerde = unsupported;
export const eventStreamSerdeProvider = unsupported;
