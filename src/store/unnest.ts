// Many rows as one array parameter per column. A VALUES list of n rows has n x columns parameters and costs Kysely
// and the driver time on the event loop to build; `unnest` keeps it to one parameter per column at any size.
import { sql, type RawBuilder } from 'kysely';

/** A column of an unnest: its name, its PostgreSQL type, and its values in row order (timestamps as ISO strings). */
export type UnnestColumn = [name: string, pgType: string, values: readonly unknown[]];

/** `select * from unnest($1::type1[], …) as t(name1, …)`: the rows, for INSERT … SELECT or a join. */
export function unnestRows(columns: UnnestColumn[]): RawBuilder<unknown> {
  const arrays = sql.join(columns.map(([, type, values]) => sql`${values}::${sql.raw(type)}[]`));
  return sql`select * from unnest(${arrays}) as t(${sql.join(columns.map(([name]) => sql.id(name)))})`;
}
