import { useEffect, useRef } from 'react';

const BASE_CONFIG = { responsive: true, displaylogo: false, scrollZoom: true };

/**
 * A Plotly chart (window.Plotly, loaded by index.html). Redraws with Plotly.react when data or layout change; keep
 * `layout.uirevision` constant to keep the user's zoom. Resizes with its box (panels collapse, phones rotate).
 */
export function Plot({ data, layout, config, onRelayout, onClick, onHover, onUnhover, label, testId, className }) {
  const ref = useRef(null);
  const handlers = useRef({});
  handlers.current = { onRelayout, onClick, onHover, onUnhover };
  const bound = useRef(false);

  useEffect(() => {
    const el = ref.current;
    const observer = new ResizeObserver(() => {
      if (el.data) window.Plotly.Plots.resize(el);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      window.Plotly.purge(el);
      bound.current = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    window.Plotly.react(el, data, layout, { ...BASE_CONFIG, ...config }).then(() => {
      if (bound.current) return;
      bound.current = true;
      el.on('plotly_relayout', (e) => handlers.current.onRelayout?.(e, el));
      el.on('plotly_click', (e) => handlers.current.onClick?.(e, el));
      el.on('plotly_hover', (e) => handlers.current.onHover?.(e, el));
      el.on('plotly_unhover', (e) => handlers.current.onUnhover?.(e, el));
    });
  }, [data, layout, config]);

  return <div ref={ref} className={className ?? 'plot'} role="img" aria-label={label} data-testid={testId} />;
}
