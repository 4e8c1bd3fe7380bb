/** Mock exam scores over time, as a small line chart with its numbers in a table: on the mock exam page and the dashboard. */
import type { MockScore } from '../../lib/dashboard/readiness';
import { examFormat } from '../../lib/exam';
import './attempts-chart.css';

export function AttemptsChart({ scores }: { scores: MockScore[] }) {
  const points = scores.map((score) => ({
    when: new Date(score.finishedAt),
    percent: score.total > 0 ? Math.round((score.correct / score.total) * 100) : 0,
  }));
  const width = 320;
  const height = 120;
  const x = (i: number) => (points.length === 1 ? width / 2 : 20 + (i * (width - 40)) / (points.length - 1));
  const y = (percent: number) => height - 15 - (percent / 100) * (height - 30);
  const pass = Math.round(
    ((examFormat.passingScore - examFormat.minScore) / (examFormat.maxScore - examFormat.minScore)) * 100,
  );
  return (
    <figure class="attempts-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style="max-width: 420px" aria-hidden="true">
        <line
          x1="10"
          x2={width - 10}
          y1={y(pass)}
          y2={y(pass)}
          stroke="currentColor"
          stroke-dasharray="4 4"
          stroke-opacity="0.5"
        />
        <polyline
          fill="none"
          stroke="var(--accent)"
          stroke-width="2.5"
          points={points.map((p, i) => `${x(i)},${y(p.percent)}`).join(' ')}
        />
        {points.map((p, i) => (
          <circle cx={x(i)} cy={y(p.percent)} r="4" fill="var(--accent)" />
        ))}
      </svg>
      <figcaption>Your mock exam scores over time; the dashed line is about the pass mark ({pass}% right).</figcaption>
      <table class="visually-hidden">
        <caption>Mock exam scores</caption>
        <thead>
          <tr>
            <th scope="col">Finished</th>
            <th scope="col">Right answers</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr>
              <td>{p.when.toLocaleString('en-US')}</td>
              <td>{p.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
