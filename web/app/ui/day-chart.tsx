// Daily counts of up to a few series as grouped columns in inline SVG, with a legend and a text alternative.

/** One series of counts by day (YYYY-MM-DD). */
export interface DaySeries {
  name: string;
  className: string;
  counts: Record<string, number>;
}

/** Draws `days` on the x axis and each series as a column per day. */
export function DayChart(props: { title: string; days: string[]; series: DaySeries[]; empty: string }) {
  const total = props.series.reduce((n, s) => n + Object.values(s.counts).reduce((a, b) => a + b, 0), 0);
  const max = Math.max(1, ...props.series.flatMap((s) => props.days.map((d) => s.counts[d] ?? 0)));
  const w = 300;
  const h = 110;
  const step = w / Math.max(1, props.days.length);
  const colW = Math.max(1.5, (step * 0.8) / props.series.length);
  const summary = props.series.map((s) => `${s.name} ${Object.values(s.counts).reduce((a, b) => a + b, 0)}`).join(', ');
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      {total === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <>
          <svg role="img" aria-label={`${props.title}: ${summary}`} viewBox={`0 0 ${w} ${h + 18}`} width="100%">
            <line x1="0" x2={w} y1={h} y2={h} class="chart-axis" />
            <text x="0" y="10" class="chart-value">{max}</text>
            {props.days.map((d, i) =>
              props.series.map((s, j) => {
                const v = s.counts[d] ?? 0;
                const bh = (v / max) * (h - 16);
                return v > 0 ? <rect key={`${d}-${s.name}`} x={i * step + step * 0.1 + j * colW} y={h - bh} width={colW} height={bh} class={s.className}><title>{`${d} ${s.name}: ${v}`}</title></rect> : null;
              }),
            )}
            <text x="0" y={h + 14} class="chart-label">{props.days[0]?.slice(5)}</text>
            <text x={w} y={h + 14} text-anchor="end" class="chart-label">{props.days[props.days.length - 1]?.slice(5)}</text>
          </svg>
          <ul class="legend">
            {props.series.map((s) => (
              <li key={s.name}><span class={`swatch ${s.className}`} aria-hidden="true" />{s.name}</li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
