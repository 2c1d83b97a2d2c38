import { useReducer } from 'react';
import { fitsReducer, NO_FITS } from '../lib/fits.js';

/** The accepted fits of the analysis on screen, with undo/redo per curve (lib/fits.js). */
export function useFits() {
  return useReducer(fitsReducer, NO_FITS);
}
