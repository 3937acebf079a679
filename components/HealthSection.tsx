import { tr, type Lang } from '@/utils/i18n';
import type { HealthView } from '@/utils/view/types';
import { RichText } from './RichText';
import { Play, type PlayActions } from './Play';

function Sparkline({ points, label }: { points: { date: string; score: number }[]; label: string }) {
  if (points.length < 2) return null;
  const w = 120;
  const h = 28;
  const step = w / (points.length - 1);
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${(i * step).toFixed(1)},${(h - (p.score / 100) * h).toFixed(1)}`).join(' ');
  return (
    <svg class="fl-spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

export function HealthSection({ health, lang, play }: { health: HealthView | null; lang: Lang; play?: PlayActions }) {
  if (!health) return <p class="fl-muted">{tr(lang, 'noHealth')}</p>;
  const prev = health.history.length > 1 ? health.history[health.history.length - 2].date : '';
  const trend =
    health.delta === null
      ? null
      : health.trend === 'up'
        ? { arrow: '▲', text: tr(lang, 'trendUp', { delta: Math.abs(health.delta), date: prev }) }
        : health.trend === 'down'
          ? { arrow: '▼', text: tr(lang, 'trendDown', { delta: Math.abs(health.delta), date: prev }) }
          : { arrow: '▬', text: tr(lang, 'trendFlat', { date: prev }) };
  const missing = health.measures.filter((m) => m.missing);
  return (
    <div class={`fl-health fl-band-${health.color}`}>
      <div class="fl-health-top">
        <div class="fl-gauge-wrap">
          <div
            class="fl-gauge"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={health.score}
            aria-valuetext={`${health.score} · ${health.bandLabel}`}
            aria-label={tr(lang, 'score')}
            style={{ '--fl-score': `${health.score}%` }}
          >
            <span class="fl-gauge-score">{health.score}</span>
          </div>
          <span class="fl-gauge-band">{health.bandLabel}</span>
        </div>
        <div>
          {trend && (
            <p class="fl-trend">
              <span aria-hidden="true">{trend.arrow}</span> {trend.text}
            </p>
          )}
          <Sparkline points={health.history} label={health.history.map((p) => `${p.date}: ${p.score}`).join(', ')} />
          <p class="fl-muted">{tr(lang, 'asOf', { date: health.date })}</p>
        </div>
      </div>
      {health.daysToRenewal !== null && health.renewalDate && (
        <p class="fl-renewal">
          {health.daysToRenewal >= 0
            ? tr(lang, 'renewalIn', { days: health.daysToRenewal, date: health.renewalDate })
            : tr(lang, 'renewalPast', { days: -health.daysToRenewal, date: health.renewalDate })}
        </p>
      )}
      {health.play && <Play health={health} rich={health.play} lang={lang} actions={play} />}
      <ul class="fl-measures">
        {health.measures.map((m) => (
          <li key={m.measureId} class={m.missing ? 'fl-measure-missing' : ''}>
            <span class="fl-measure-label">{m.label}</span>
            {m.missing ? (
              <span class="fl-badge">{tr(lang, 'missing')}</span>
            ) : (
              <>
                <span class="fl-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(m.score ?? 0)}%` }} />
                </span>
                <span class="fl-measure-value">
                  {m.raw}
                  {m.unit ? ` ${m.unit}` : ''} · {tr(lang, 'contribution', { points: m.contribution.toFixed(1) })}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {missing.length > 0 && <p class="fl-muted">{tr(lang, 'missingNote', { list: missing.map((m) => m.label).join(', ') })}</p>}
    </div>
  );
}
