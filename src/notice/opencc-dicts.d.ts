// Types for the opencc-js dictionary modules, which the package ships without declarations.
declare module 'opencc-js/dict/*' {
  /** Entries as `source replacement|source replacement|...`. */
  const dict: string;
  export default dict;
}
