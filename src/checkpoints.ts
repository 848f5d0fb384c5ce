// Wires the audit pillar's signed checkpoints to the deployment: the signing key derived from the master key,
// export to a file and to the outbox topic `audit.checkpoint` (webhooks, NATS) on a timer, and verification.
import type { Kysely } from 'kysely';
import { CheckpointSigner, exportCheckpoint, exportFileAnchors, fileDestination, TrustedKeys, verifyAuditChain, type Anchor, type AuditVerification, type CheckpointDestination, type ExportedCheckpoint } from './audit/index.ts';
import { emitEvent, listWebhooks, topicMatches } from './outbox/index.ts';
import type { Database } from './store/index.ts';
import type { MasterKey } from './vault/index.ts';

export const CHECKPOINT_TOPIC = 'audit.checkpoint';

/** The checkpoint signing key: derived from the master key, so it lives where that key lives (never in the database). */
export function checkpointSigner(master: MasterKey): CheckpointSigner {
  return new CheckpointSigner(master.derive('audit-checkpoints'));
}

/** Exports and verification with the deployment's key and destinations. */
export class Checkpoints {
  private timer: NodeJS.Timeout | undefined;
  readonly trusted: TrustedKeys;

  constructor(
    private readonly db: Kysely<Database>,
    readonly signer: CheckpointSigner,
    private readonly opts: { file?: string; intervalSeconds?: number; hasSinks?: boolean; onError?: (e: unknown) => void } = {},
  ) {
    this.trusted = new TrustedKeys([signer.jwk]);
  }

  /** Where checkpoints go now: the configured file, and the outbox when a webhook or sink listens for them. */
  async destinations(): Promise<CheckpointDestination[]> {
    const out: CheckpointDestination[] = [];
    if (this.opts.file) out.push(fileDestination(this.opts.file));
    const listening = this.opts.hasSinks || (await listWebhooks(this.db)).some((w) => w.topics.some((t) => topicMatches(t, CHECKPOINT_TOPIC)));
    if (listening) out.push({ name: 'events', deliver: async (trx, cp) => void (await emitEvent(trx, CHECKPOINT_TOPIC, { ...cp })) });
    return out;
  }

  /** Exports the newest checkpoint now; `extra` adds a destination (an auditor taking a copy over the API). */
  async exportNow(extra: CheckpointDestination[] = []): Promise<{ checkpoint?: ExportedCheckpoint; exportedTo: string[] }> {
    return exportCheckpoint(this.db, this.signer, [...(await this.destinations()), ...extra]);
  }

  /** Verifies the chain with this deployment's key, against the recorded exports, the export file and `anchors`. */
  async verify(anchors: Anchor[] = []): Promise<AuditVerification> {
    return verifyAuditChain(this.db, { keys: this.trusted, anchors: [...exportFileAnchors(this.opts.file), ...anchors] });
  }

  /** Exports on a timer (0 disables). */
  start(): void {
    const seconds = this.opts.intervalSeconds ?? 300;
    if (seconds <= 0) return;
    const tick = () => {
      this.timer = setTimeout(() => {
        this.exportNow().catch((e) => this.opts.onError?.(e)).finally(tick);
      }, seconds * 1000);
      this.timer.unref?.();
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
