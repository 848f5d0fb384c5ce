// Every route module, in mount order. One line per module.
import adm from './adm.ts';
import audit from './audit.ts';
import banner from './banner.ts';
import consent from './consent.ts';
import deid from './deid.ts';
import meChoices from './me-choices.ts';
import health from './health.ts';
import history from './history.ts';
import incidents from './incidents.ts';
import keys from './keys.ts';
import lint from './lint.ts';
import notice from './notice.ts';
import registry from './registry.ts';
import reports from './reports.ts';
import retention from './retention.ts';
import rights from './rights.ts';
import stats from './stats.ts';
import subjects from './subjects.ts';
import type { RouteModule } from './route.ts';
import vault from './vault.ts';
import webhooks from './webhooks.ts';

/** Mounted by buildApp. */
export const ROUTES: RouteModule[] = [health, registry, keys, audit, webhooks, subjects, consent, vault, banner, notice, lint, stats, rights, adm, retention, incidents, reports, history, deid, meChoices];
