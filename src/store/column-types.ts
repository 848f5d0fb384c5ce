// Column types shared by the table interfaces.
import type { ColumnType, JSONColumnType } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO text. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: read parsed, written as JSON text. */
export type Json<T extends object | null = object> = JSONColumnType<T, string, string>;
