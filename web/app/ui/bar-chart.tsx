// A horizontal bar chart: text labels that wrap like any text, each bar an inline SVG scaled to the largest value.

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

/** Draws bars in the given order; the figure's accessible name carries every value. */
export function BarChart(props: { title: string; bars: Bar[]; empty: string; unit?: string }) {
  const max = Math.max(1e-9, ...props.bars.map((b) => b.value));
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      {props.bars.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class="bars" role="img" aria-label={`${props.title}: ${props.bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}>
          {props.bars.map((b) => (
            <div class="bar-row" key={b.label} aria-hidden="true">
              <span class="bar-label">{b.label}</span>
              <svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                <rect x="0" y="0" height="10" rx="1.5" width={Math.max(0.8, (b.value / max) * 100)} class="chart-bar" />
              </svg>
              <span class="bar-value">{b.value}{props.unit ?? ''}</span>
            </div>
          ))}
        </div>
      )}
    </figure>
  );
}
