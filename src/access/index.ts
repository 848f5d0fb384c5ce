// Access pillar: the pure decision engine — (actor, subject facts, purpose, categories) to allow-full, allow-masked or deny with a rule.
export {
  DECISION_RULES, DEFAULT_MASKED_KINDS, MARKETING_OBJECTION,
  type AccessActor, type AccessRequest, type AccessSubject, type CompileOptions, type ConsentLookup, type ConsentState,
  type Decision, type DecisionRule, type Effect, type IdentifierKind, type MaskFor, type Operation,
} from './access.model.ts';
export { compilePolicy, type AccessPolicy } from './access.compile.ts';
export { decide } from './access.decide.ts';
export { maskKindsFor, effectFor } from './access.mask.ts';
