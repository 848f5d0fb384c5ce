// ADM pillar: automated decisions recorded as references and factors, and their explanation in the person's language.
export { Factor, NewDecision, type AdmDecision, type AdmScope } from './adm.model.ts';
export { admScope, recordDecision } from './adm.service.ts';
export { getDecision, listDecisions } from './adm.store.ts';
export { explainDecision, type AdmChannel, type AdmExplanation } from './adm.explain.ts';
export { ADM_TEXTS, type AdmTexts } from './adm.texts.ts';
