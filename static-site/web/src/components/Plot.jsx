import { useEffect, useRef } from 'react';

// Resizing is ours (ResizeObserver), not Plotly's window listener: Plotly's own handler throws "Resize must be
// passed a displayed plot div element" when the div has just been removed (Forget my data, a deleted file).
const BASE_CONFIG = { responsive: false, displaylogo: false, scrollZoom: false };

const displayed = (el) => el.isConnected && el.offsetParent !== null && !!el._fullLayout;

/**
 * A Plotly chart (window.Plotly, loaded by index.html). Redraws with Plotly.react when data or layout change; keep
 * `layout.uirevision` constant to keep the user's zoom. Resizes with its box while displayed and is purged when
 * unmounted, so nothing of it runs after the div is gone.
 */
export function Plot({ data, layout, config, onRelayout, onClick, onHover, onUnhover, label, testId, className }) {
  const ref = useRef(null);
  const handlers = useRef({});
  const bound = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    handlers.current = { onRelayout, onClick, onHover, onUnhover };
  });

  useEffect(() => {
    const el = ref.current;
    alive.current = true;
    const observer = new ResizeObserver(() => {
      if (alive.current && displayed(el)) window.Plotly.Plots.resize(el).catch(() => {});
    });
    observer.observe(el);
    return () => {
      alive.current = false;
      observer.disconnect();
      window.Plotly.purge(el);
      bound.current = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    window.Plotly.react(el, data, layout, { ...BASE_CONFIG, ...config }).then(() => {
      if (!alive.current || bound.current) return;
      bound.current = true;
      el.on('plotly_relayout', (e) => handlers.current.onRelayout?.(e, el));
      el.on('plotly_click', (e) => handlers.current.onClick?.(e, el));
      el.on('plotly_hover', (e) => handlers.current.onHover?.(e, el));
      el.on('plotly_unhover', (e) => handlers.current.onUnhover?.(e, el));
    });
  }, [data, layout, config]);

  return <div ref={ref} className={className ?? 'plot'} role="img" aria-label={label} data-testid={testId} />;
}
