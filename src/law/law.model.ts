// Types shared by the law pillar: rules, findings, the lint context handed to predicates.
import type { Language, PathSegments, Regime, Registry } from '../registry/index.ts';

/** What a rule is about, as in the kind column of rules.md. */
export type RuleKind = 'notice' | 'consent' | 'rights' | 'transfer' | 'security' | 'retention';

/** How bad a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** The pillar that enforces a rule. */
export type Enforcer = 'lint' | 'consent' | 'vault' | 'access' | 'rights' | 'lifecycle' | 'notice';

/** Text in each of the four notice languages. */
export type Text4 = Record<Language, string>;

/** One hit returned by a rule's predicate, before the engine turns it into a finding. */
export interface Hit {
  path: PathSegments;
  /** The thing the finding is about (a purpose id, a recipient id, a missing item), filled into the message templates. */
  subject: string;
  message: string;
  severity?: Severity;
  code?: string;
}

/** A rule of the catalogue: one row of rules.md section 1, with a predicate when it is checkable on a registry. */
export interface Rule {
  id: string;
  regime: Regime;
  article: string;
  kind: RuleKind;
  severity: Severity;
  requirement: string;
  enforcedBy: Enforcer[];
  /** Suggested stable code, e.g. CN_CBT_NO_MECHANISM. */
  code?: string;
  /** Short title in four languages; the generic message template for findings. */
  title?: Text4;
  check?: (ctx: LintContext) => Hit[];
}

/** A compliance finding reported by lint. */
export interface Finding {
  ruleId: string;
  regime: Regime;
  article: string;
  severity: Severity;
  path: string;
  subject: string;
  message: string;
  code?: string;
  messages?: Partial<Record<Language, string>>;
}

/** What a predicate sees: the registry and precomputed lookups. */
export interface LintContext {
  reg: Registry;
  regime: Regime;
}
