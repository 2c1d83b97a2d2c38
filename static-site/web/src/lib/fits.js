// The accepted fits of one analysis as a reducer with undo/redo per curve. The list is the `fits` of the
// analysis's Adjustments (docs/api.md): what is stored with the analysis and what every export writes.

export const NO_FITS = { fits: [], redo: { hyperpol: [], depol: [] } };

const bare = ({ curve, model, from, to, subtract }) => ({ curve, model, from, to, subtract: !!subtract });

export function fitsReducer(state, action) {
  switch (action.type) {
    case 'load':
      return { fits: (action.fits ?? []).map(bare), redo: { hyperpol: [], depol: [] } };
    case 'accept':
      return { fits: [...state.fits, bare(action.fit)], redo: { ...state.redo, [action.fit.curve]: [] } };
    case 'undo': {
      const i = state.fits.findLastIndex((f) => f.curve === action.curve);
      if (i < 0) return state;
      return {
        fits: state.fits.filter((_, j) => j !== i),
        redo: { ...state.redo, [action.curve]: [...state.redo[action.curve], state.fits[i]] },
      };
    }
    case 'redo': {
      const stack = state.redo[action.curve];
      if (!stack.length) return state;
      return {
        fits: [...state.fits, stack[stack.length - 1]],
        redo: { ...state.redo, [action.curve]: stack.slice(0, -1) },
      };
    }
    case 'clear': {
      const removed = state.fits.filter((f) => f.curve === action.curve);
      if (!removed.length) return state;
      return {
        fits: state.fits.filter((f) => f.curve !== action.curve),
        redo: { ...state.redo, [action.curve]: [...state.redo[action.curve], ...removed.reverse()] },
      };
    }
    case 'subtract': {
      // "Subtract line": the curve's last linear fit is subtracted (or no longer), like the desktop's checkbox.
      const i = state.fits.findLastIndex((f) => f.curve === action.curve && f.model === 'linear');
      if (i < 0) return state;
      return { ...state, fits: state.fits.map((f, j) => (j === i ? { ...f, subtract: action.on } : f)) };
    }
    default:
      throw new Error(`unknown fits action ${action.type}`);
  }
}

export const fitsOf = (state, curve) => state.fits.filter((f) => f.curve === curve);
export const canUndo = (state, curve) => state.fits.some((f) => f.curve === curve);
export const canRedo = (state, curve) => state.redo[curve].length > 0;
export const subtracting = (state, curve) =>
  state.fits.some((f) => f.curve === curve && f.model === 'linear' && f.subtract);
export const hasLinear = (state, curve) => state.fits.some((f) => f.curve === curve && f.model === 'linear');

/** The Adjustments body of PUT .../adjustments. */
export const adjustmentsBody = (ranges, state) => ({ ranges, fits: state.fits.map(bare) });
