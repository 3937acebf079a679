/**
 * The page's context as types, inferred from utils/sites/schema.ts. Type-only imports,
 * so a content script importing these bundles no valibot.
 */
import type * as v from 'valibot';
import type { PageContextSchema, ParticipantSchema, ReadInfoSchema, ReadLayerSchema, RecordTypeSchema, SiteIdSchema } from './schema';

export type SiteId = v.InferOutput<typeof SiteIdSchema>;
export type RecordType = v.InferOutput<typeof RecordTypeSchema>;
export type Participant = v.InferOutput<typeof ParticipantSchema>;
export type ReadLayer = v.InferOutput<typeof ReadLayerSchema>;
export type ReadInfo = v.InferOutput<typeof ReadInfoSchema>;
export type PageContext = v.InferOutput<typeof PageContextSchema>;

/** A site adapter: pure, given the document and URL, returns the context or null when the page is not a record it understands. */
export type Extractor = (doc: Document, url: URL) => PageContext | null;
