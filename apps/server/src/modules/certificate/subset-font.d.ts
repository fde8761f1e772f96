// subset-font ships no types; this is the part we use (https://github.com/papandreou/subset-font).
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'
    noHinting?: boolean
    noLayoutClosure?: boolean
    dropTables?: string[]
  }
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>
}
