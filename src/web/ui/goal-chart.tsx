import { SUPPORT_NEED_LEVELS } from '../../shared/assessment/ffb-terms.ts';
import { formatDate } from './format.ts';

const SCALE = ['Intet støttebehov', 'Let støttebehov', 'Moderat støttebehov', 'Højt støttebehov', 'Fuldstændigt støttebehov'];
const rank = (code: string) => SCALE.indexOf(SUPPORT_NEED_LEVELS.find((l) => l.code === code)?.display ?? '');
const word = (code: string) => SUPPORT_NEED_LEVELS.find((l) => l.code === code)?.display ?? code;

/**
 * A goal's FKO history as a small chart: baseline → statuses, with the target as a dashed line. Lower is more
 * mastery. The same points are given as text in a list for screen readers (the chart is decorative for them).
 */
export function GoalChart({
  baseline,
  target,
  statuses,
  labels,
}: {
  baseline: string;
  target: string;
  statuses: { scoredOn: string; supportNeedCode: string; kind: string }[];
  labels: { baseline: string; target: string; final: string };
}) {
  const points = [
    { label: labels.baseline, r: rank(baseline) },
    ...statuses.map((s) => ({ label: formatDate(s.scoredOn), r: rank(s.supportNeedCode) })),
  ];
  const w = 320;
  const h = 120;
  const x = (i: number) => 40 + (points.length > 1 ? (i * (w - 60)) / (points.length - 1) : 0);
  const y = (r: number) => 10 + (r * (h - 30)) / 4;
  return (
    <figure className="vt-goal-chart">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" focusable="false">
        {[0, 1, 2, 3, 4].map((r) => (
          <g key={r}>
            <line x1={36} x2={w - 10} y1={y(r)} y2={y(r)} stroke="#e0e0e0" />
            <text x={2} y={y(r) + 4} fontSize="9" fill="#545454">
              {['Intet', 'Let', 'Mod.', 'Højt', 'Fuld.'][r]}
            </text>
          </g>
        ))}
        <line
          x1={36}
          x2={w - 10}
          y1={y(rank(target))}
          y2={y(rank(target))}
          stroke="#008139"
          strokeDasharray="4 3"
          strokeWidth="2"
        />
        <polyline fill="none" stroke="#0059b3" strokeWidth="2" points={points.map((p, i) => `${x(i)},${y(p.r)}`).join(' ')} />
        {points.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: points are positional (baseline, then statuses in date order)
          <circle key={i} cx={x(i)} cy={y(p.r)} r="4" fill="#0059b3" />
        ))}
      </svg>
      <figcaption>
        <ul className="vt-goal-chart__points">
          <li>
            {labels.baseline}: {word(baseline)}
          </li>
          {statuses.map((s) => (
            <li key={`${s.scoredOn}-${s.kind}`}>
              {formatDate(s.scoredOn)}
              {s.kind === 'final' ? ` (${labels.final})` : ''}: {word(s.supportNeedCode)}
            </li>
          ))}
          <li>
            {labels.target}: {word(target)}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
