// Registry pillar: the privacy policy as code — schema, loader with exact error locations, hash and diff.
export * from './registry.model.ts';
export { loadRegistry, formatProblem, formatPath, type RegistryProblem, type LoadResult, type PathSegments } from './registry.loader.ts';
export { diffRegistries, type RegistryChange } from './registry.diff.ts';
export { canonicalJson, contentHash } from './registry.hash.ts';
export { loadRegistryFile } from './registry.file.ts';
export { parseDuration, addDuration, type DurationParts } from './registry.duration.ts';
