// A horizontal bar chart in inline SVG: one labelled bar per row, values printed beside the bars.

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

/** Draws bars sorted as given; `unit` follows each value. */
export function BarChart(props: { title: string; bars: Bar[]; empty: string; unit?: string }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const rowH = 28;
  const height = props.bars.length * rowH;
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      {props.bars.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <svg role="img" aria-label={`${props.title}: ${props.bars.map((b) => `${b.label} ${b.value}`).join(', ')}`} viewBox={`0 0 400 ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
          {props.bars.map((b, i) => (
            <g key={b.label} transform={`translate(0 ${i * rowH})`}>
              <text x="0" y="17" class="chart-label">{b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}</text>
              <rect x="150" y="6" height="16" rx="3" width={Math.max(2, (b.value / max) * 200)} class="chart-bar" />
              <text x={156 + (b.value / max) * 200} y="19" class="chart-value">{b.value}{props.unit ?? ''}</text>
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}
