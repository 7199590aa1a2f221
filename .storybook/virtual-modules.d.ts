declare module 'virtual:gk-custom-elements' {
  const manifest: object;
  export default manifest;
}

declare module '@custom-elements-manifest/analyzer/cli.js' {
  export function cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<object>;
}
