/** Says what went wrong in the background (a failed refresh, a broken record): never a secret. */
export type WarningSink = (message: string) => void;

/** Where tenant records live. Both stores answer the same question: every tenant record, as stored now. */
export interface TenantSource {
  /** Says where the records come from, for logs (never a password). */
  readonly description: string;
  /** Every stored tenant record, unparsed (secrets still enc:/env: references). */
  load(): Promise<unknown[]>;
  close(): Promise<void>;
}
