// Subjects pillar: the people whose data is held, their role, regimes and language.
export * from './subjects.service.ts';
export { SubjectBatcher } from './subjects.batch.ts';
