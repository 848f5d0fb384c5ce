// Decide suite: access decisions per second and p99 latency on a synthetic registry (50 purposes, 100 categories, 20 recipients),
// side by side with the same policy as Cedar (cedar-wasm) and as a Casbin model, after checking all three agree on every request.
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { newEnforcer, newModelFromString, StringAdapter, type Enforcer } from 'casbin';
import { compilePolicy, decide, MARKETING_OBJECTION, type AccessRequest } from '../../src/access/index.ts';
import { syntheticRegistry, type SyntheticSet } from '../../src/access/access.synthetic.ts';
import type { Registry } from '../../src/registry/index.ts';
import { opsPerSecond, type BenchSuite } from '../bench.ts';

type Engine = (req: AccessRequest) => boolean;
const q = (s: string) => JSON.stringify(s);
const set = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]`;
const consentOf = (req: AccessRequest) => {
  const c = req.subject.consents;
  return (typeof c === 'function' ? c(req.purpose) : c.get(req.purpose)) ?? 'absent';
};

function cedarPolicies(reg: Registry, departments: Record<string, readonly string[]>): string {
  const allRoles = reg.roles.map((r) => r.id);
  return reg.purposes.map((p) => {
    const depts = Object.keys(departments).filter((d) => departments[d].includes(p.id));
    const perms = reg.permissions.filter((x) => x.purposes.includes(p.id)).map((x) => x.id);
    const common = [
      `(if context.actorKind == "service" || context.actorRole == "service" then context.bound.contains(${q(p.id)})`
        + ` else (context.actorRole == "admin" || context.actorRole == "privacy-officer" || (context.actorRole == "agent" && ${set(depts)}.contains(context.dept))))`,
      `${set(p.roles ?? allRoles)}.contains(context.subjectRole)`,
      `!context.categories.isEmpty() && ${set(p.categories)}.containsAll(context.categories)`,
    ];
    const basis = ['!context.restricted'];
    if (p.legalBasis === 'legitimate-interests') basis.push('!context.regimes.contains("pipl")');
    if (p.legalBasis === 'consent') basis.push('context.consent == "granted"');
    if (p.marketing) basis.push(`!context.objections.containsAny(${set([MARKETING_OBJECTION, p.id])})`);
    if (p.legalBasis === 'legitimate-interests' || p.legalBasis === 'public-task') basis.push(`!context.objections.contains(${q(p.id)})`);
    if (perms.length > 0) basis.push(`!context.permissionsOff.containsAny(${set(perms)})`);
    const res = `resource == Purpose::${q(p.id)}`;
    return `permit(principal, action == Action::"read", ${res}) when { ${[...common, ...basis].join(' && ')} };\n`
      + `permit(principal, action in [Action::"storage", Action::"security"], ${res}) when { ${common.join(' && ')} };`;
  }).join('\n');
}

function cedarEngine(set: SyntheticSet): Engine {
  const parsed = cedar.preparsePolicySet('custodia', { staticPolicies: cedarPolicies(set.registry, set.options.departments ?? {}) });
  if (parsed.type !== 'success') throw new Error(`cedar policies: ${JSON.stringify(parsed.errors)}`);
  const principal = { type: 'Actor', id: 'caller' };
  return (req) => {
    const s = req.subject;
    const answer = cedar.statefulIsAuthorized({
      principal, action: { type: 'Action', id: req.operation ?? 'read' }, resource: { type: 'Purpose', id: req.purpose },
      context: {
        actorKind: req.actor.kind, actorRole: req.actor.role, dept: req.actor.department ?? '', bound: req.actor.purposes as string[],
        subjectRole: s.role, regimes: s.regimes as string[], restricted: s.restricted === true, consent: consentOf(req),
        objections: (s.objections ?? []) as string[], permissionsOff: (s.permissionsOff ?? []) as string[], categories: req.categories as string[],
      },
      entities: [], preparsedPolicySetId: 'custodia', validateRequest: false,
    });
    if (answer.type !== 'success') throw new Error(`cedar: ${JSON.stringify(answer.errors)}`);
    return answer.response.decision === 'allow';
  };
}

// casbin rewrites `in` textually: `!(a in x || b in x)` comes out wrong, so each `in` gets its own negation
const CASBIN_MODEL = `
[request_definition]
r = sub, obj, act
[policy_definition]
p = pur, cat, consent, li, objectable, mkt, perm1, perm2, perm3
[role_definition]
g = _, _
g2 = _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = r.obj.pur == p.pur && r.obj.cat == p.cat && g(r.sub, p.pur) && g2(r.obj.role, p.pur) && \
  (r.act == "storage" || r.act == "security" || (r.act == "read" && !r.obj.restricted && \
  (p.consent == "0" || r.obj.consent == "granted") && (p.li == "0" || !r.obj.pipl) && \
  (p.objectable == "0" || !(p.pur in r.obj.objections)) && \
  (p.mkt == "0" || (!("${MARKETING_OBJECTION}" in r.obj.objections) && !(p.pur in r.obj.objections))) && \
  !(p.perm1 in r.obj.off) && !(p.perm2 in r.obj.off) && !(p.perm3 in r.obj.off)))
`;

async function casbinEngine(set: SyntheticSet): Promise<Engine> {
  const reg = set.registry;
  const lines: string[] = [];
  for (const p of reg.purposes) {
    const perms = reg.permissions.filter((x) => x.purposes.includes(p.id)).map((x) => x.id);
    if (perms.length > 3) throw new Error('the casbin model links at most three permissions per purpose');
    const [a = '-', b = '-', c = '-'] = perms;
    const flags = [p.legalBasis === 'consent', p.legalBasis === 'legitimate-interests', p.legalBasis === 'legitimate-interests' || p.legalBasis === 'public-task', p.marketing === true].map((x) => (x ? '1' : '0'));
    for (const cat of p.categories) lines.push(`p, ${p.id}, ${cat}, ${flags.join(', ')}, ${a}, ${b}, ${c}`);
    for (const role of p.roles ?? reg.roles.map((x) => x.id)) lines.push(`g2, ${role}, ${p.id}`);
    for (const who of ['role:admin', 'role:privacy-officer']) lines.push(`g, ${who}, ${p.id}`);
  }
  for (const [dept, ids] of Object.entries(set.options.departments ?? {})) for (const id of ids) lines.push(`g, dept:${dept}, ${id}`);
  for (const { id, actor } of set.actors) if (actor.kind === 'service') for (const p of actor.purposes) lines.push(`g, ${id}, ${p}`);
  const e: Enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL), new StringAdapter(lines.join('\n')));
  const ids = new Map(set.actors.map(({ id, actor }) => [actor, id]));
  return (req) => {
    const a = req.actor;
    const sub = a.kind === 'service' ? ids.get(a) ?? 'unknown' : a.role === 'agent' ? `dept:${a.department ?? ''}` : `role:${a.role}`;
    const s = req.subject;
    const obj = { pur: req.purpose, cat: '', role: s.role, restricted: s.restricted === true, consent: consentOf(req), pipl: s.regimes.includes('pipl'), objections: s.objections ?? [], off: s.permissionsOff ?? [] };
    if (req.categories.length === 0) return false;
    for (const cat of req.categories) {
      obj.cat = cat;
      if (!e.enforceSync(sub, obj, req.operation ?? 'read')) return false;
    }
    return true;
  };
}

function p99us(fn: Engine, reqs: AccessRequest[], samples: number): number {
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const r = reqs[i % reqs.length];
    const t = process.hrtime.bigint();
    fn(r);
    times[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  times.sort();
  return times[Math.floor(samples * 0.99)];
}

const suite: BenchSuite = async ({ report }) => {
  const set = syntheticRegistry();
  const policy = compilePolicy(set.registry, set.options);
  const reqs = set.requests;
  const ours: Engine = (r) => decide(policy, r).effect !== 'deny';
  const peers: [string, Engine][] = [['cedar-wasm', cedarEngine(set)], ['casbin', await casbinEngine(set)]];
  // honesty first: every engine must give the same allow/deny answer on the whole mix before anything is timed
  const allowed = reqs.filter(ours).length;
  for (const [name, peer] of peers) {
    const wrong = reqs.findIndex((r) => peer(r) !== ours(r));
    if (wrong >= 0) throw new Error(`${name} disagrees with decide() on request ${wrong}: ${JSON.stringify({ ...reqs[wrong], subject: { ...reqs[wrong].subject, consents: consentOf(reqs[wrong]) } })}`);
  }
  const mask = reqs.length - 1;
  const loop = (fn: Engine) => { let i = 0; return () => fn(reqs[i++ & mask]); };
  const value = opsPerSecond(loop(ours), 2000);
  const p99 = p99us(ours, reqs, 400_000);
  for (const [name, peer] of peers) {
    const peerValue = opsPerSecond(loop(peer), 2000);
    const peerP99 = p99us(peer, reqs, name === 'casbin' ? 4_000 : 40_000);
    report({
      bench: 'decide', metric: 'ops_per_s', value: Math.round(value), peer: name, peer_value: Math.round(peerValue), ratio: Number((value / peerValue).toFixed(1)),
      p99_us: Number(p99.toFixed(2)), peer_p99_us: Number(peerP99.toFixed(2)), n: reqs.length, allowed, agree: true,
    });
  }
};
export default suite;
