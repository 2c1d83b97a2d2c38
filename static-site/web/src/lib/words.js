// Words for the pointer the person has: "tap" and "choose a file" on touch screens, "click", "hover" and
// "drop" with a mouse.
export function wordsFor(touch) {
  return touch
    ? {
        click: 'tap',
        Click: 'Tap',
        drop: 'Choose ATF, ABF or CSV files',
        readout: 'Tap a point for its time and value · Zoom mode to zoom · double-tap to reset',
        drag: 'Drag a shaded span’s edge (or use the sliders)',
      }
    : {
        click: 'click',
        Click: 'Click',
        drop: 'Drop ATF, ABF or CSV files here',
        readout: 'Hover or click the plot for time and value · Zoom mode to zoom · double-click to reset',
        drag: 'Drag a shaded span (or its edges, or the sliders)',
      };
}
