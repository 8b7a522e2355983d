// The MCP Apps server helpers are published behind package "exports", which this project's
// moduleResolution ("node") does not read; their types are re-exported from the file itself.
declare module '@modelcontextprotocol/ext-apps/server' {
  export * from '@modelcontextprotocol/ext-apps/dist/src/server/index';
}
