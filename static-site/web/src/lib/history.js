import { presetLabel } from './chain.js';

/** What a History row says about how an analysis ran: mode, filter, starting point (asked and used). */
export function howItRan(summary) {
  const filter = summary.filter === 'custom' ? 'custom filter' : presetLabel(summary.filter ?? 'raw');
  const parts = [summary.mode ?? 'desktop', filter];
  if (summary.mode !== 'standard') {
    const asked = summary.startingPointRequested;
    const used = summary.startingPoint;
    if (asked === 'auto' || asked === undefined) parts.push(used != null ? `start auto → ${used}` : 'start auto');
    else parts.push(`start ${asked}`);
  }
  if (summary.adjusted) parts.push('adjusted');
  return parts.join(' · ');
}

export function newestFirst(analyses) {
  return [...analyses].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}
