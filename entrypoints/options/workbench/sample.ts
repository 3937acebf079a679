/** The sample pack's authoring folder, shipped by wxt.config.ts (scripts/build/sampleZip.ts). */
export const SAMPLE_ZIP = '/sample-pack.zip';
