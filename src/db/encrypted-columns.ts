/**
 * Every column that holds an AES-256-GCM envelope (identity/field-encryption.ts), with the
 * context its values are bound to. Key rotation walks this list; a new encrypted column must
 * be added here (the rotation test checks the list against the schema's comments).
 */
export type EncryptedColumn = { table: string; column: string; idColumn: string };

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: "users", column: "totp_secret", idColumn: "id" },
  { table: "users", column: "pending_totp_secret", idColumn: "id" },
];
